import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { AnswerEntity } from '../assessment/answer.entity';
import { APPROVED_STATES, STATE_LABELS } from '../assessment/assessment-state';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { PriorityEntity } from '../assessment/priority.entity';
import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { GoodPracticesService } from '../good-practices/good-practices.service';
import { GovernmentEntity } from '../governments/government.entity';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import { PdfRendererService } from '../rendering/pdf-renderer.service';
import { TemplatesService } from '../rendering/templates.service';
import { destinationPages } from './pdf-destinations';
import { groupProgressChart, groupScoresChart, indexTrendChart } from './report-charts';
import type { ReportItemReview } from './report-input';
import type { Language } from './report-format';
import { buildReportModel, type ReportChartData, type ReportGroupInput, type ReportInput } from './report-model';

/** A count read from a column that may not exist in every schema (e.g. before a migration). */
function countOrNull(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

const asciiSlug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The Relatório de Diagnóstico: one PDF per government per edition, once its diagnosis is approved. */
@Injectable()
export class ReportService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly practices: GoodPracticesService,
    private readonly templates: TemplatesService,
    private readonly renderer: PdfRendererService,
    private readonly clock: Clock,
  ) {}

  /** The report in pt-BR (the programme's language) or in English, from the same data. */
  async render(
    actor: Actor,
    assessmentId: string,
    lang: Language = 'pt-BR',
  ): Promise<{ fileName: string; pdf: Buffer }> {
    const input = await this.gather(actor, assessmentId);
    const { model, charts } = buildReportModel(input, lang);
    const context = { ...model, charts: this.draw(charts) };
    const print = () => this.renderer.render(this.templates.render('report/report', context), { outline: true });
    let pdf = await print();
    // The sumário's page numbers come from where a print put each section; the second print has them.
    for (let pass = 0; pass < 3; pass++) {
      const pages = await destinationPages(pdf);
      let changed = false;
      for (const entry of model.toc) {
        const page = entry.id ? String(pages.get(entry.id) ?? '') : '';
        if (page !== entry.page) {
          entry.page = page;
          changed = true;
        }
      }
      if (!changed) break;
      pdf = await print();
    }
    const gov = input.government;
    const suffix = lang === 'pt-BR' ? '' : `-${lang}`;
    return {
      fileName: `relatorio-diagnostico-migracidades-${input.editionYear}-${asciiSlug(gov.name)}-${gov.uf.toLowerCase()}${suffix}.pdf`,
      pdf,
    };
  }

  private draw(charts: ReportChartData) {
    return {
      scores: groupScoresChart(charts.scores, charts.index, charts.lang),
      progress: charts.progress
        ? groupProgressChart(charts.progress.categories, charts.progress.editions, charts.lang)
        : null,
      trend: charts.trend ? indexTrendChart(charts.trend, charts.lang) : null,
    };
  }

  /** Everything the report says, read for a caller who may see the assessment. */
  private async gather(actor: Actor, assessmentId: string): Promise<ReportInput> {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, assessmentId);
    if (!APPROVED_STATES.includes(assessment.state) || !assessment.scoreSnapshot) {
      throw new DomainError(
        'REPORT_NOT_READY',
        message('reporting.not-ready', { state: STATE_LABELS[assessment.state] }),
        [],
        { currentState: assessment.state },
      );
    }
    const government = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
    const rows = await em.findBy(AnswerEntity, { assessmentId });
    const answers: Record<string, Record<string, AnswerValue>> = {};
    const reviews: Record<string, Record<string, ReportItemReview>> = {};
    for (const r of rows.filter((a) => a.value !== null)) {
      (answers[r.groupSlug] ??= {})[r.itemKey] = (r.reviewerRating ?? r.value) as AnswerValue;
      (reviews[r.groupSlug] ??= {})[r.itemKey] = {
        officialValue: r.value as AnswerValue,
        evidence: r.evidence ?? [],
        status: r.reviewStatus,
        reviewerRating: r.reviewerRating,
        note: r.reviewNote,
      };
    }
    const earlier = await em.find(AssessmentEntity, {
      where: { governmentCode: assessment.governmentCode, editionYear: LessThan(assessment.editionYear) },
      order: { editionYear: 'ASC' },
    });
    const previous = earlier.find((a) => a.id === assessment.previousAssessmentId);
    const [priorities, previousPriorities, practices] = await Promise.all([
      em.find(PriorityEntity, { where: { assessmentId }, order: { createdAt: 'ASC' } }),
      previous
        ? em.find(PriorityEntity, { where: { assessmentId: previous.id }, order: { createdAt: 'ASC' } })
        : Promise.resolve([]),
      this.practices.approvedFor(assessmentId),
    ]);
    // SISMIGRA counts are not part of the data yet; an enrolment that carries one is used.
    const enrolment = assessment.enrolment as typeof assessment.enrolment & { registeredMigrants?: unknown };
    return {
      government: {
        ibgeCode: government.ibgeCode,
        name: government.name,
        kind: government.kind,
        uf: government.uf,
        stateName: government.stateName,
        region: government.region,
        population: government.population,
        populationYear: government.populationYear,
      },
      editionYear: assessment.editionYear,
      registeredMigrants: countOrNull(enrolment.registeredMigrants),
      submittedAt: assessment.submittedAt,
      approvedAt: assessment.approvedAt,
      enrolment: assessment.enrolment,
      snapshot: assessment.scoreSnapshot,
      groups: this.groupsOf(assessment.versions),
      answers,
      reviews,
      goodPractices: practices.map((p) => ({
        groupSlug: p.groupSlug,
        title: p.title,
        description: p.description,
        link: p.link,
        startYear: p.startYear,
      })),
      priorities: priorities.map((p) => ({ groupSlug: p.groupSlug, itemKey: p.itemKey, commitment: p.commitment })),
      previousPriorities: previous
        ? {
            editionYear: previous.editionYear,
            groups: this.groupsOf(previous.versions),
            items: previousPriorities.map((p) => ({
              groupSlug: p.groupSlug,
              itemKey: p.itemKey,
              commitment: p.commitment,
              // Progress counts once reported in this edition's diagnosis, the one this report is about.
              progressStatus: p.progressReportedIn === assessmentId ? p.progressStatus : null,
              progressNote: p.progressReportedIn === assessmentId ? p.progressNote : null,
            })),
          }
        : null,
      history: earlier
        .filter((a) => APPROVED_STATES.includes(a.state) && a.scoreSnapshot !== null)
        .map((a) => ({ year: a.editionYear, snapshot: a.scoreSnapshot! })),
      generatedAt: this.clock.now(),
    };
  }

  /** The registered groups an assessment was answered with, in programme order, with their recommendations. */
  private groupsOf(versions: Record<string, number>): ReportGroupInput[] {
    return this.catalogue.groups().flatMap(({ definition, versions: published }) => {
      const questionnaire = published.get(versions[definition.slug]);
      return questionnaire
        ? [
            {
              slug: definition.slug,
              number: definition.number,
              dimension: definition.dimension,
              questionnaire,
              recommendations: definition.recommendations,
            },
          ]
        : [];
    });
  }
}
