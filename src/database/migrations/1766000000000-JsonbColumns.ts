import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';
import { PG_FUNCTION, PG_TRIGGER, pgFactsFill } from './1765000000000-ScoreFacts';

/** Every JSON column of the engine, by table. */
const JSON_COLUMNS: readonly [string, string][] = [
  ['editions', 'calendar'],
  ['editions', 'pinned_versions'],
  ['editions', 'certification_rule'],
  ['editions', 'seal_validity'],
  ['assessments', 'versions'],
  ['assessments', 'enrolment'],
  ['assessments', 'score_snapshot'],
  ['answers', 'value'],
  ['answers', 'evidence'],
  ['answers', 'reviewer_rating'],
  ['audit_log', 'before'],
  ['audit_log', 'after'],
  ['certificates', 'snapshot'],
  ['notifications', 'subject_params'],
];
const SEAL_VALIDITY_DEFAULT = `'{"kind":"one-year"}'`;
/** The facts trigger names "score_snapshot", so PostgreSQL refuses to retype the column under it. */
const FACTS_UPDATE_WHEN = 'UPDATE OF "state", "score_snapshot", "government_code", "edition_year"';

/**
 * JSON columns become jsonb on PostgreSQL, as the issue asks: binary, indexable, compared by value. jsonb keeps
 * no key order and no spacing, so nothing in the engine reads meaning from either (objects whose order shows are
 * ordered by the questionnaire on reading). Columns already jsonb are left as they are, so a database created
 * while Lifecycle said jsonb is not rewritten. SQLite keeps its JSON as text: nothing to do there.
 */
export class JsonbColumns1766000000000 implements MigrationInterface {
  name = 'JsonbColumns1766000000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') await this.retype(q, 'jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') await this.retype(q, 'json');
  }

  private async retype(q: QueryRunner, to: 'json' | 'jsonb'): Promise<void> {
    await q.query(`DROP TRIGGER "assessment_facts_update" ON "assessments"`);
    await q.query(`ALTER TABLE "editions" ALTER COLUMN "seal_validity" DROP DEFAULT`);
    for (const [table, column] of await this.columnsNotOfType(q, to)) {
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE ${to} USING "${column}"::${to}`);
    }
    await q.query(`ALTER TABLE "editions" ALTER COLUMN "seal_validity" SET DEFAULT ${SEAL_VALIDITY_DEFAULT}::${to}`);
    const fill = PG_FUNCTION('assessment_facts_fill', pgFactsFill(to));
    await q.query(fill.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query(PG_TRIGGER('assessment_facts_update', FACTS_UPDATE_WHEN, 'assessments', 'assessment_facts_fill'));
  }

  private async columnsNotOfType(q: QueryRunner, type: string): Promise<[string, string][]> {
    const rows = (await q.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type <> $1 AND data_type IN ('json', 'jsonb')`,
      [type],
    )) as { table_name: string; column_name: string }[];
    const found = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    return JSON_COLUMNS.filter(([table, column]) => found.has(`${table}.${column}`));
  }
}
