import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { AnswerEntity } from '../assessment/answer.entity';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import type { Actor } from '../auth/actor';
import { AuditEntryEntity } from '../audit/audit-entry.entity';

/** What the government changed in a round of changes a reviewer asked for: each answer before and now. */
@Injectable()
export class ReviewRoundsService {
  constructor(private readonly workflow: AssessmentWorkflow) {}

  /** What the officials changed since the reviewer's last round, with the value before the round. */
  async changesSinceLastRound(actor: Actor, id: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, id);
    if (assessment.round === 1) return { round: 1, changes: [] };
    const roundStart = await em.findOne(AuditEntryEntity, {
      where: { assessmentId: id, action: 'assessment.request-changes' },
      order: { id: 'DESC' },
    });
    const rows = await em.findBy(AnswerEntity, { assessmentId: id, changedRound: assessment.round });
    const changes = [];
    for (const r of rows) {
      const firstSave = await em.findOne(AuditEntryEntity, {
        where: [
          {
            assessmentId: id,
            action: 'answer.save',
            entityId: `${id}/${r.groupSlug}/${r.itemKey}`,
            id: MoreThan(roundStart?.id ?? 0),
          },
          {
            assessmentId: id,
            action: 'answer.clear',
            entityId: `${id}/${r.groupSlug}/${r.itemKey}`,
            id: MoreThan(roundStart?.id ?? 0),
          },
        ],
        order: { id: 'ASC' },
      });
      const before = firstSave?.before as { value?: unknown; evidence?: unknown } | null;
      changes.push({
        group: r.groupSlug,
        itemKey: r.itemKey,
        comment: r.reviewNote,
        before: before?.value ?? null,
        beforeEvidence: before?.evidence ?? null,
        now: r.value,
        nowEvidence: r.evidence,
      });
    }
    return { round: assessment.round, changes };
  }
}
