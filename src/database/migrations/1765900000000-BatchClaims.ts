import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several app processes share one certificate batch (on PostgreSQL): a process claims a chunk of pending items
 * for a while (`claimed_until`, epoch milliseconds) before printing it, so that no other process prints the same
 * seals, and a chunk whose process died is claimed again once its lease is over. The same SQL on both databases.
 */
export class BatchClaims1765900000000 implements MigrationInterface {
  name = 'BatchClaims1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "certificate_batch_items" ADD COLUMN "claimed_by" varchar(36)`);
    await q.query(`ALTER TABLE "certificate_batch_items" ADD COLUMN "claimed_until" bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "certificate_batch_items" DROP COLUMN "claimed_until"`);
    await q.query(`ALTER TABLE "certificate_batch_items" DROP COLUMN "claimed_by"`);
  }
}
