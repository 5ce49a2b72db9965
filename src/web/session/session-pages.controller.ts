import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor, Public } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { AuthService } from '../../core/auth/auth.service';
import { retryAfterOf, signInClient } from '../../core/auth/sign-ins.service';
import { readCookies, SESSION_COOKIE } from '../../core/auth/web-session';
import { DomainError } from '../../core/errors/domain-error';
import { CsrfGuard } from '../csrf.guard';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, safeNext, type WebRequest, WebPagesService } from '../web-pages.service';
import { decodeResume, type Resume } from './resume';
import { byField, sendResume, sendSignIn, type SignInValues } from './sign-in-page';

const ALL_ROLES = ['official', 'reviewer', 'certifier', 'admin'] as const;

type Form = Record<string, unknown>;
const field = (body: Form | undefined, name: string) =>
  typeof body?.[name] === 'string' ? (body[name] as string) : '';
/** The sign-in failures shown on the form: wrong credentials (401), too many attempts (429). */
const SIGN_IN_FAILURES: Record<string, number> = { INVALID_CREDENTIALS: 401, TOO_MANY_ATTEMPTS: 429 };

/** Signing in and out, renewing the session, changing one's password. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class SessionPagesController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly auth: AuthService,
  ) {}

  @Get('entrar')
  @Public()
  async signInForm(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query('next') next?: string) {
    this.pages.lang(req, reply);
    if (await this.pages.optionalActor(req)) return this.pages.redirect(reply, safeNext(next));
    const signedOut = (req.query as Form).saiu === '1';
    return this.signInPage(req, reply, { email: '', next: safeNext(next) }, [], 200, signedOut);
  }

  @Post('entrar')
  @Public()
  async signIn(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: Form) {
    this.pages.lang(req, reply);
    const email = field(body, 'email').trim();
    const password = field(body, 'password');
    const next = safeNext(field(body, 'next'));
    const resume = decodeResume(body?._resume);
    const problems: FormProblem[] = [
      ...(email ? [] : [{ field: 'email', text: this.pages.text(req, 'web.sign-in.email-required') }]),
      ...(password ? [] : [{ field: 'password', text: this.pages.text(req, 'web.sign-in.password-required') }]),
    ];
    if (problems.length) return this.signInPage(req, reply, { email, next }, problems, 422, false, resume);
    try {
      const { user } = await this.auth.login(email, password, signInClient(req));
      await this.pages.startSession(req, reply, {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        governmentCode: user.governmentCode,
      });
      return resume ? sendResume(this.pages, req, reply, resume) : this.pages.redirect(reply, next);
    } catch (e) {
      if (!(e instanceof DomainError) || !(e.code in SIGN_IN_FAILURES)) throw e;
      const retryAfter = retryAfterOf(e);
      if (retryAfter !== null) void reply.header('Retry-After', String(retryAfter));
      const problem = [{ field: 'password', text: this.pages.localized(req, e.userMessage) }];
      return this.signInPage(req, reply, { email, next }, problem, SIGN_IN_FAILURES[e.code], false, resume);
    }
  }

  @Post('sair')
  @Public()
  async signOut(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    // The session ends on the server too: a copy of the cookie no longer works.
    await this.auth.revoke(readCookies(req)[SESSION_COOKIE]);
    this.pages.endSession(reply);
    return this.pages.redirect(reply, '/entrar?saiu=1');
  }

  /** The page script's "stay signed in": a new expiry, answered as JSON. */
  @Post('sessao/renovar')
  @Access(...ALL_ROLES)
  async renew(@CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const expiresIn = await this.pages.renewSession(reply, actor);
    return reply.status(200).send({ expiresIn });
  }

  @Get('conta/senha')
  @Access(...ALL_ROLES)
  passwordForm(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const changed = (req.query as Form).alterada === '1';
    return this.passwordPage(req, reply, [], 200, changed);
  }

  @Post('conta/senha')
  @Access(...ALL_ROLES)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    this.pages.lang(req, reply);
    const current = field(body, 'currentPassword');
    const next = field(body, 'newPassword');
    const confirm = field(body, 'confirmPassword');
    const required = this.pages.text(req, 'web.password.required');
    const problems: FormProblem[] = [
      ...(current ? [] : [{ field: 'currentPassword', text: required }]),
      ...(next ? [] : [{ field: 'newPassword', text: required }]),
      ...(next && confirm !== next
        ? [{ field: 'confirmPassword', text: this.pages.text(req, 'web.password.mismatch') }]
        : []),
    ];
    if (problems.length) return this.passwordPage(req, reply, problems, 422);
    try {
      await this.auth.changePassword(actor, current, next);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      const fromService = e.fields.map((f) => ({ field: f.field, text: this.pages.localized(req, f.message) }));
      return this.passwordPage(req, reply, fromService, 422);
    }
    // The new password ended every session, this one included: it goes on under a new token.
    await this.pages.startSession(req, reply, actor);
    return this.pages.redirect(reply, '/conta/senha?alterada=1');
  }

  private signInPage(
    req: WebRequest,
    reply: FastifyReply,
    values: SignInValues,
    errors: FormProblem[],
    status: number,
    signedOut = false,
    resume: Resume | null = null,
  ) {
    const notice = signedOut ? this.pages.text(req, 'web.sign-in.signed-out') : null;
    return sendSignIn(this.pages, req, reply, { values, errors, status, notice, resume });
  }

  private passwordPage(req: WebRequest, reply: FastifyReply, errors: FormProblem[], status: number, changed = false) {
    return this.pages.send(
      req,
      reply,
      'password',
      {
        title: 'web.password.title',
        breadcrumb: [{ key: 'web.menu.home', href: '/inicio' }, { key: 'web.password.title' }],
        status,
        mainForm: 'password-form',
        errors,
        notice: changed ? this.pages.text(req, 'web.password.changed') : null,
      },
      { fieldErrors: byField(errors) },
    );
  }
}
