import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReasonDto } from '../../core/assessment/assessment.dto';
import { Access, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { CSRF_FIELD } from '../../core/auth/web-session';
import { CertificateBatchService } from '../../core/certification/certificate-batch.service';
import { CertificationService } from '../../core/certification/certification.service';
import { SealRegistryService } from '../../core/certification/seal-registry.service';
import { EditionsService } from '../../core/editions/editions.service';
import { DomainError } from '../../core/errors/domain-error';
import { bodyDigest, formRequest, IDEMPOTENCY_FIELD, seeOther } from '../../core/http/idempotency';
import { IdempotencyService } from '../../core/http/idempotency.service';
import { validateAs } from '../../core/http/validation';
import { formatDate, type MessageKey } from '../../core/i18n/message';
import { CsrfGuard } from '../csrf.guard';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../web-pages.service';
import { batchView, durationText, readinessView, searchSeals } from './certification-view';

type Form = Record<string, string | undefined>;
type SealStatus = 'valid' | 'revoked' | 'expired' | 'unknown';

const STATUS_KEY: Record<SealStatus, MessageKey> = {
  valid: 'web.certification.status.valid',
  revoked: 'web.certification.status.revoked',
  expired: 'web.certification.status.expired',
  unknown: 'web.certification.status.unknown',
};

const HOME = { key: 'web.menu.home', href: '/inicio' } as const;
const CERTIFICATION = { key: 'web.certification.title', href: '/certificacao' } as const;

/** The university's pages: the edition's readiness, issuing one seal or the batch, the batch's progress, revoking and re-issuing. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class CertificationPagesController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly editions: EditionsService,
    private readonly certification: CertificationService,
    private readonly registry: SealRegistryService,
    private readonly batches: CertificateBatchService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get('certificacao')
  @Access('certifier', 'admin')
  async home(@CurrentActor() actor: Actor, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const query = req.query as Form;
    const years = (await this.editions.list()).map((e) => e.year).sort((a, b) => b - a);
    const year = years.includes(Number(query.ano)) ? Number(query.ano) : years[0];
    if (year === undefined) {
      return this.pages.send(
        req,
        reply,
        'certification',
        { title: 'web.certification.title', breadcrumb: [HOME, { key: 'web.certification.title' }] },
        { edition: null, years: [] },
      );
    }
    const readiness = readinessView((await this.certification.readiness(year)).assessments, lang);
    const search = typeof query.q === 'string' ? query.q.trim() : '';
    const found = searchSeals(await this.registry.listForEdition(year), search, Number(query.pagina ?? 1));
    const link = (page: number) =>
      `/certificacao?${new URLSearchParams({ ano: String(year), q: search, pagina: String(page) })}`;
    const issued = typeof query.emitido === 'string' ? await this.registry.verify(query.emitido) : null;
    const notice =
      issued && issued.status !== 'unknown'
        ? this.pages.text(req, 'web.certification.issued-notice', {
            number: issued.number,
            government: issued.government.name,
          })
        : query.lote === 'nenhum'
          ? this.pages.text(req, 'web.certification.batch.nothing', { year })
          : null;
    return this.pages.send(
      req,
      reply,
      'certification',
      {
        title: 'web.certification.title',
        breadcrumb: [HOME, { key: 'web.certification.title' }],
        notice,
        styles: ['certification.css'],
      },
      {
        edition: year,
        years: years.map((y) => ({ year: y, selected: y === year })),
        certifier: actor.role === 'certifier',
        summary: this.pages.text(req, 'web.certification.summary', {
          ready: readiness.ready.length,
          certified: readiness.certified,
          waiting: readiness.waiting.length,
        }),
        // Each form carries its own key, so that a double click or a resent form issues once.
        idempotencyField: IDEMPOTENCY_FIELD,
        batchKey: randomUUID(),
        ready: readiness.ready.map((r) => ({ ...r, idempotencyKey: randomUUID() })),
        waiting: readiness.waiting,
        search,
        found: {
          ...found,
          text: this.pages.text(req, 'web.certification.seals.found', {
            total: found.total,
            page: found.page,
            pages: found.pages,
          }),
          seals: found.seals.map((s) => ({
            number: s.number,
            name: s.name,
            uf: s.uf,
            status: s.status,
            statusText: this.pages.text(req, STATUS_KEY[s.status as SealStatus]),
          })),
          previous: found.previous ? link(found.previous) : null,
          next: found.next ? link(found.next) : null,
        },
      },
    );
  }

  @Post('certificacao/emitir')
  @Access('certifier')
  async issue(@CurrentActor() actor: Actor, @Body() body: Form, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const done = await this.idempotency.once(this.formKey(actor, req, body), async () => {
      const seal = await this.certification.issue(actor, body.assessmentId ?? '');
      return seeOther(`/certificacao?ano=${seal.editionYear}&emitido=${seal.number}`);
    });
    return this.pages.redirect(reply, done.headers.location);
  }

  /** Leads to the edition's batch: the one started, or the one already running; says so when none is needed. */
  @Post('certificacao/lotes')
  @Access('certifier')
  async startBatch(
    @CurrentActor() actor: Actor,
    @Body() body: Form,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    // A year that is not one (a field sent twice, a word) finds no edition rather than reaching the query as NaN.
    const year = typeof body.ano === 'string' && /^\d{4}$/.test(body.ano) ? Number(body.ano) : 0;
    const done = await this.idempotency.once(this.formKey(actor, req, body), async () => {
      try {
        return seeOther(`/certificacao/lotes/${(await this.batches.start(actor, year)).id}`);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'NOTHING_TO_ISSUE') throw e;
        return seeOther(`/certificacao?ano=${year}&lote=nenhum`);
      }
    });
    return this.pages.redirect(reply, done.headers.location);
  }

  private formKey(actor: Actor, req: WebRequest, body: Form) {
    return formRequest(actor.id, req, body[IDEMPOTENCY_FIELD], bodyDigest(body, [CSRF_FIELD, IDEMPOTENCY_FIELD]));
  }

  @Get('certificacao/lotes/:id')
  @Access('certifier', 'admin')
  async batch(@Param('id') id: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    this.pages.lang(req, reply);
    const progress = await this.batches.progress(id);
    const view = batchView(progress, new Date());
    return this.pages.send(
      req,
      reply,
      'certification-batch',
      {
        title: 'web.certification.batch.title',
        breadcrumb: [HOME, CERTIFICATION, { key: 'web.certification.batch.title' }],
        styles: ['certification.css'],
        scripts: ['certification.js'],
      },
      {
        heading: this.pages.text(req, 'web.certification.batch.heading', { year: progress.editionYear }),
        progress,
        view,
        left:
          view.secondsLeft === null
            ? this.pages.text(req, 'web.certification.batch.left-unknown')
            : durationText(view.secondsLeft),
        statusText: view.over
          ? this.pages.text(req, 'web.certification.batch.over', { done: progress.done, failed: progress.failed })
          : this.pages.text(req, 'web.certification.batch.running', {
              finished: view.finished,
              total: progress.total,
              percent: view.percent,
            }),
        api: `/api/certificate-batches/${id}`,
        self: `/certificacao/lotes/${id}`,
        back: `/certificacao?ano=${progress.editionYear}`,
        backText: this.pages.text(req, 'web.certification.batch.back', { year: progress.editionYear }),
      },
    );
  }

  @Get('certificacao/selos/:number')
  @Access('certifier', 'admin')
  async seal(
    @CurrentActor() actor: Actor,
    @Param('number') number: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const query = req.query as Form;
    const notice =
      query.revogado === '1'
        ? this.pages.text(req, 'web.certification.revoked-notice', { number })
        : query.reemitido
          ? this.pages.text(req, 'web.certification.reissued-notice', { number: query.reemitido, replacement: number })
          : null;
    return this.sealPage(actor, number, req, reply, [], { revoke: '', reissue: '' }, 200, notice);
  }

  @Post('certificacao/selos/:number/revogar')
  @Access('certifier')
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('number') number: string,
    @Body() body: Form,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const problem = await this.reasonProblem(req, 'revoke-reason', reason, () =>
      this.certification.revoke(actor, number, reason),
    );
    if (problem) return this.sealPage(actor, number, req, reply, [problem], { revoke: reason, reissue: '' }, 422);
    return this.pages.redirect(reply, `/certificacao/selos/${encodeURIComponent(number)}?revogado=1`);
  }

  @Post('certificacao/selos/:number/reemitir')
  @Access('certifier')
  async reissue(
    @CurrentActor() actor: Actor,
    @Param('number') number: string,
    @Body() body: Form,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    let replacement = '';
    const problem = await this.reasonProblem(req, 'reissue-reason', reason, async () => {
      replacement = (await this.certification.reissue(actor, number, reason)).number;
    });
    if (problem) return this.sealPage(actor, number, req, reply, [problem], { revoke: '', reissue: reason }, 422);
    return this.pages.redirect(
      reply,
      `/certificacao/selos/${encodeURIComponent(replacement)}?reemitido=${encodeURIComponent(number)}`,
    );
  }

  /** Runs the action unless the reason is empty; a refused reason becomes the field's problem. */
  private async reasonProblem(
    req: WebRequest,
    field: string,
    reason: string,
    act: () => Promise<unknown>,
  ): Promise<FormProblem | null> {
    if (reason === '') return { field, text: this.pages.text(req, 'web.certification.reason-missing') };
    try {
      // The API's rule for a reason (length), checked before anything changes.
      validateAs(ReasonDto, { reason }, '');
      await act();
      return null;
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED' || e.fields.length === 0) throw e;
      return {
        field,
        text: this.pages.text(req, 'web.certification.reason-problem', {
          reason: this.pages.localized(req, e.fields[0].message),
        }),
      };
    }
  }

  private async sealPage(
    actor: Actor,
    number: string,
    req: WebRequest,
    reply: FastifyReply,
    errors: FormProblem[],
    typed: { revoke: string; reissue: string },
    status: number,
    notice: string | null = null,
  ) {
    const lang = this.pages.lang(req, reply);
    const seal = await this.certification.get(number);
    const verified = await this.registry.verify(seal.number);
    const error = (field: string) => errors.find((e) => e.field === field)?.text ?? null;
    return this.pages.send(
      req,
      reply,
      'certification-seal',
      {
        title: 'web.certification.seal.title',
        breadcrumb: [HOME, CERTIFICATION, { key: 'web.certification.seal.title' }],
        status,
        errors,
        notice,
        mainForm: 'revoke-form',
        styles: ['certification.css'],
      },
      {
        heading: this.pages.text(req, 'web.certification.seal.heading', { number }),
        seal: verified,
        government: verified.status === 'unknown' ? '' : `${verified.government.name} (${verified.government.uf})`,
        statusText: this.pages.text(req, STATUS_KEY[verified.status]),
        validUntil: formatDate(seal.validUntil, lang),
        revokedAt: seal.revokedAt ? formatDate(new Date(seal.revokedAt).toISOString(), lang) : null,
        open: !seal.revokedAt,
        certifier: actor.role === 'certifier',
        back: `/certificacao?ano=${seal.editionYear}`,
        pdf: `/api/certificates/${encodeURIComponent(number)}/pdf`,
        verify: `/verify/${encodeURIComponent(number)}`,
        revoke: {
          action: `/certificacao/selos/${encodeURIComponent(number)}/revogar`,
          value: typed.revoke,
          error: error('revoke-reason'),
        },
        reissue: {
          action: `/certificacao/selos/${encodeURIComponent(number)}/reemitir`,
          value: typed.reissue,
          error: error('reissue-reason'),
        },
      },
    );
  }
}
