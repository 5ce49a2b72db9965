import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AssessmentFilesService } from '../../core/assessment/assessment-files.service';
import { AssessmentViewService } from '../../core/assessment/assessment-view.service';
import { AuditService } from '../../core/audit/audit.service';
import { auditRows } from './audit-view';
import { Access, AssessmentScoped, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/errors/domain-error';
import { ReviewQueueService } from '../../core/review/review-queue.service';
import { ReviewRoundsService } from '../../core/review/review-rounds.service';
import { ReviewService } from '../../core/review/review.service';
import { CsrfGuard } from '../csrf.guard';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../web-pages.service';
import { inlineDisposition } from './evidence-file';
import { queueFilter, queueView, readQueueQuery } from './queue-view';
import {
  changesView,
  type DecisionsFormState,
  itemTitle,
  partId,
  planDecisions,
  problemsOf,
  reviewActs,
  type ReviewData,
  reviewGroups,
  reviewHeading,
} from './review-view';

type Form = Record<string, unknown>;

/** Notices after an act, by the `feito` parameter of the page's address. */
const DONE = {
  iniciada: 'web.review.done.started',
  decisoes: 'web.review.done.decided',
  pendentes: 'web.review.done.accepted-pending',
  devolvido: 'web.review.done.changes-requested',
  aprovado: 'web.review.done.approved',
} as const;

/** The IOM reviewers' pages: the queue, and the review of one diagnosis item by item. */
@ApiExcludeController()
@Controller('revisao')
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class ReviewPagesController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly review: ReviewService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly rounds: ReviewRoundsService,
    private readonly views: AssessmentViewService,
    private readonly audit: AuditService,
    private readonly files: AssessmentFilesService,
  ) {}

  @Get()
  @Access('reviewer', 'admin')
  async queue(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: Form) {
    const lang = this.pages.lang(req, reply);
    const q = readQueueQuery(query ?? {});
    const screen = await this.reviewQueue.queueScreen(queueFilter(q));
    return this.pages.send(
      req,
      reply,
      'review-queue',
      { title: 'web.review.queue.title', mainForm: 'queue-filters', styles: ['review.css'] },
      queueView(screen, q, lang),
    );
  }

  @Get(':id')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async show(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Query() query: Form,
  ) {
    this.pages.lang(req, reply);
    const done = typeof query?.feito === 'string' ? DONE[query.feito as keyof typeof DONE] : undefined;
    return this.render(actor, id, req, reply, { notice: done ? this.pages.text(req, done) : null });
  }

  @Post(':id/iniciar')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async start(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.act(actor, id, req, reply, 'iniciada', () => this.review.startReview(actor, id));
  }

  @Post(':id/decisoes')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const data = await this.views.withQuestionnaires(actor, id);
    const { decisions, values } = planDecisions(data, body ?? {});
    if (decisions.length === 0) {
      return this.render(actor, id, req, reply, {
        status: 422,
        errors: [{ field: 'review-items', text: this.pages.text(req, 'web.review.error.no-decision') }],
      });
    }
    try {
      await this.review.decide(
        actor,
        id,
        decisions.map(({ anchor: _anchor, ...d }) => d),
      );
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      const form: DecisionsFormState = {
        values,
        problems: problemsOf(decisions, e.fields, lang, (d) => itemTitle(data, d.group, d.itemKey, lang)),
      };
      const errors: FormProblem[] = Object.entries(form.problems).map(([anchor, p]) => ({
        field: p.field === 'decision' ? anchor : partId(anchor, p.field),
        text: p.text,
      }));
      return this.render(actor, id, req, reply, { status: 422, errors, form });
    }
    return this.pages.redirect(reply, `/revisao/${encodeURIComponent(id)}?feito=decisoes`);
  }

  @Post(':id/aceitar-pendentes')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async acceptPending(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const result = await this.attempt(actor, id, req, reply, () => this.review.acceptPending(actor, id));
    if (!result) return reply;
    if (result.leftPending.length === 0) return this.done(reply, id, 'pendentes');
    // Accepted what could be; the rest is listed as an error summary linking to each item.
    return this.render(actor, id, req, reply, {
      status: 200,
      notice: this.pages.text(req, 'web.review.done.accepted-some', { count: result.accepted }),
      errors: result.leftPending.map((p) => ({
        field: `item-${p.group}--${p.itemKey}`,
        text: this.pages.localized(req, p.message),
      })),
    });
  }

  @Post(':id/solicitar-alteracoes')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.act(actor, id, req, reply, 'devolvido', () => this.review.requestChanges(actor, id));
  }

  @Post(':id/aprovar')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.act(actor, id, req, reply, 'aprovado', () => this.review.approve(actor, id));
  }

  /**
   * An evidence file for preview in the page: PDFs and images inline, everything else as a download; never
   * sniffed, and sandboxed so that nothing in it runs with the site's origin.
   */
  @Get(':id/arquivos/:sha256')
  @Access('reviewer', 'admin')
  @AssessmentScoped()
  async file(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.files.read(actor, id, sha256);
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', inlineDisposition(file.mime, file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; object-src 'self'")
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  }

  /** Runs an act of the review; a refusal shows the page with the reasons, linking to the items at fault. */
  private async act(
    actor: Actor,
    id: string,
    req: WebRequest,
    reply: FastifyReply,
    done: keyof typeof DONE,
    run: () => Promise<unknown>,
  ) {
    const result = await this.attempt(actor, id, req, reply, run);
    return result === null ? reply : this.done(reply, id, done);
  }

  private async attempt<T>(
    actor: Actor,
    id: string,
    req: WebRequest,
    reply: FastifyReply,
    run: () => Promise<T>,
  ): Promise<T | null> {
    this.pages.lang(req, reply);
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'FORBIDDEN' || e.code === 'ASSESSMENT_NOT_FOUND') throw e;
      const errors: FormProblem[] = e.fields.length
        ? e.fields.map((f) => ({
            field: /^answers\.([^.]+)\.(.+)$/.test(f.field)
              ? f.field.replace(/^answers\.([^.]+)\.(.+)$/, 'item-$1--$2')
              : 'review-acts',
            text: this.pages.localized(req, f.message),
          }))
        : [{ field: 'review-acts', text: this.pages.localized(req, e.userMessage) }];
      await this.render(actor, id, req, reply, {
        status: 422,
        errors: [{ field: 'review-acts', text: this.pages.localized(req, e.userMessage) }, ...errors].filter(
          (p, i, all) => all.findIndex((q) => q.text === p.text) === i,
        ),
      });
      return null;
    }
  }

  private done(reply: FastifyReply, id: string, what: keyof typeof DONE) {
    return this.pages.redirect(reply, `/revisao/${encodeURIComponent(id)}?feito=${what}#review-acts`);
  }

  private async render(
    actor: Actor,
    id: string,
    req: WebRequest,
    reply: FastifyReply,
    options: { status?: number; errors?: FormProblem[]; notice?: string | null; form?: DecisionsFormState },
  ) {
    const lang = this.pages.lang(req, reply);
    const data: ReviewData = await this.views.withQuestionnaires(actor, id);
    const changes = await this.rounds.changesSinceLastRound(actor, id);
    const trail = await this.audit.forAssessment(id);
    const groups = reviewGroups(data, lang, options.form ?? null);
    const items = groups.flatMap((g) => g.items);
    return this.pages.send(
      req,
      reply,
      'review',
      {
        title: 'web.review.title',
        breadcrumb: [{ key: 'web.review.queue.title', href: '/revisao' }, { key: 'web.review.title' }],
        status: options.status,
        errors: options.errors,
        notice: options.notice,
        mainForm: 'review-items',
        styles: ['review.css'],
        scripts: ['review.js'],
      },
      {
        id: data.id,
        heading: reviewHeading(data, lang),
        acts: reviewActs(data.state),
        groups,
        pending: items.filter((i) => i.status === 'pending').length,
        sentBack: items.filter((i) => i.status === 'sent-back').length,
        changes: changesView(data, changes, lang),
        round: data.round,
        audit: auditRows(data, trail, lang),
      },
    );
  }
}
