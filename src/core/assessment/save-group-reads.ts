import type { EntityManager } from 'typeorm';
import type { EditionCalendar } from '../editions/edition-rules';
import { dialectOf } from '../../database/dialect';
import { asJson, asNumber, inChunks, placeholders, rawQuery } from '../../database/portable-sql';
import type { AssessmentEntity } from './assessment.entity';

/** What the autosave group (answer-saves.ts) reads once for all its saves, besides the answers themselves. */

/** What a save needs of its assessment, read for the whole group in one statement. */
export type GroupAssessment = Pick<
  AssessmentEntity,
  'id' | 'editionYear' | 'governmentCode' | 'state' | 'versions' | 'round'
>;

/** The diagnosis deadline of an assessment's government: the edition's, unless an administrator extended it. */
export interface Deadline {
  readonly year: number;
  readonly deadline: string;
  readonly extended: boolean;
}

/**
 * The group's assessments, read once (the columns a save needs); on PostgreSQL locked, so that concurrent groups
 * saving into one take turns.
 */
export async function readGroupAssessments(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, GroupAssessment>> {
  const found = new Map<string, GroupAssessment>();
  // Locked in id order: two groups holding the same assessments wait for each other, never deadlock.
  const lock = dialectOf(em) === 'postgres' ? ' FOR UPDATE' : '';
  for (const some of inChunks([...ids].sort())) {
    const rows = await rawQuery<Record<string, unknown>>(
      em,
      `SELECT id, edition_year, government_code, state, versions, round FROM assessments
       WHERE id IN (${placeholders(some.length)}) ORDER BY id${lock}`,
      some,
    );
    for (const r of rows)
      found.set(r.id as string, {
        id: r.id as string,
        editionYear: asNumber(r.edition_year),
        governmentCode: r.government_code as string,
        state: r.state as AssessmentEntity['state'],
        versions: asJson<AssessmentEntity['versions']>(r.versions),
        round: asNumber(r.round),
      });
  }
  return found;
}

/**
 * Each assessment's diagnosis deadline, read once for the group: its edition's, or the latest extension
 * granted to its government.
 */
export async function readDeadlines(
  em: EntityManager,
  assessments: readonly GroupAssessment[],
): Promise<Map<string, Deadline>> {
  const years = [...new Set(assessments.map((a) => a.editionYear))];
  if (years.length === 0) return new Map<string, Deadline>();
  const calendars = new Map(
    (
      await rawQuery<{ year: unknown; calendar: unknown }>(
        em,
        `SELECT year, calendar FROM editions WHERE year IN (${placeholders(years.length)})`,
        years,
      )
    ).map((e) => [asNumber(e.year), asJson<EditionCalendar>(e.calendar)]),
  );
  // The latest extension of each (edition, government): rows come newest first, the first one seen stays.
  const extensions = new Map<string, string>();
  for (const codes of inChunks([...new Set(assessments.map((a) => a.governmentCode))]))
    for (const x of await rawQuery<{ edition_year: unknown; government_code: string; until: string }>(
      em,
      `SELECT edition_year, government_code, until FROM deadline_extensions
       WHERE edition_year IN (${placeholders(years.length)}) AND government_code IN (${placeholders(codes.length)})
       ORDER BY created_at DESC`,
      [...years, ...codes],
    )) {
      const key = `${asNumber(x.edition_year)}/${x.government_code}`;
      if (!extensions.has(key)) extensions.set(key, x.until);
    }
  const deadlines = new Map<string, Deadline>();
  for (const a of assessments) {
    const calendar = calendars.get(a.editionYear);
    if (!calendar) continue;
    const extension = extensions.get(`${a.editionYear}/${a.governmentCode}`);
    deadlines.set(a.id, {
      year: a.editionYear,
      deadline: extension ?? calendar.diagnosisDeadline,
      extended: extension !== undefined,
    });
  }
  return deadlines;
}
