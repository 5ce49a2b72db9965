import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReportProgressDto, SetPrioritiesDto } from '../../../core/assessment/assessment.dto';
import { EDITABLE_STATES, STATE_LABELS } from '../../../core/assessment/assessment-state';
import { AssessmentViewService } from '../../../core/assessment/assessment-view.service';
import { PrioritiesService } from '../../../core/assessment/priorities.service';
import { Access, CurrentActor } from '../../../core/auth/access.decorator';
import type { Actor } from '../../../core/auth/actor';
import { DomainError, type FieldProblem } from '../../../core/errors/domain-error';
import { validateAs } from '../../../core/http/validation';
import { CsrfGuard } from '../../csrf.guard';
import { WebExceptionFilter } from '../../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../../web-pages.service';
import {
  monitoringProblems,
  monitoringReports,
  monitoringValues,
  monitoringView,
  type PreviousPriority,
} from './monitoring-form';
import {
  choiceProblems,
  chosen,
  gapsOf,
  type PriorityChoice,
  prioritiesValues,
  prioritiesView,
  priorityProblems,
} from './priorities-form';

type Form = Record<string, unknown>;
type View = Awaited<ReturnType<AssessmentViewService['view']>>;

/** States in which the government may (re)choose its priorities: after approval, until certification. */
const PRIORITY_STATES: readonly string[] = ['approved', 'priorities-set'];

/** Stage 3 (choosing priorities among the gaps, with commitments) and stage 5 (progress on the previous ones). */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class PrioritiesPageController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly assessments: AssessmentViewService,
    private readonly priorities: PrioritiesService,
  ) {}

  @Get('avaliacoes/:id/prioridades')
  @Access('official')
  async prioritiesForm(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    this.pages.lang(req, reply);
    const view = await this.assessments.view(actor, id);
    const saved = (await this.priorities.list(actor, id)).priorities;
    const notice = (req.query as Form).salvas === '1' ? this.pages.text(req, 'web.priorities.saved') : null;
    const gaps = view.scoreSnapshot ? gapsOf(view.scoreSnapshot, view.groups) : [];
    const values = gaps.map((g) => {
      const p = saved.find((s) => s.groupSlug === g.group && s.itemKey === g.itemKey);
      return { picked: Boolean(p), commitment: p?.commitment ?? '' };
    });
    return this.prioritiesPage(req, reply, view, values, [], 200, notice, saved);
  }

  @Post('avaliacoes/:id/prioridades')
  @Access('official')
  async setPriorities(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const view = await this.assessments.view(actor, id);
    const gaps = view.scoreSnapshot ? gapsOf(view.scoreSnapshot, view.groups) : [];
    const values = prioritiesValues(body ?? {}, gaps);
    const sent: PriorityChoice[] = chosen(values);
    const fields: FieldProblem[] = [...choiceProblems(values)];
    if (sent.length > 0)
      fields.push(...validationProblems(() => validateAs(SetPrioritiesDto, { priorities: sent }, '')));
    const rerender = (problems: readonly FieldProblem[]) =>
      this.prioritiesPage(
        req,
        reply,
        view,
        values,
        priorityProblems(lang, gaps, values, problems, sent),
        422,
        null,
        [],
      );
    if (fields.length > 0) return rerender(fields);
    try {
      await this.priorities.setPriorities(actor, id, sent);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      return rerender(e.fields);
    }
    return this.pages.redirect(reply, `/avaliacoes/${id}/prioridades?salvas=1`);
  }

  @Get('avaliacoes/:id/monitoramento')
  @Access('official')
  async monitoringForm(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    this.pages.lang(req, reply);
    const { view, previous, previousYear } = await this.previousPriorities(actor, id);
    const notice = (req.query as Form).relatado === '1' ? this.pages.text(req, 'web.monitoring.saved') : null;
    const values = previous.map((p) => ({ status: p.status, note: p.note ?? '' }));
    return this.monitoringPage(req, reply, view, previous, previousYear, values, [], 200, notice);
  }

  @Post('avaliacoes/:id/monitoramento')
  @Access('official')
  async reportProgress(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const { view, previous, previousYear } = await this.previousPriorities(actor, id);
    const values = monitoringValues(body ?? {}, previous);
    const { reports, problems } = monitoringReports(values);
    const fields: FieldProblem[] = [...problems];
    if (reports.length > 0) fields.push(...validationProblems(() => validateAs(ReportProgressDto, { reports }, '')));
    const rerender = (found: readonly FieldProblem[]) =>
      this.monitoringPage(
        req,
        reply,
        view,
        previous,
        previousYear,
        values,
        monitoringProblems(lang, previous, found, reports),
        422,
        null,
      );
    if (fields.length > 0) return rerender(fields);
    try {
      await this.priorities.reportProgress(actor, id, reports);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      return rerender(e.fields);
    }
    return this.pages.redirect(reply, `/avaliacoes/${id}/monitoramento?relatado=1`);
  }

  private prioritiesPage(
    req: WebRequest,
    reply: FastifyReply,
    view: View,
    values: readonly { picked: boolean; commitment: string }[],
    errors: FormProblem[],
    status: number,
    notice: string | null,
    saved: readonly { groupSlug: string; itemKey: string; commitment: string }[],
  ) {
    const lang = this.pages.lang(req, reply);
    const gaps = view.scoreSnapshot ? gapsOf(view.scoreSnapshot, view.groups) : [];
    const editable = PRIORITY_STATES.includes(view.state);
    const state = STATE_LABELS[view.state];
    const why =
      view.state === 'certified'
        ? this.pages.text(req, 'web.priorities.certified')
        : this.pages.text(req, 'web.priorities.not-yet', { state });
    const labelOf = (group: string, key: string) =>
      view.groups.find((g) => g.group === group)?.items.find((i) => i.key === key)?.label[lang] ?? key;
    return this.pages.send(
      req,
      reply,
      'priorities',
      {
        title: 'web.priorities.title',
        breadcrumb: [{ key: 'web.menu.home', href: '/inicio' }, { key: 'web.priorities.title' }],
        status,
        mainForm: editable ? 'priorities-form' : undefined,
        errors,
        notice,
        styles: ['enrolment.css'],
        scripts: editable ? ['enrolment.js'] : [],
      },
      {
        intro: this.pages.text(req, editable ? 'web.priorities.intro' : 'web.priorities.edition', {
          year: view.editionYear,
          government: view.government.name,
        }),
        editable,
        replacing: view.state === 'priorities-set',
        why: editable ? null : why,
        action: `/avaliacoes/${view.id}/prioridades`,
        groups: editable ? prioritiesView(lang, gaps, values, errors) : [],
        none: editable && gaps.length === 0,
        chosen: saved.map((p) => ({ label: labelOf(p.groupSlug, p.itemKey), commitment: p.commitment })),
        diagnosis: `/avaliacoes/${view.id}`,
      },
    );
  }

  /** The previous edition's priorities with their labels in the questionnaire versions that edition used. */
  private async previousPriorities(actor: Actor, id: string) {
    const view = await this.assessments.view(actor, id);
    const { previousEditionPriorities } = await this.priorities.list(actor, id);
    const before = view.previousAssessmentId ? await this.assessments.view(actor, view.previousAssessmentId) : null;
    const previous: PreviousPriority[] = previousEditionPriorities.map((p) => {
      const group = before?.groups.find((g) => g.group === p.groupSlug);
      const item = group?.items.find((i) => i.key === p.itemKey);
      return {
        id: p.id,
        groupTitle: group?.title ?? { 'pt-BR': p.groupSlug, en: p.groupSlug },
        label: item?.label ?? { 'pt-BR': p.itemKey, en: p.itemKey },
        commitment: p.commitment,
        status: p.progressStatus,
        note: p.progressNote,
      };
    });
    return { view, previous, previousYear: before?.editionYear ?? null };
  }

  private monitoringPage(
    req: WebRequest,
    reply: FastifyReply,
    view: View,
    previous: readonly PreviousPriority[],
    previousYear: number | null,
    values: readonly { status: PreviousPriority['status']; note: string }[],
    errors: FormProblem[],
    status: number,
    notice: string | null,
  ) {
    const lang = this.pages.lang(req, reply);
    const editable = EDITABLE_STATES.includes(view.state) && previous.length > 0;
    const why =
      previous.length === 0
        ? this.pages.text(req, 'web.monitoring.nothing')
        : editable
          ? null
          : this.pages.text(req, 'web.monitoring.locked', { state: STATE_LABELS[view.state] });
    return this.pages.send(
      req,
      reply,
      'monitoring',
      {
        title: 'web.monitoring.title',
        breadcrumb: [{ key: 'web.menu.home', href: '/inicio' }, { key: 'web.monitoring.title' }],
        status,
        mainForm: editable ? 'monitoring-form' : undefined,
        errors,
        notice,
        styles: ['enrolment.css'],
      },
      {
        intro: this.pages.text(req, editable ? 'web.monitoring.intro' : 'web.priorities.edition', {
          year: view.editionYear,
          previous: previousYear ?? '—',
          government: view.government.name,
        }),
        editable,
        why,
        action: `/avaliacoes/${view.id}/monitoramento`,
        priorities: monitoringView(lang, previous, values, errors),
        diagnosis: `/avaliacoes/${view.id}`,
      },
    );
  }
}

/** The field problems a validation throws, or none. */
function validationProblems(validate: () => unknown): readonly FieldProblem[] {
  try {
    validate();
    return [];
  } catch (e) {
    if (e instanceof DomainError && e.code === 'VALIDATION_FAILED') return e.fields;
    throw e;
  }
}
