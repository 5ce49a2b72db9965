import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * The review queue filtered by a status held by thousands of diagnoses (22,809 certified on the national data)
 * sorted every matching row by reading it whole, large score snapshot included (~270 ms a page). An index that
 * carries the sort key and the join key answers the page and its count from the index alone (~30 ms). It
 * starts with the columns of `idx_assessments_state`, which it replaces. Filtered by a UF, the queue starts
 * from that UF's governments: their index by government now carries the same columns, so that this plan too
 * reads no row (it replaces `idx_assessments_government`, whose lookups it still serves).
 *
 * A government's population, state, region or kind decides which peers it is compared with: changing them now
 * bumps `facts_version` like a change of scores, so that cached peer medians are recomputed.
 */
export class ReviewQueueIndex1765550000000 implements MigrationInterface {
  name = 'ReviewQueueIndex1765550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_assessments_queue" ON "assessments" ("edition_year", "state", "submitted_at", "government_code", "id")`,
    );
    await q.query(`DROP INDEX "idx_assessments_state"`);
    await q.query(
      `CREATE INDEX "idx_assessments_government_queue" ON "assessments" ("government_code", "edition_year", "state", "submitted_at", "id")`,
    );
    await q.query(`DROP INDEX "idx_assessments_government"`);
    if (dialectOf(q) === 'postgres') {
      // facts_version_bump() comes from ScoreFacts1765000000000.
      await q.query(
        `CREATE TRIGGER "facts_version_governments_update" AFTER UPDATE OF "population", "uf", "region", "kind" ON "governments"
         FOR EACH ROW EXECUTE FUNCTION "facts_version_bump"()`,
      );
      return;
    }
    await q.query(
      `CREATE TRIGGER "facts_version_governments_update" AFTER UPDATE OF "population", "uf", "region", "kind" ON "governments"
       BEGIN UPDATE "facts_version" SET "version" = "version" + 1; END`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      dialectOf(q) === 'postgres'
        ? `DROP TRIGGER "facts_version_governments_update" ON "governments"`
        : `DROP TRIGGER "facts_version_governments_update"`,
    );
    await q.query(`CREATE INDEX "idx_assessments_government" ON "assessments" ("government_code")`);
    await q.query(`DROP INDEX "idx_assessments_government_queue"`);
    await q.query(`CREATE INDEX "idx_assessments_state" ON "assessments" ("edition_year", "state")`);
    await q.query(`DROP INDEX "idx_assessments_queue"`);
  }
}
