import { Injectable } from '@nestjs/common';
import { Not, IsNull } from 'typeorm';
import type { Actor } from '../auth/actor';
import { stagesOf } from '../editions/edition-rules';
import { EditionsService } from '../editions/editions.service';
import { GovernmentEntity } from '../governments/government.entity';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import { visibleItemKeys } from '../questionnaire/visibility';
import { AnswerEntity } from './answer.entity';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentWorkflow } from './assessment-workflow.service';
import { DiagnosisService } from './diagnosis.service';
import { PriorityEntity } from './priority.entity';

/** What the officials and reviewers see of an assessment: every group's items with answers and verdicts. */
@Injectable()
export class AssessmentViewService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly diagnosis: DiagnosisService,
    private readonly editions: EditionsService,
  ) {}

  async view(actor: Actor, id: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, id);
    const rows = await em.findBy(AnswerEntity, { assessmentId: id });
    const government = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
    const groups = Object.entries(assessment.versions).map(([slug, version]) => {
      const q = this.catalogue.version(slug, version);
      const mine = rows.filter((r) => r.groupSlug === slug);
      const visible = visibleItemKeys(
        q,
        Object.fromEntries(mine.filter((r) => r.value !== null).map((r) => [r.itemKey, r.value as AnswerValue])),
      );
      return {
        group: slug,
        questionnaireVersion: version,
        title: q.title,
        items: q.items.map((item) => {
          const row = mine.find((r) => r.itemKey === item.key);
          return {
            key: item.key,
            type: item.type,
            label: item.label,
            required: item.required,
            evidence: item.evidence,
            visible: visible.has(item.key),
            answer: row
              ? {
                  value: row.value,
                  evidence: row.evidence,
                  version: row.version,
                  carried: row.carried,
                  reviewStatus: row.reviewStatus,
                  reviewerRating: row.reviewerRating,
                  reviewNote: row.reviewNote,
                  changedRound: row.changedRound,
                  updatedAt: row.updatedAt,
                }
              : { value: null, version: 0 },
          };
        }),
      };
    });
    const edition = await this.editions.get(assessment.editionYear);
    const deadline = await this.editions.effectiveDeadline(edition, assessment.governmentCode);
    const progressReported = await em.existsBy(PriorityEntity, { assessmentId: id, progressReportedIn: Not(IsNull()) });
    return {
      id: assessment.id,
      editionYear: assessment.editionYear,
      government: { ibgeCode: government.ibgeCode, name: government.name, uf: government.uf, kind: government.kind },
      state: assessment.state,
      round: assessment.round,
      enrolment: assessment.enrolment,
      previousAssessmentId: assessment.previousAssessmentId,
      submittedAt: assessment.submittedAt,
      approvedAt: assessment.approvedAt,
      scoreSnapshot: assessment.scoreSnapshot,
      /** The diagnosis deadline for this government (inclusive), and whether an administrator extended it. */
      diagnosisDeadline: deadline,
      /** The five stages of the edition, each with its status and what it still needs. */
      stages: stagesOf(assessment, progressReported),
      missing: this.diagnosis
        .missing(assessment, rows)
        .map((f) => ({ item: f.field.replace(/^answers\./, ''), reason: f.code })),
      groups,
    };
  }

  /**
   * The view with what a page needs to draw the questionnaire: each group's questionnaire (guidance, options,
   * conditions) and number, and the edition the carried answers come from. The view itself stays as the API gives it.
   */
  async withQuestionnaires(actor: Actor, id: string) {
    const view = await this.view(actor, id);
    const previous = view.previousAssessmentId
      ? await this.workflow.dataSource.manager.findOneBy(AssessmentEntity, { id: view.previousAssessmentId })
      : null;
    return {
      ...view,
      previousEditionYear: previous?.editionYear ?? null,
      questionnaires: view.groups.map((g) => ({
        number: this.catalogue.group(g.group).definition.number,
        questionnaire: this.catalogue.version(g.group, g.questionnaireVersion),
      })),
    };
  }
}
