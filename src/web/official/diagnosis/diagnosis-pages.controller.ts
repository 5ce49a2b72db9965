import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AssessmentScoped, CurrentActor } from '../../../core/auth/access.decorator';
import type { Actor } from '../../../core/auth/actor';
import { AssessmentViewService } from '../../../core/assessment/assessment-view.service';
import { DiagnosisService } from '../../../core/assessment/diagnosis.service';
import { DomainError } from '../../../core/errors/domain-error';
import { readMultipart } from '../../../core/http/multipart';
import { message, translate } from '../../../core/i18n/message';
import { CsrfGuard } from '../../csrf.guard';
import { WebExceptionFilter } from '../../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../../web-pages.service';
import { conflictsByItem, planGroupSave, problemsByItem } from './diagnosis-form';
import { type DiagnosisData, diagnosisPage, type GroupFormState, itemId } from './diagnosis-view';
import { submissionPage } from './submission-view';

type Form = Record<string, unknown>;

/** The official's diagnosis: every group's items with autosave (assets/diagnosis.js), a form per group, submission. */
@ApiExcludeController()
@Controller('avaliacoes/:id')
@AssessmentScoped()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class DiagnosisPagesController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly views: AssessmentViewService,
    private readonly diagnosis: DiagnosisService,
  ) {}

  @Get()
  @Access('official')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Query() query: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const data = await this.views.withQuestionnaires(actor, id);
    const notice =
      query.enviado === '1'
        ? translate('web.submission.sent', lang)
        : typeof query.salvo === 'string'
          ? this.savedNotice(data, query.salvo, query.nada === '1', req)
          : null;
    return this.render(req, reply, data, { filter: typeof query.filtro === 'string' ? query.filtro : null, notice });
  }

  /** A group saved without JavaScript: only what changed, each item with the version the page showed. */
  @Post('grupos/:slug')
  @Access('official')
  async saveGroup(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('slug') slug: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const data = await this.views.withQuestionnaires(actor, id);
    if (!data.groups.some((g) => g.group === slug)) throw new DomainError('ROUTE_NOT_FOUND', this.notFound());
    const { saves, form } = planGroupSave(data, slug, body ?? {}, lang);
    if (Object.keys(form.problems).length > 0) return this.refused(req, reply, data, form, 422);
    if (saves.length === 0) return this.pages.redirect(reply, `/avaliacoes/${id}?salvo=${slug}&nada=1#group-${slug}`);
    try {
      await this.diagnosis.saveAnswers(actor, id, saves);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'STALE_ANSWER') {
        return this.refused(req, reply, data, { ...form, conflicts: conflictsByItem(e.details) }, 409);
      }
      if (e.code !== 'INVALID_ANSWERS') throw e;
      return this.refused(req, reply, data, { ...form, problems: problemsByItem(saves, e.fields, lang) }, 422);
    }
    return this.pages.redirect(reply, `/avaliacoes/${id}?salvo=${slug}#group-${slug}`);
  }

  /** An evidence file sent without JavaScript (multipart, CSRF token in the action): stored, then bound to the answer. */
  @Post('evidencias/:slug/:key')
  @Access('official')
  async uploadEvidence(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('slug') slug: string,
    @Param('key') key: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.pages.lang(req, reply);
    const multipart = await readMultipart(req);
    const data = await this.views.withQuestionnaires(actor, id);
    const gi = data.groups.findIndex((g) => g.group === slug);
    const row = data.groups[gi]?.items.find((i) => i.key === key);
    const item = data.questionnaires[gi]?.questionnaire.items.find((i) => i.key === key);
    if (!row || !item) throw new DomainError('ROUTE_NOT_FOUND', this.notFound());
    const file = multipart.files.find((f) => f.field === 'file' && f.bytes.length > 0);
    const problem = (text: string, status = 422) =>
      this.refused(
        req,
        reply,
        data,
        { group: slug, values: {}, evidenceUrls: {}, problems: { [key]: text }, conflicts: {} },
        status,
      );
    if (!file) return problem(translate('web.diagnosis.evidence.no-file', lang));
    if (item.type !== 'evidence' && row.answer.value === null)
      return problem(translate('web.diagnosis.evidence.answer-first', lang));
    try {
      const stored = await this.diagnosis.uploadEvidence(actor, id, file);
      const ref = 'file' in stored ? { file: stored.file, fileName: stored.fileName } : null;
      const kept = (row.answer.evidence ?? []).map((e) => ('file' in e ? { file: e.file, fileName: e.fileName } : e));
      await this.diagnosis.saveAnswers(actor, id, [
        {
          group: slug,
          itemKey: key,
          value: item.type === 'evidence' && ref ? { file: ref.file } : row.answer.value,
          expectedVersion: Number(multipart.fields.version) || 0,
          evidence: ref ? [...kept, ref] : kept,
        },
      ]);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN') throw e;
      if (e.code === 'STALE_ANSWER') {
        const form = { group: slug, values: {}, evidenceUrls: {}, problems: {}, conflicts: conflictsByItem(e.details) };
        return this.refused(req, reply, data, form, 409);
      }
      return problem(this.pages.localized(req, e.fields[0]?.message ?? e.userMessage));
    }
    return this.pages.redirect(reply, `/avaliacoes/${id}?salvo=${slug}#${itemId(slug, key)}`);
  }

  @Get('envio')
  @Access('official')
  async submission(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    this.pages.lang(req, reply);
    const data = await this.views.withQuestionnaires(actor, id);
    return this.submissionView(req, reply, data, [], 200);
  }

  @Post('envio')
  @Access('official')
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    this.pages.lang(req, reply);
    try {
      await this.diagnosis.submit(actor, id);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const data = await this.views.withQuestionnaires(actor, id);
      // Nothing answered yet: the engine refuses the step itself; the page says what is missing instead.
      if (e.code === 'ILLEGAL_TRANSITION' && data.state === 'enrolled') {
        return this.submissionView(req, reply, data, submissionPage(data, req.webLang ?? 'pt-BR').problems, 422);
      }
      if (e.code !== 'SUBMISSION_INCOMPLETE') throw e;
      const errors = e.fields.map((f) => ({
        field: `missing-${f.field.replace(/^answers\./, '').replace('.', '--')}`,
        text: this.pages.localized(req, f.message),
      }));
      return this.submissionView(req, reply, data, errors, 422);
    }
    return this.pages.redirect(reply, `/avaliacoes/${id}?enviado=1`);
  }

  private submissionView(
    req: WebRequest,
    reply: FastifyReply,
    data: DiagnosisData,
    errors: FormProblem[],
    status: number,
  ) {
    return this.pages.send(
      req,
      reply,
      'submission',
      {
        title: 'web.submission.title',
        breadcrumb: [
          { key: 'web.menu.home', href: '/inicio' },
          { key: 'web.diagnosis.title', href: `/avaliacoes/${data.id}` },
          { key: 'web.submission.title' },
        ],
        status,
        mainForm: 'submission-form',
        errors,
        styles: ['diagnosis.css'],
      },
      submissionPage(data, req.webLang ?? 'pt-BR'),
    );
  }

  private refused(req: WebRequest, reply: FastifyReply, data: DiagnosisData, form: GroupFormState, status: number) {
    const lang = req.webLang ?? 'pt-BR';
    const errors: FormProblem[] = [
      ...Object.entries(form.problems).map(([key, text]) => ({ field: itemId(form.group, key), text })),
      ...Object.keys(form.conflicts).map((key) => ({
        field: itemId(form.group, key),
        text: translate('web.diagnosis.conflict.summary', lang, { item: this.itemNumber(data, form.group, key) }),
      })),
    ];
    return this.render(req, reply, data, { form, errors, status });
  }

  private render(
    req: WebRequest,
    reply: FastifyReply,
    data: DiagnosisData,
    options: {
      filter?: string | null;
      notice?: string | null;
      form?: GroupFormState;
      errors?: FormProblem[];
      status?: number;
    },
  ) {
    const page = diagnosisPage(data, req.webLang ?? 'pt-BR', { filter: options.filter, form: options.form });
    return this.pages.send(
      req,
      reply,
      'diagnosis',
      {
        title: 'web.diagnosis.title',
        breadcrumb: [{ key: 'web.menu.home', href: '/inicio' }, { key: 'web.diagnosis.title' }],
        status: options.status ?? 200,
        mainForm: page.groups.find((g) => g.show)?.formId,
        errors: options.errors ?? [],
        notice: options.notice ?? null,
        styles: ['diagnosis.css'],
        scripts: page.editable ? ['diagnosis.js'] : [],
      },
      page,
    );
  }

  private savedNotice(data: DiagnosisData, slug: string, unchanged: boolean, req: WebRequest): string | null {
    const gi = data.groups.findIndex((g) => g.group === slug);
    if (gi < 0) return null;
    const group = this.pages.localized(req, data.questionnaires[gi].questionnaire.title);
    return this.pages.text(req, unchanged ? 'web.diagnosis.group.unchanged' : 'web.diagnosis.group.saved', { group });
  }

  private itemNumber(data: DiagnosisData, slug: string, key: string): string {
    const gi = data.groups.findIndex((g) => g.group === slug);
    const { number, questionnaire } = data.questionnaires[gi];
    return `${number}.${questionnaire.items.findIndex((i) => i.key === key) + 1}`;
  }

  private notFound() {
    return message('error.ROUTE_NOT_FOUND');
  }
}
