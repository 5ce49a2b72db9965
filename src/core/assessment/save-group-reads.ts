import type { EntityManager } from 'typeorm';
import { diagnosisDeadline, type EditionCalendar } from '../editions/edition-rules';
import { dialectOf } from '../../database/dialect';
import { asJson, asNumber, inLists, rawQuery } from '../../database/portable-sql';
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

/** What the group read of its assessments: each one, and its diagnosis deadline. */
export interface GroupAssessments {
  readonly assessments: Map<string, GroupAssessment>;
  readonly deadlines: Map<string, Deadline>;
}

/**
 * The group's assessments (the columns a save needs) with their diagnosis deadlines, in one statement: the
 * edition's deadline, or the latest extension granted to the assessment's government. On PostgreSQL the
 * assessments are locked, so that concurrent groups saving into one take turns.
 */
export async function readGroupAssessments(em: EntityManager, ids: readonly string[]): Promise<GroupAssessments> {
  const assessments = new Map<string, GroupAssessment>();
  const deadlines = new Map<string, Deadline>();
  // PostgreSQL: locked in id order, so that two groups holding the same assessments wait for each other and never
  // deadlock. SQLite: the ids in one statement (inList), which has one text, kept prepared.
  const dialect = dialectOf(em);
  const postgres = dialect === 'postgres';
  const lock = postgres ? ' FOR UPDATE OF a' : '';
  for (const list of inLists(dialect, postgres ? [...ids].sort() : [...ids])) {
    const rows = await rawQuery<Record<string, unknown>>(
      em,
      `SELECT a.id, a.edition_year, a.government_code, a.state, a.versions, a.round, e.calendar,
         (SELECT x.until FROM deadline_extensions x
          WHERE x.edition_year = a.edition_year AND x.government_code = a.government_code
          ORDER BY x.created_at DESC, x.id DESC LIMIT 1) AS extended_until
       FROM assessments a LEFT JOIN editions e ON e.year = a.edition_year
       WHERE a.id IN ${list.sql} ORDER BY a.id${lock}`,
      list.params,
    );
    for (const r of rows) {
      const id = r.id as string;
      const year = asNumber(r.edition_year);
      assessments.set(id, {
        id,
        editionYear: year,
        governmentCode: r.government_code as string,
        state: r.state as AssessmentEntity['state'],
        versions: asJson<AssessmentEntity['versions']>(r.versions),
        round: asNumber(r.round),
      });
      if (r.calendar === null || r.calendar === undefined) continue;
      const calendar = asJson<EditionCalendar>(r.calendar);
      deadlines.set(id, {
        year,
        ...diagnosisDeadline(calendar.diagnosisDeadline, (r.extended_until as string | null) ?? null),
      });
    }
  }
  return { assessments, deadlines };
}
