import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { message } from '../i18n/message';
import { EDITABLE_STATES, STATE_LABELS } from './assessment-state';
import { AssessmentWorkflow } from './assessment-workflow.service';
import type { PriorityDto, ProgressReportDto } from './assessment.dto';
import { PriorityEntity } from './priority.entity';

/** Stage 3 (priorities chosen after approval) and stage 5 (progress reported in the next edition). */
@Injectable()
export class PrioritiesService {
  constructor(private readonly workflow: AssessmentWorkflow) {}

  /** Chooses (or replaces, until certification) the items the government commits to improve. */
  async setPriorities(actor: Actor, id: string, priorities: readonly PriorityDto[]) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      this.workflow.target(assessment, 'set-priorities', actor);
      const snapshot = assessment.scoreSnapshot!;
      const fields: FieldProblem[] = [];
      const seen = new Set<string>();
      priorities.forEach((p, i) => {
        const item = snapshot.groups.find((g) => g.group === p.group)?.items.find((it) => it.key === p.itemKey);
        if (!item) {
          fields.push({
            field: `priorities.${i}.itemKey`,
            code: 'UNKNOWN_ITEM',
            message: message('progress.priorities.unknown-item'),
          });
        } else if (!item.counted || (item.points ?? 0) >= 100) {
          fields.push({
            field: `priorities.${i}.itemKey`,
            code: 'NOT_A_GAP',
            message: message('progress.priorities.not-a-gap'),
          });
        }
        if (seen.has(`${p.group}/${p.itemKey}`))
          fields.push({
            field: `priorities.${i}.itemKey`,
            code: 'DUPLICATE',
            message: message('progress.priorities.duplicate'),
          });
        seen.add(`${p.group}/${p.itemKey}`);
      });
      if (fields.length > 0) {
        throw new DomainError(
          'VALIDATION_FAILED',
          message('progress.priorities.invalid', { count: fields.length }),
          fields,
        );
      }
      const before = await em.findBy(PriorityEntity, { assessmentId: id });
      await em.delete(PriorityEntity, { assessmentId: id });
      const rows = priorities.map((p) =>
        em.create(PriorityEntity, {
          id: randomUUID(),
          assessmentId: id,
          groupSlug: p.group,
          itemKey: p.itemKey,
          commitment: p.commitment,
          progressStatus: null,
          progressNote: null,
          progressReportedIn: null,
        }),
      );
      await em.insert(PriorityEntity, rows);
      await this.workflow.move(em, assessment, 'set-priorities', actor);
      await this.workflow.audit.record(em, actor, {
        action: 'priorities.set',
        entity: 'assessment',
        entityId: id,
        assessmentId: id,
        before: before.map(({ groupSlug, itemKey, commitment }) => ({ groupSlug, itemKey, commitment })),
        after: rows.map(({ groupSlug, itemKey, commitment }) => ({ groupSlug, itemKey, commitment })),
      });
      return rows;
    });
  }

  async list(actor: Actor, id: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, id);
    const own = await em.findBy(PriorityEntity, { assessmentId: id });
    const toReport = assessment.previousAssessmentId
      ? await em.findBy(PriorityEntity, { assessmentId: assessment.previousAssessmentId })
      : [];
    return { priorities: own, previousEditionPriorities: toReport };
  }

  /** In its next edition, the government reports how each priority of the previous one went. */
  async reportProgress(actor: Actor, id: string, reports: readonly ProgressReportDto[]) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, id);
      if (actor.role !== 'official') throw new DomainError('FORBIDDEN', message('progress.report.only-government'));
      if (!EDITABLE_STATES.includes(assessment.state)) {
        throw new DomainError(
          'ASSESSMENT_LOCKED',
          message('progress.report.during-diagnosis', { state: STATE_LABELS[assessment.state] }),
          [],
          { currentState: assessment.state },
        );
      }
      const previous = assessment.previousAssessmentId
        ? await em.findBy(PriorityEntity, {
            assessmentId: assessment.previousAssessmentId,
            id: In(reports.map((r) => r.priorityId)),
          })
        : [];
      const fields: FieldProblem[] = reports.flatMap((r, i) =>
        previous.some((p) => p.id === r.priorityId)
          ? []
          : [
              {
                field: `reports.${i}.priorityId`,
                code: 'UNKNOWN_PRIORITY',
                message: message('progress.report.unknown-priority'),
              },
            ],
      );
      if (fields.length > 0)
        throw new DomainError(
          'VALIDATION_FAILED',
          message('progress.report.invalid', { count: fields.length }),
          fields,
        );
      for (const r of reports) {
        const p = previous.find((x) => x.id === r.priorityId)!;
        const patch = { progressStatus: r.status, progressNote: r.note ?? null, progressReportedIn: id };
        await em.update(PriorityEntity, { id: p.id }, patch);
        await this.workflow.audit.record(em, actor, {
          action: 'priorities.progress',
          entity: 'priority',
          entityId: p.id,
          assessmentId: id,
          before: { progressStatus: p.progressStatus, progressNote: p.progressNote },
          after: patch,
        });
      }
      return em.findBy(PriorityEntity, { id: In(reports.map((r) => r.priorityId)) });
    });
  }
}
