import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { CreateUserDto, UpdateUserDto } from '../../core/auth/auth.dto';
import { AuthService, temporaryPassword } from '../../core/auth/auth.service';
import { UserDirectory, type UserView } from '../../core/auth/user-directory.service';
import { DomainError, type FieldProblem } from '../../core/errors/domain-error';
import { validateAs } from '../../core/http/validation';
import { type MessageKey } from '../../core/i18n/message';
import { CsrfGuard } from '../csrf.guard';
import { errorOf, formProblems } from '../official/enrolment/form-problems';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../web-pages.service';
import { pagination, roleLabel, roleOptions, userFilters, userQuery, userRow } from './users-view';

type Form = Record<string, unknown>;
const FORM_CODES = new Set(['VALIDATION_FAILED', 'ALREADY_EXISTS', 'FORBIDDEN']);
const NEW_USER_FIELDS = ['name', 'email', 'role', 'governmentCode', 'password'] as const;
const str = (body: Form | undefined, name: string) =>
  typeof body?.[name] === 'string' ? (body[name] as string).trim() : '';

/** The administrators' users: the list with its filters, a new user, and one user's role, status and password. */
@ApiExcludeController()
@Controller('admin/usuarios')
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class AdminUsersController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly auth: AuthService,
    private readonly users: UserDirectory,
  ) {}

  @Get()
  @Access('admin')
  list(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.listPage(req, reply, {}, [], 200, null);
  }

  @Post()
  @Access('admin')
  async create(@CurrentActor() actor: Actor, @Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: Form) {
    this.pages.lang(req, reply);
    const values = Object.fromEntries(NEW_USER_FIELDS.map((f) => [f, str(body, f)]));
    // Left empty, the password is a temporary one, shown once on the next page.
    const password = values.password || temporaryPassword();
    let user: UserView;
    try {
      const input = validateAs(
        CreateUserDto,
        {
          name: values.name,
          email: values.email,
          role: values.role,
          password,
          ...(values.governmentCode ? { governmentCode: values.governmentCode } : {}),
        },
        '',
      );
      user = await this.auth.createUser(actor, input);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      return this.listPage(req, reply, { ...values, password: '' }, this.problems(req, e.fields, 'new-'), 422, null);
    }
    const notice = this.pages.text(req, 'web.admin.users.created', { name: user.name });
    return this.userPage(req, reply, user, [], 201, notice, values.password ? null : password);
  }

  @Get(':id')
  @Access('admin')
  async user(@Param('id') id: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const done = (req.query as Record<string, unknown>).feito;
    const notice =
      typeof done === 'string' && ['disabled', 'enabled', 'changed'].includes(done)
        ? this.pages.text(req, `web.admin.user.done.${done}` as MessageKey)
        : null;
    return this.userPage(req, reply, await this.users.getUser(id), [], 200, notice, null);
  }

  @Post(':id/situacao')
  @Access('admin')
  async status(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const active = str(body, 'active') === 'true';
    return this.change(actor, id, req, reply, { active }, active ? 'enabled' : 'disabled');
  }

  @Post(':id/papel')
  @Access('admin')
  async role(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const role = str(body, 'role');
    const governmentCode = str(body, 'governmentCode');
    return this.change(actor, id, req, reply, { role, governmentCode: governmentCode || null }, 'changed');
  }

  @Post(':id/senha')
  @Access('admin')
  async password(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    this.pages.lang(req, reply);
    const typed = typeof body?.password === 'string' ? body.password : '';
    try {
      const { user, temporaryPassword: temporary } = await this.auth.resetPassword(actor, id, typed || undefined);
      return this.userPage(req, reply, user, [], 200, this.pages.text(req, 'web.admin.user.password-reset'), temporary);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      const problems = this.problems(req, e.fields, 'reset-');
      return this.userPage(req, reply, await this.users.getUser(id), problems, 422, null, null);
    }
  }

  private async change(
    actor: Actor,
    id: string,
    req: WebRequest,
    reply: FastifyReply,
    changes: Record<string, unknown>,
    done: string,
  ) {
    this.pages.lang(req, reply);
    try {
      await this.auth.updateUser(actor, id, validateAs(UpdateUserDto, changes, ''));
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      const problems =
        e.fields.length > 0
          ? this.problems(req, e.fields, 'change-')
          : [{ field: 'change-role', text: this.pages.localized(req, e.userMessage) }];
      return this.userPage(req, reply, await this.users.getUser(id), problems, 422, null, null);
    }
    return this.pages.redirect(reply, `/admin/usuarios/${id}?feito=${done}`);
  }

  private problems(req: WebRequest, fields: readonly FieldProblem[], prefix: string) {
    const lang = req.webLang ?? 'pt-BR';
    const known = ['name', 'email', 'role', 'governmentCode', 'password'];
    return formProblems(
      fields,
      (p) => (known.includes(p) ? `${prefix}${p}` : null),
      (field, reason) =>
        this.pages.text(req, 'web.admin.problem', {
          field: this.pages.text(req, `web.admin.users.field.${field.slice(prefix.length)}` as MessageKey),
          reason: reason[lang],
        }),
      known.map((k) => `${prefix}${k}`),
    );
  }

  private field(errors: readonly FormProblem[], id: string, value: string, hint = false) {
    const error = errorOf(errors, id);
    return {
      id,
      value,
      error,
      describedBy: [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || null,
    };
  }

  private async listPage(
    req: WebRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FormProblem[],
    status: number,
    notice: string | null,
  ) {
    const lang = this.pages.lang(req, reply);
    const filters = userFilters(req.query as Record<string, unknown>);
    const page = await this.users.findUsers(userQuery(filters));
    const field = (name: string, hint = false) => this.field(errors, `new-${name}`, values[name] ?? '', hint);
    return this.pages.send(
      req,
      reply,
      'admin-users',
      {
        title: 'web.admin.users.title',
        breadcrumb: [{ key: 'web.admin.title', href: '/admin' }, { key: 'web.admin.users.title' }],
        status,
        mainForm: 'user-form',
        errors,
        notice,
        styles: ['admin.css'],
      },
      {
        filters: {
          q: filters.q,
          roles: roleOptions(lang, filters.role),
          statuses: ['active', 'disabled'].map((s) => ({
            value: s,
            label: this.pages.text(req, s === 'active' ? 'web.admin.users.active' : 'web.admin.users.disabled'),
            selected: filters.status === s,
          })),
        },
        users: page.items.map((u) => userRow(u, lang)),
        pagination: pagination(filters, page.total, lang),
        form: {
          name: field('name'),
          email: field('email'),
          role: { ...field('role'), options: roleOptions(lang, values.role ?? 'official') },
          governmentCode: field('governmentCode', true),
          password: field('password', true),
        },
      },
    );
  }

  private userPage(
    req: WebRequest,
    reply: FastifyReply,
    user: UserView,
    errors: FormProblem[],
    status: number,
    notice: string | null,
    shownPassword: string | null,
  ) {
    const lang = this.pages.lang(req, reply);
    return this.pages.send(
      req,
      reply,
      'admin-user',
      {
        title: 'web.admin.user.title',
        breadcrumb: [
          { key: 'web.admin.title', href: '/admin' },
          { key: 'web.admin.users.title', href: '/admin/usuarios' },
          { key: 'web.admin.user.title' },
        ],
        status,
        errors,
        notice,
        styles: ['admin.css'],
      },
      {
        user: {
          ...userRow(user, lang),
          role: roleLabel(user.role, lang),
        },
        base: `/admin/usuarios/${user.id}`,
        shownPassword,
        change: {
          role: { ...this.field(errors, 'change-role', user.role), options: roleOptions(lang, user.role) },
          governmentCode: this.field(errors, 'change-governmentCode', user.governmentCode ?? '', true),
        },
        reset: this.field(errors, 'reset-password', '', true),
      },
    );
  }
}
