import { randomInt } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';
import { allocateSlots } from '../../core/certification/status-list';

/**
 * Revocation as a W3C Bitstring Status List: each seal owns one position of a list. Positions are reserved in
 * `status_list_slots` before a seal is signed (its credential names the position), so two seals never share
 * one, and an issuance that fails after reserving leaves an unused position, never a shared one. Seals issued
 * before this migration get positions too, so that the published list covers every seal.
 */
export class StatusList1765200000000 implements MigrationInterface {
  name = 'StatusList1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "status_list_slots" (
      "list" integer NOT NULL,
      "idx" integer NOT NULL,
      "reserved_at" varchar(30) NOT NULL,
      PRIMARY KEY ("list", "idx")
    )`);
    await q.query(`ALTER TABLE "certificates" ADD COLUMN "status_list" integer`);
    await q.query(`ALTER TABLE "certificates" ADD COLUMN "status_index" integer`);
    await q.query(
      `CREATE UNIQUE INDEX "idx_certificates_status" ON "certificates" ("status_list", "status_index") WHERE "status_list" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "idx_certificates_revoked" ON "certificates" ("status_list", "revoked_at")`);
    const seals = (await q.query(`SELECT "number" FROM "certificates" ORDER BY "number"`)) as { number: string }[];
    const slots = allocateSlots({ list: 1, taken: [] }, seals.length, (n) => randomInt(n));
    for (const [i, seal] of seals.entries()) {
      if (dialectOf(q) === 'postgres') {
        await this.reservePostgres(q, slots[i], seal.number);
        continue;
      }
      await q.query(
        `INSERT INTO "status_list_slots" ("list", "idx", "reserved_at") VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
        [slots[i].list, slots[i].index],
      );
      await q.query(`UPDATE "certificates" SET "status_list" = ?, "status_index" = ? WHERE "number" = ?`, [
        slots[i].list,
        slots[i].index,
        seal.number,
      ]);
    }
  }

  /** The same reservation on PostgreSQL: numbered placeholders, the same ISO time text. */
  private async reservePostgres(q: QueryRunner, slot: { list: number; index: number }, seal: string): Promise<void> {
    await q.query(
      `INSERT INTO "status_list_slots" ("list", "idx", "reserved_at") VALUES ($1, $2, to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
      [slot.list, slot.index],
    );
    await q.query(`UPDATE "certificates" SET "status_list" = $1, "status_index" = $2 WHERE "number" = $3`, [
      slot.list,
      slot.index,
      seal,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_certificates_revoked"`);
    await q.query(`DROP INDEX "idx_certificates_status"`);
    await q.query(`ALTER TABLE "certificates" DROP COLUMN "status_index"`);
    await q.query(`ALTER TABLE "certificates" DROP COLUMN "status_list"`);
    await q.query(`DROP TABLE "status_list_slots"`);
  }
}
