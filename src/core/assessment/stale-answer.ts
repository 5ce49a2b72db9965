import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { UserEntity } from '../auth/user.entity';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import type { AnswerEntity } from './answer.entity';
import type { AssessmentWorkflow } from './assessment-workflow.service';
import type { AssessmentEntity } from './assessment.entity';
import type { AnswerSaveDto } from './assessment.dto';
import { brasiliaTime } from './item-name';

/** Saves of one request that named a version other than the current one. */
export interface StaleSaves {
  readonly actor: Actor;
  readonly assessment: Pick<AssessmentEntity, 'versions'>;
  readonly stale: readonly AnswerSaveDto[];
  readonly current: (s: AnswerSaveDto) => AnswerEntity | undefined;
}

/** 409 with the current value, naming who changed the item and when ("you" in another tab, or a colleague). */
export async function staleAnswerError(
  em: EntityManager,
  workflow: Pick<AssessmentWorkflow, 'itemName'>,
  now: Date,
  { actor, assessment, stale, current }: StaleSaves,
): Promise<DomainError> {
  const ids = [...new Set(stale.map((s) => current(s)?.updatedBy).filter((u): u is string => !!u))];
  const users = ids.length > 0 ? await em.findBy(UserEntity, { id: In(ids) }) : [];
  const conflicts = stale.map((s) => {
    const row = current(s);
    const user = users.find((u) => u.id === row?.updatedBy);
    return {
      group: s.group,
      itemKey: s.itemKey,
      expectedVersion: s.expectedVersion,
      currentVersion: row?.version ?? 0,
      currentValue: row?.value ?? null,
      currentEvidence: row?.evidence ?? null,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt ?? null,
      changedBy: row?.updatedBy ? { id: row.updatedBy, name: user?.name ?? null } : null,
      changedAt: row?.updatedAt ? new Date(row.updatedAt).toISOString() : null,
      byYou: !!row && row.updatedBy === actor.id,
    };
  });
  const latest = [...conflicts].sort((a, b) => (b.changedAt ?? '').localeCompare(a.changedAt ?? ''))[0];
  let text: LocalizedText;
  if (conflicts.length === 1) {
    const at = brasiliaTime(latest.changedAt ? new Date(latest.changedAt) : now);
    const item = workflow.itemName(assessment, latest);
    const when = { time: at.time, date: { date: at.date } };
    text = latest.byYou
      ? message('diagnosis.stale.yours', { item, ...when })
      : message('diagnosis.stale.other', {
          name: latest.changedBy?.name ?? message('diagnosis.someone'),
          item,
          ...when,
        });
  } else {
    text = message('diagnosis.stale.many', {
      count: conflicts.length,
      items: { list: conflicts.map((c) => workflow.itemName(assessment, c)) },
    });
  }
  return new DomainError(
    'STALE_ANSWER',
    text,
    conflicts.map((c) => ({
      field: `answers.${c.group}.${c.itemKey}`,
      code: 'STALE',
      message: message('diagnosis.stale.field', { expected: c.expectedVersion, current: c.currentVersion }),
    })),
    { conflicts, changedBy: latest.changedBy, changedAt: latest.changedAt, byYou: latest.byYou },
  );
}
