import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    await q.query(`CREATE TABLE "facts_version" ("id" integer PRIMARY KEY CHECK ("id" = 1), "version" integer NOT NULL)`);
    await q.query(`INSERT INTO "facts_version" ("id", "version") VALUES (1, 0)`);
    for (const [table, event] of [['priorities', 'INSERT'], ['priorities', 'UPDATE'], ['priorities', 'DELETE'], ['editions', 'INSERT'], ['editions', 'DELETE']]) {
      await q.query(`CREATE TRIGGER "facts_version_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN ${BUMP} END`);
    }
    await q.query(`CREATE TRIGGER "assessment_facts_insert" AFTER INSERT ON "assessments" BEGIN ${FILL('NEW')} END`);
    await q.query(`CREATE TRIGGER "assessment_facts_update" AFTER UPDATE OF "state", "score_snapshot", "government_code", "edition_year" ON "assessments" BEGIN ${FILL('NEW')} END`);
    await q.query(`CREATE TRIGGER "assessment_facts_delete" AFTER DELETE ON "assessments" BEGIN
      DELETE FROM "group_facts" WHERE "assessment_id" = OLD."id"; DELETE FROM "assessment_facts" WHERE "assessment_id" = OLD."id"; ${BUMP} END`);
    // Dashboards count priorities per edition through their assessment.
    await q.query(`CREATE INDEX IF NOT EXISTS "idx_priorities_assessment" ON "priorities" ("assessment_id")`);
    // Assessments that exist already: touch them so the update trigger fills their facts.
    await q.query(`UPDATE "assessments" SET "state" = "state"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['assessment_facts_insert', 'assessment_facts_update', 'assessment_facts_delete']) await q.query(`DROP TRIGGER "${t}"`);
    for (const t of ['priorities_insert', 'priorities_update', 'priorities_delete', 'editions_insert', 'editions_delete']) await q.query(`DROP TRIGGER "facts_version_${t}"`);
    await q.query(`DROP TABLE "facts_version"`);
    await q.query(`DROP INDEX IF EXISTS "idx_priorities_assessment"`);
    await q.query(`DROP TABLE "group_facts"`);
    await q.query(`DROP TABLE "assessment_facts"`);
  }
}
