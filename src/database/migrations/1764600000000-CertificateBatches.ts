import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

export class CertificateBatches1764600000000 implements MigrationInterface {
  name = 'CertificateBatches1764600000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "certificate_batches" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "status" varchar(10) NOT NULL,
      "created_by" varchar(36) NOT NULL,
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      "finished_at" datetime
    )`);
    await q.query(`CREATE TABLE "certificate_batch_items" (
      "batch_id" varchar(36) NOT NULL REFERENCES "certificate_batches" ("id"),
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "status" varchar(10) NOT NULL DEFAULT ('pending'),
      "certificate_number" varchar(20),
      "attempts" integer NOT NULL DEFAULT (0),
      "error" text,
      PRIMARY KEY ("batch_id", "assessment_id")
    )`);
    // Numbers are reserved from a counter, so concurrent renders never share one.
    await q.query(
      `CREATE TABLE "certificate_counters" ("edition_year" integer PRIMARY KEY NOT NULL, "last" integer NOT NULL)`,
    );
    await q.query(`INSERT INTO "certificate_counters" ("edition_year", "last")
      SELECT "edition_year", MAX(CAST(substr("number", 9) AS INTEGER)) FROM "certificates" GROUP BY "edition_year"`);
  }

  /** The same tables on PostgreSQL, times as timestamptz. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "certificate_batches" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "status" varchar(10) NOT NULL,
      "created_by" varchar(36) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      "finished_at" timestamptz
    )`);
    await q.query(`CREATE TABLE "certificate_batch_items" (
      "batch_id" varchar(36) NOT NULL REFERENCES "certificate_batches" ("id"),
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "status" varchar(10) NOT NULL DEFAULT 'pending',
      "certificate_number" varchar(20),
      "attempts" integer NOT NULL DEFAULT 0,
      "error" text,
      PRIMARY KEY ("batch_id", "assessment_id")
    )`);
    await q.query(
      `CREATE TABLE "certificate_counters" ("edition_year" integer PRIMARY KEY NOT NULL, "last" integer NOT NULL)`,
    );
    await q.query(`INSERT INTO "certificate_counters" ("edition_year", "last")
      SELECT "edition_year", MAX(CAST(substr("number", 9) AS INTEGER)) FROM "certificates" GROUP BY "edition_year"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "certificate_counters"`);
    await q.query(`DROP TABLE "certificate_batch_items"`);
    await q.query(`DROP TABLE "certificate_batches"`);
  }
}
