import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * Requests that must do their work once: the responses stored under an `Idempotency-Key` (per user, replayed
 * while they have not expired), and at most one running certificate batch per edition.
 */
export class IdempotencyKeys1765800000000 implements MigrationInterface {
  name = 'IdempotencyKeys1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotency_keys" (
      "user_id" varchar(36) NOT NULL,
      "key" varchar(255) NOT NULL,
      "route" varchar(1000) NOT NULL,
      "request_digest" varchar(64) NOT NULL,
      "response_status" integer,
      "response_body" text,
      "response_headers" text,
      "created_at" varchar(30) NOT NULL,
      "expires_at" bigint NOT NULL,
      PRIMARY KEY ("user_id", "key")
    )`);
    await q.query(`CREATE INDEX "idx_idempotency_keys_expiry" ON "idempotency_keys" ("expires_at")`);
    await this.mergeRunningBatches(q);
    await q.query(
      `CREATE UNIQUE INDEX "uq_certificate_batches_running" ON "certificate_batches" ("edition_year") WHERE "status" = 'running'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_certificate_batches_running"`);
    await q.query(`DROP TABLE "idempotency_keys"`);
  }

  /**
   * Before the rule, an edition could have several running batches: the oldest takes over the others' pending
   * seals and they end, so that the unique index can be built and nothing waiting is dropped.
   */
  private async mergeRunningBatches(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.mergeRunningBatchesPostgres(q);
    const keeper = `(SELECT k.id FROM certificate_batches k WHERE k.status = 'running' AND k.edition_year = b.edition_year
      ORDER BY k.created_at, k.rowid LIMIT 1)`;
    const duplicates = `SELECT b.id FROM certificate_batches b WHERE b.status = 'running' AND b.id <> ${keeper}`;
    await q.query(`INSERT OR IGNORE INTO certificate_batch_items (batch_id, assessment_id)
      SELECT ${keeper}, i.assessment_id FROM certificate_batch_items i JOIN certificate_batches b ON b.id = i.batch_id
      WHERE i.status = 'pending' AND i.batch_id IN (${duplicates})`);
    await q.query(`DELETE FROM certificate_batch_items WHERE status = 'pending' AND batch_id IN (${duplicates})`);
    await q.query(
      `UPDATE certificate_batches SET status = 'done', finished_at = datetime('now') WHERE id IN (${duplicates})`,
    );
  }

  /** The same merge on PostgreSQL, where rows have no rowid: ties on the creation time go by id. */
  private async mergeRunningBatchesPostgres(q: QueryRunner): Promise<void> {
    const keeper = `(SELECT k.id FROM certificate_batches k WHERE k.status = 'running' AND k.edition_year = b.edition_year
      ORDER BY k.created_at, k.id LIMIT 1)`;
    const duplicates = `SELECT b.id FROM certificate_batches b WHERE b.status = 'running' AND b.id <> ${keeper}`;
    await q.query(`INSERT INTO certificate_batch_items (batch_id, assessment_id)
      SELECT ${keeper}, i.assessment_id FROM certificate_batch_items i JOIN certificate_batches b ON b.id = i.batch_id
      WHERE i.status = 'pending' AND i.batch_id IN (${duplicates})
      ON CONFLICT DO NOTHING`);
    await q.query(`DELETE FROM certificate_batch_items WHERE status = 'pending' AND batch_id IN (${duplicates})`);
    await q.query(
      `UPDATE certificate_batches SET status = 'done', finished_at = CURRENT_TIMESTAMP WHERE id IN (${duplicates})`,
    );
  }
}
