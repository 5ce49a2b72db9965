import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/errors/domain-error';
import { GoodPracticesService } from '../../core/good-practices/good-practices.service';
import { CsrfGuard } from '../csrf.guard';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../web-pages.service';
import { goodPracticesView, type PracticeFormState } from './good-practices-view';

type Form = Record<string, unknown>;
const LIST_SIZE = 100;

/** Good practices waiting for a reviewer: approve, or reject with a comment the government reads. */
@ApiExcludeController()
@Controller('revisao/boas-praticas')
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class GoodPracticesReviewController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly practices: GoodPracticesService,
  ) {}

  @Get()
  @Access('reviewer', 'admin')
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: Form) {
    this.pages.lang(req, reply);
    const notice =
      query?.feito === 'aprovada'
        ? this.pages.text(req, 'web.review.practices.approved')
        : query?.feito === 'rejeitada'
          ? this.pages.text(req, 'web.review.practices.rejected')
          : null;
    return this.render(req, reply, { notice });
  }

  @Post(':practice')
  @Access('reviewer', 'admin')
  async decide(
    @CurrentActor() actor: Actor,
    @Param('practice') practice: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    this.pages.lang(req, reply);
    const decision = body?.decision === 'reject' ? 'reject' : 'approve';
    const comment = typeof body?.comment === 'string' ? body.comment.trim() : '';
    try {
      await this.practices.review(actor, practice, { decision, ...(comment ? { comment } : {}) });
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'FORBIDDEN') throw e;
      const field = `practice-${practice}-comment`;
      const text = this.pages.localized(req, e.fields[0]?.message ?? e.userMessage);
      const errors: FormProblem[] = [{ field, text }];
      return this.render(req, reply, { status: 422, errors, form: { id: practice, comment, problem: text } });
    }
    return this.pages.redirect(
      reply,
      `/revisao/boas-praticas?feito=${decision === 'approve' ? 'aprovada' : 'rejeitada'}`,
    );
  }

  private async render(
    req: WebRequest,
    reply: FastifyReply,
    options: { status?: number; errors?: FormProblem[]; notice?: string | null; form?: PracticeFormState },
  ) {
    const lang = this.pages.lang(req, reply);
    const pending = await this.practices.pending(LIST_SIZE);
    return this.pages.send(
      req,
      reply,
      'review-good-practices',
      {
        title: 'web.review.practices.title',
        breadcrumb: [{ key: 'web.review.queue.title', href: '/revisao' }, { key: 'web.review.practices.title' }],
        status: options.status,
        errors: options.errors,
        notice: options.notice,
        styles: ['review.css'],
      },
      { practices: goodPracticesView(pending, lang, options.form ?? null) },
    );
  }
}
