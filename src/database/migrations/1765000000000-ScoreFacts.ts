import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * One row per assessment and one per assessment and group, with the figures dashboards read, so that the
 * national picture never parses thousands of score snapshots. Triggers keep them in step with `assessments`
 * in the same transaction, whoever writes (the app, the national seed, a migration).
 */
const BUMP = `UPDATE "facts_version" SET "version" = "version" + 1;`;
const FILL = (row: string) => `
  INSERT OR REPLACE INTO "assessment_facts" ("assessment_id", "edition_year", "government_code", "uf", "region", "kind", "state", "index_score", "index_level")
    SELECT ${row}."id", ${row}."edition_year", ${row}."government_code", g."uf", g."region", g."kind", ${row}."state",
           json_extract(${row}."score_snapshot", '$.index.index'), json_extract(${row}."score_snapshot", '$.index.level.key')
    FROM "governments" g WHERE g."ibge_code" = ${row}."government_code";
  DELETE FROM "group_facts" WHERE "assessment_id" = ${row}."id";
  INSERT INTO "group_facts" ("assessment_id", "edition_year", "group_slug", "score")
    SELECT ${row}."id", ${row}."edition_year", json_extract(j.value, '$.group'), json_extract(j.value, '$.score')
    FROM json_each(${row}."score_snapshot", '$.index.groups') j WHERE ${row}."score_snapshot" IS NOT NULL;
  ${BUMP}`;

/**
 * The same facts on PostgreSQL, kept by PL/pgSQL triggers with the effect of the SQLite ones: an upsert for
 * `INSERT OR REPLACE`, json operators for `json_extract`/`json_each`, and `trunc` for SQLite's CAST to
 * INTEGER (which truncates where PostgreSQL's rounds). Functions keep the schema they were created in.
 */
export const PG_FUNCTION = (name: string, body: string) => `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$ BEGIN ${body} RETURN NULL; END $$`;
export const PG_TRIGGER = (name: string, when: string, table: string, fn: string, condition = '') =>
  `CREATE TRIGGER "${name}" AFTER ${when} ON "${table}" FOR EACH ROW ${condition} EXECUTE FUNCTION "${fn}"()`;
const PG_BAND = (row: string) => `LEAST(trunc(${row}."score" / 10)::integer, 9)`;
/** The facts of one assessment row from its snapshot, for json (here) or jsonb (JsonbColumns) columns. */
export const pgFactsFill = (json: 'json' | 'jsonb') => `
  INSERT INTO "assessment_facts" ("assessment_id", "edition_year", "government_code", "uf", "region", "kind", "state", "index_score", "index_level")
    SELECT NEW."id", NEW."edition_year", NEW."government_code", g."uf", g."region", g."kind", NEW."state",
           (NEW."score_snapshot" -> 'index' ->> 'index')::double precision, NEW."score_snapshot" -> 'index' -> 'level' ->> 'key'
    FROM "governments" g WHERE g."ibge_code" = NEW."government_code"
  ON CONFLICT ("assessment_id") DO UPDATE SET "edition_year" = EXCLUDED."edition_year",
    "government_code" = EXCLUDED."government_code", "uf" = EXCLUDED."uf", "region" = EXCLUDED."region",
    "kind" = EXCLUDED."kind", "state" = EXCLUDED."state", "index_score" = EXCLUDED."index_score",
    "index_level" = EXCLUDED."index_level";
  DELETE FROM "group_facts" WHERE "assessment_id" = NEW."id";
  IF ${json}_typeof(NEW."score_snapshot" -> 'index' -> 'groups') = 'array' THEN
    INSERT INTO "group_facts" ("assessment_id", "edition_year", "group_slug", "score")
      SELECT NEW."id", NEW."edition_year", j ->> 'group', (j ->> 'score')::double precision
      FROM ${json}_array_elements(NEW."score_snapshot" -> 'index' -> 'groups') j;
  END IF;
  ${BUMP}`;
const PG_ADD_PRIORITY = `INSERT INTO "priority_facts" ("priority_id", "assessment_id", "edition_year", "group_slug")
    SELECT NEW."id", NEW."assessment_id", a."edition_year", NEW."group_slug" FROM "assessments" a WHERE a."id" = NEW."assessment_id"
  ON CONFLICT ("priority_id") DO UPDATE SET "assessment_id" = EXCLUDED."assessment_id",
    "edition_year" = EXCLUDED."edition_year", "group_slug" = EXCLUDED."group_slug";`;

export class ScoreFacts1765000000000 implements MigrationInterface {
  name = 'ScoreFacts1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessment_facts" (
      "assessment_id" varchar(36) PRIMARY KEY NOT NULL REFERENCES "assessments" ("id") ON DELETE CASCADE,
      "edition_year" integer NOT NULL,
      "government_code" varchar(7) NOT NULL,
      "uf" varchar(2) NOT NULL,
      "region" varchar(12) NOT NULL,
      "kind" varchar(12) NOT NULL,
      "state" varchar(24) NOT NULL,
      "index_score" real,
      "index_level" varchar(24)
    )`);
    await q.query(`CREATE INDEX "idx_assessment_facts_edition" ON "assessment_facts" ("edition_year", "uf", "state")`);
    await q.query(`CREATE INDEX "idx_assessment_facts_index" ON "assessment_facts" ("edition_year", "index_score")`);
    await q.query(`CREATE TABLE "group_facts" (
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id") ON DELETE CASCADE,
      "edition_year" integer NOT NULL,
      "group_slug" varchar(64) NOT NULL,
      "score" real,
      PRIMARY KEY ("assessment_id", "group_slug")
    )`);
    await q.query(`CREATE INDEX "idx_group_facts_score" ON "group_facts" ("edition_year", "group_slug", "score")`);
    // Bumped by every change the facts depend on, so that a cached dashboard knows when it is stale.
    await q.query(
      `CREATE TABLE "facts_version" ("id" integer PRIMARY KEY CHECK ("id" = 1), "version" integer NOT NULL)`,
    );
    await q.query(`INSERT INTO "facts_version" ("id", "version") VALUES (1, 0)`);
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    for (const [table, event] of [
      ['priorities', 'INSERT'],
      ['priorities', 'UPDATE'],
      ['priorities', 'DELETE'],
      ['editions', 'INSERT'],
      ['editions', 'DELETE'],
    ]) {
      await q.query(
        `CREATE TRIGGER "facts_version_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN ${BUMP} END`,
      );
    }
    await q.query(`CREATE TRIGGER "assessment_facts_insert" AFTER INSERT ON "assessments" BEGIN ${FILL('NEW')} END`);
    await q.query(
      `CREATE TRIGGER "assessment_facts_update" AFTER UPDATE OF "state", "score_snapshot", "government_code", "edition_year" ON "assessments" BEGIN ${FILL('NEW')} END`,
    );
    await q.query(`CREATE TRIGGER "assessment_facts_delete" AFTER DELETE ON "assessments" BEGIN
      DELETE FROM "group_facts" WHERE "assessment_id" = OLD."id"; DELETE FROM "assessment_facts" WHERE "assessment_id" = OLD."id"; ${BUMP} END`);
    // Dashboards count priorities per edition through their assessment.
    await q.query(`CREATE INDEX IF NOT EXISTS "idx_priorities_assessment" ON "priorities" ("assessment_id")`);

    // Counters the national dashboard reads instead of scanning every group score of an edition.
    await q.query(`CREATE TABLE "group_band_counts" (
      "edition_year" integer NOT NULL, "group_slug" varchar(64) NOT NULL, "band" integer NOT NULL, "n" integer NOT NULL,
      PRIMARY KEY ("edition_year", "group_slug", "band")
    )`);
    const band = (row: string) => `MIN(CAST(${row}."score" / 10 AS INTEGER), 9)`;
    await q.query(`CREATE TRIGGER "group_band_counts_insert" AFTER INSERT ON "group_facts" WHEN NEW."score" IS NOT NULL BEGIN
      INSERT OR IGNORE INTO "group_band_counts" VALUES (NEW."edition_year", NEW."group_slug", ${band('NEW')}, 0);
      UPDATE "group_band_counts" SET "n" = "n" + 1 WHERE "edition_year" = NEW."edition_year" AND "group_slug" = NEW."group_slug" AND "band" = ${band('NEW')}; END`);
    await q.query(`CREATE TRIGGER "group_band_counts_delete" AFTER DELETE ON "group_facts" WHEN OLD."score" IS NOT NULL BEGIN
      UPDATE "group_band_counts" SET "n" = "n" - 1 WHERE "edition_year" = OLD."edition_year" AND "group_slug" = OLD."group_slug" AND "band" = ${band('OLD')}; END`);
    // Priorities with their edition, so that counting an edition's priorities reads one index.
    await q.query(`CREATE TABLE "priority_facts" (
      "priority_id" varchar(36) PRIMARY KEY NOT NULL, "assessment_id" varchar(36) NOT NULL, "edition_year" integer NOT NULL, "group_slug" varchar(64) NOT NULL
    )`);
    await q.query(
      `CREATE INDEX "idx_priority_facts_group" ON "priority_facts" ("edition_year", "group_slug", "assessment_id")`,
    );
    await q.query(`CREATE INDEX "idx_priority_facts_assessment" ON "priority_facts" ("edition_year", "assessment_id")`);
    const addPriority = (
      row: string,
    ) => `INSERT OR REPLACE INTO "priority_facts" SELECT ${row}."id", ${row}."assessment_id", a."edition_year", ${row}."group_slug"
      FROM "assessments" a WHERE a."id" = ${row}."assessment_id";`;
    await q.query(
      `CREATE TRIGGER "priority_facts_insert" AFTER INSERT ON "priorities" BEGIN ${addPriority('NEW')} END`,
    );
    await q.query(`CREATE TRIGGER "priority_facts_update" AFTER UPDATE OF "assessment_id", "group_slug" ON "priorities" BEGIN
      DELETE FROM "priority_facts" WHERE "priority_id" = OLD."id"; ${addPriority('NEW')} END`);
    await q.query(
      `CREATE TRIGGER "priority_facts_delete" AFTER DELETE ON "priorities" BEGIN DELETE FROM "priority_facts" WHERE "priority_id" = OLD."id"; END`,
    );
    await q.query(
      `INSERT INTO "priority_facts" SELECT p."id", p."assessment_id", a."edition_year", p."group_slug" FROM "priorities" p JOIN "assessments" a ON a."id" = p."assessment_id"`,
    );

    // Assessments that exist already: touch them so the update trigger fills their facts.
    await q.query(`UPDATE "assessments" SET "state" = "state"`);
  }

  /** From the facts triggers on: the same tables, counters and triggers on PostgreSQL. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(PG_FUNCTION('facts_version_bump', BUMP));
    for (const [table, event] of [
      ['priorities', 'INSERT'],
      ['priorities', 'UPDATE'],
      ['priorities', 'DELETE'],
      ['editions', 'INSERT'],
      ['editions', 'DELETE'],
    ]) {
      await q.query(PG_TRIGGER(`facts_version_${table}_${event.toLowerCase()}`, event, table, 'facts_version_bump'));
    }
    await q.query(PG_FUNCTION('assessment_facts_fill', pgFactsFill('json')));
    await q.query(PG_TRIGGER('assessment_facts_insert', 'INSERT', 'assessments', 'assessment_facts_fill'));
    await q.query(
      PG_TRIGGER(
        'assessment_facts_update',
        'UPDATE OF "state", "score_snapshot", "government_code", "edition_year"',
        'assessments',
        'assessment_facts_fill',
      ),
    );
    await q.query(
      PG_FUNCTION(
        'assessment_facts_remove',
        `DELETE FROM "group_facts" WHERE "assessment_id" = OLD."id"; DELETE FROM "assessment_facts" WHERE "assessment_id" = OLD."id"; ${BUMP}`,
      ),
    );
    await q.query(PG_TRIGGER('assessment_facts_delete', 'DELETE', 'assessments', 'assessment_facts_remove'));
    await q.query(`CREATE INDEX IF NOT EXISTS "idx_priorities_assessment" ON "priorities" ("assessment_id")`);

    await q.query(`CREATE TABLE "group_band_counts" (
      "edition_year" integer NOT NULL, "group_slug" varchar(64) NOT NULL, "band" integer NOT NULL, "n" integer NOT NULL,
      PRIMARY KEY ("edition_year", "group_slug", "band")
    )`);
    await q.query(
      PG_FUNCTION(
        'group_band_counts_add',
        `INSERT INTO "group_band_counts" AS c VALUES (NEW."edition_year", NEW."group_slug", ${PG_BAND('NEW')}, 1)
         ON CONFLICT ("edition_year", "group_slug", "band") DO UPDATE SET "n" = c."n" + 1;`,
      ),
    );
    await q.query(
      PG_FUNCTION(
        'group_band_counts_remove',
        `UPDATE "group_band_counts" SET "n" = "n" - 1 WHERE "edition_year" = OLD."edition_year" AND "group_slug" = OLD."group_slug" AND "band" = ${PG_BAND('OLD')};`,
      ),
    );
    const scored = (row: string) => `WHEN (${row}."score" IS NOT NULL)`;
    await q.query(
      PG_TRIGGER('group_band_counts_insert', 'INSERT', 'group_facts', 'group_band_counts_add', scored('NEW')),
    );
    await q.query(
      PG_TRIGGER('group_band_counts_delete', 'DELETE', 'group_facts', 'group_band_counts_remove', scored('OLD')),
    );
    await q.query(`CREATE TABLE "priority_facts" (
      "priority_id" varchar(36) PRIMARY KEY NOT NULL, "assessment_id" varchar(36) NOT NULL, "edition_year" integer NOT NULL, "group_slug" varchar(64) NOT NULL
    )`);
    await q.query(
      `CREATE INDEX "idx_priority_facts_group" ON "priority_facts" ("edition_year", "group_slug", "assessment_id")`,
    );
    await q.query(`CREATE INDEX "idx_priority_facts_assessment" ON "priority_facts" ("edition_year", "assessment_id")`);
    await q.query(PG_FUNCTION('priority_facts_add', PG_ADD_PRIORITY));
    await q.query(
      PG_FUNCTION(
        'priority_facts_move',
        `DELETE FROM "priority_facts" WHERE "priority_id" = OLD."id"; ${PG_ADD_PRIORITY}`,
      ),
    );
    await q.query(PG_FUNCTION('priority_facts_remove', `DELETE FROM "priority_facts" WHERE "priority_id" = OLD."id";`));
    await q.query(PG_TRIGGER('priority_facts_insert', 'INSERT', 'priorities', 'priority_facts_add'));
    await q.query(
      PG_TRIGGER(
        'priority_facts_update',
        'UPDATE OF "assessment_id", "group_slug"',
        'priorities',
        'priority_facts_move',
      ),
    );
    await q.query(PG_TRIGGER('priority_facts_delete', 'DELETE', 'priorities', 'priority_facts_remove'));
    await q.query(
      `INSERT INTO "priority_facts" SELECT p."id", p."assessment_id", a."edition_year", p."group_slug" FROM "priorities" p JOIN "assessments" a ON a."id" = p."assessment_id"`,
    );
    await q.query(`UPDATE "assessments" SET "state" = "state"`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.downPostgres(q);
    for (const t of [
      'group_band_counts_insert',
      'group_band_counts_delete',
      'priority_facts_insert',
      'priority_facts_update',
      'priority_facts_delete',
    ])
      await q.query(`DROP TRIGGER "${t}"`);
    await q.query(`DROP TABLE "priority_facts"`);
    await q.query(`DROP TABLE "group_band_counts"`);
    for (const t of ['assessment_facts_insert', 'assessment_facts_update', 'assessment_facts_delete'])
      await q.query(`DROP TRIGGER "${t}"`);
    for (const t of [
      'priorities_insert',
      'priorities_update',
      'priorities_delete',
      'editions_insert',
      'editions_delete',
    ])
      await q.query(`DROP TRIGGER "facts_version_${t}"`);
    await q.query(`DROP TABLE "facts_version"`);
    await q.query(`DROP INDEX IF EXISTS "idx_priorities_assessment"`);
    await q.query(`DROP TABLE "group_facts"`);
    await q.query(`DROP TABLE "assessment_facts"`);
  }

  /** The triggers on the kept tables first; dropping the facts tables drops theirs; the functions go last. */
  private async downPostgres(q: QueryRunner): Promise<void> {
    const triggers: [string, string][] = [
      ['priorities', 'facts_version_priorities_insert'],
      ['priorities', 'facts_version_priorities_update'],
      ['priorities', 'facts_version_priorities_delete'],
      ['editions', 'facts_version_editions_insert'],
      ['editions', 'facts_version_editions_delete'],
      ['assessments', 'assessment_facts_insert'],
      ['assessments', 'assessment_facts_update'],
      ['assessments', 'assessment_facts_delete'],
      ['priorities', 'priority_facts_insert'],
      ['priorities', 'priority_facts_update'],
      ['priorities', 'priority_facts_delete'],
    ];
    for (const [table, name] of triggers) await q.query(`DROP TRIGGER "${name}" ON "${table}"`);
    for (const t of ['priority_facts', 'group_band_counts', 'facts_version', 'group_facts', 'assessment_facts'])
      await q.query(`DROP TABLE "${t}"`);
    await q.query(`DROP INDEX IF EXISTS "idx_priorities_assessment"`);
    for (const f of [
      'facts_version_bump',
      'assessment_facts_fill',
      'assessment_facts_remove',
      'group_band_counts_add',
      'group_band_counts_remove',
      'priority_facts_add',
      'priority_facts_move',
      'priority_facts_remove',
    ])
      await q.query(`DROP FUNCTION "${f}"()`);
  }
}
