import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
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
    // Each changed answer's first save or clear of the round, read in one query: its "before" is the value the
    // reviewer last saw.
    const saves = await em.find(AuditEntryEntity, {
      select: { id: true, entityId: true, before: true },
      where: { assessmentId: id, action: In(['answer.save', 'answer.clear']), id: MoreThan(roundStart?.id ?? 0) },
      order: { id: 'ASC' },
    });
    const firstSaves = new Map<string, AuditEntryEntity>();
    for (const entry of saves) if (!firstSaves.has(entry.entityId)) firstSaves.set(entry.entityId, entry);
    const changes = rows.map((r) => {
      const before = firstSaves.get(`${id}/${r.groupSlug}/${r.itemKey}`)?.before as {
        value?: unknown;
        evidence?: unknown;
      } | null;
      return {
        group: r.groupSlug,
        itemKey: r.itemKey,
        comment: r.reviewNote,
        before: before?.value ?? null,
        beforeEvidence: before?.evidence ?? null,
        now: r.value,
        nowEvidence: r.evidence,
      };
    });
    return { round: assessment.round, changes };
  }
}
