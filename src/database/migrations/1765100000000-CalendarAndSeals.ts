import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * The calendar enforced and seals valid from their issue: per-government extensions of the diagnosis deadline,
 * each edition's seal validity, and each seal's first day of validity and certified level.
 */
export class CalendarAndSeals1765100000000 implements MigrationInterface {
  name = 'CalendarAndSeals1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "deadline_extensions" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "government_code" varchar(7) NOT NULL REFERENCES "governments" ("ibge_code"),
      "until" varchar(10) NOT NULL,
      "reason" text NOT NULL,
      "created_by" varchar(36) NOT NULL,
      "created_at" varchar(30) NOT NULL
    )`);
    await q.query(
      `CREATE INDEX "idx_deadline_extensions_government" ON "deadline_extensions" ("edition_year", "government_code", "created_at")`,
    );
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`ALTER TABLE "editions" ADD COLUMN "seal_validity" text NOT NULL DEFAULT '{"kind":"one-year"}'`);
    await q.query(`ALTER TABLE "certificates" ADD COLUMN "valid_from" varchar(10)`);
    await q.query(`UPDATE "certificates" SET "valid_from" = substr("issued_at", 1, 10)`);
    // The level a seal certifies is its index's (the scoring policy's quarters); filled where the snapshot has one.
    await q.query(`UPDATE "certificates" SET "level" = CASE
        WHEN json_extract("snapshot", '$.index.index') >= 75 THEN 'reference'
        WHEN json_extract("snapshot", '$.index.index') >= 50 THEN 'consolidated'
        WHEN json_extract("snapshot", '$.index.index') >= 25 THEN 'developing'
        ELSE 'initial' END
      WHERE "level" IS NULL AND json_extract("snapshot", '$.index.index') IS NOT NULL`);
  }

  /** The same columns on PostgreSQL (the validity as json), and the same level from the snapshot's index. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "editions" ADD COLUMN "seal_validity" json NOT NULL DEFAULT '{"kind":"one-year"}'`);
    await q.query(`ALTER TABLE "certificates" ADD COLUMN "valid_from" varchar(10)`);
    await q.query(`UPDATE "certificates" SET "valid_from" = substr("issued_at", 1, 10)`);
    const index = `("snapshot" -> 'index' ->> 'index')::double precision`;
    await q.query(`UPDATE "certificates" SET "level" = CASE
        WHEN ${index} >= 75 THEN 'reference'
        WHEN ${index} >= 50 THEN 'consolidated'
        WHEN ${index} >= 25 THEN 'developing'
        ELSE 'initial' END
      WHERE "level" IS NULL AND ${index} IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "certificates" DROP COLUMN "valid_from"`);
    await q.query(`ALTER TABLE "editions" DROP COLUMN "seal_validity"`);
    await q.query(`DROP TABLE "deadline_extensions"`);
  }
}
