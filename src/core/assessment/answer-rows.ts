import type { EntityManager } from 'typeorm';
import {
  asBoolean,
  asDate,
  asJson,
  asNumber,
  booleanParam,
  dialectOfRunner,
  inChunks,
  insertRows,
  jsonParam,
  jsonRows,
  jsonRowsParam,
  rawQuery,
  timestampParam,
} from '../../database/portable-sql';
import { AnswerEntity } from './answer.entity';

/**
 * The autosave path's reads and writes of answers in plain SQL, written once for both databases: a group of a
 * hundred saves spends most of its transaction here, and TypeORM's query building and hydration of OR-lists and
 * multi-row upserts cost more than the statements themselves. The rows are AnswerEntity objects, the same as
 * TypeORM reads and writes (JSON as text, booleans and times as TypeORM stores them).
 */

/** The answers table's columns, in the order a row is written. */
export const ANSWER_COLUMNS = [
  'assessment_id',
  'group_slug',
  'item_key',
  'value',
  'evidence',
  'version',
  'carried',
  'changed_round',
  'review_status',
  'reviewer_rating',
  'review_note',
  'reviewed_round',
  'updated_by',
  'updated_at',
] as const;

const KEY_COLUMNS = ['assessment_id', 'group_slug', 'item_key'];
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
/** Rows per statement: 14 values each, well within both databases' limits on bound values. */
const ROWS_PER_STATEMENT = 100;

export interface AnswerKey {
  readonly assessmentId: string;
  readonly groupSlug: string;
  readonly itemKey: string;
}

export const answerKey = (assessmentId: string, group: string, itemKey: string) =>
  `${assessmentId}/${group}/${itemKey}`;

/**
 * The answers stored at these keys (those that exist): on SQLite in one statement of one text (the keys as JSON,
 * portable-sql.ts's jsonRows), on PostgreSQL in a few.
 */
export async function readAnswers(em: EntityManager, keys: readonly AnswerKey[]): Promise<AnswerEntity[]> {
  if (keys.length === 0) return [];
  if (dialectOfRunner(em) === 'sqlite') {
    const rows = await rawQuery(
      em,
      `WITH k AS (${jsonRows(3)})
       SELECT ${ANSWER_COLUMNS.map((c) => `a."${c}"`).join(', ')} FROM k
       JOIN "answers" a ON a."assessment_id" = k.c0 AND a."group_slug" = k.c1 AND a."item_key" = k.c2`,
      [jsonRowsParam(keys.map((k) => [k.assessmentId, k.groupSlug, k.itemKey]))],
    );
    return rows.map(answerFromRow);
  }
  const found: AnswerEntity[] = [];
  for (const some of inChunks(keys, ROWS_PER_STATEMENT)) {
    const rows = await rawQuery(
      em,
      `SELECT ${quoted(ANSWER_COLUMNS)} FROM "answers" WHERE ${some
        .map(() => '("assessment_id" = ? AND "group_slug" = ? AND "item_key" = ?)')
        .join(' OR ')}`,
      some.flatMap((k) => [k.assessmentId, k.groupSlug, k.itemKey]),
    );
    found.push(...rows.map(answerFromRow));
  }
  return found;
}

/**
 * Inserts or replaces the rows (portable-sql.ts's insertRows). A key given twice keeps its last row (a group may
 * hold two saves of one item, the second planned on the first).
 */
export async function upsertAnswers(em: EntityManager, rows: readonly AnswerEntity[]): Promise<void> {
  const dialect = dialectOfRunner(em);
  const last = [...new Map(rows.map((r) => [answerKey(r.assessmentId, r.groupSlug, r.itemKey), r])).values()];
  if (last.length === 0) return;
  const updates = ANSWER_COLUMNS.filter((c) => !KEY_COLUMNS.includes(c))
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  await insertRows(
    em,
    'answers',
    ANSWER_COLUMNS,
    last.map((a) => [
      a.assessmentId,
      a.groupSlug,
      a.itemKey,
      jsonParam(a.value),
      jsonParam(a.evidence),
      a.version,
      booleanParam(dialect, a.carried),
      a.changedRound,
      a.reviewStatus,
      jsonParam(a.reviewerRating),
      a.reviewNote,
      a.reviewedRound,
      a.updatedBy,
      timestampParam(dialect, a.updatedAt),
    ]),
    `ON CONFLICT (${quoted(KEY_COLUMNS)}) DO UPDATE SET ${updates}`,
  );
}

/** A raw row of the answers table as TypeORM would hydrate it. */
function answerFromRow(r: Record<string, unknown>): AnswerEntity {
  const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : asJson<T>(v));
  return Object.assign(new AnswerEntity(), {
    assessmentId: r.assessment_id as string,
    groupSlug: r.group_slug as string,
    itemKey: r.item_key as string,
    value: json<AnswerEntity['value']>(r.value),
    evidence: json<AnswerEntity['evidence']>(r.evidence),
    version: asNumber(r.version),
    carried: asBoolean(r.carried),
    changedRound: asNumber(r.changed_round),
    reviewStatus: r.review_status as AnswerEntity['reviewStatus'],
    reviewerRating: json<AnswerEntity['reviewerRating']>(r.reviewer_rating),
    reviewNote: (r.review_note as string | null) ?? null,
    reviewedRound: asNumber(r.reviewed_round, 'nullable'),
    updatedBy: (r.updated_by as string | null) ?? null,
    updatedAt: asDate(r.updated_at)!,
  });
}
