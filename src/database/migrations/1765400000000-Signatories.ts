import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * Who signs an edition's seals: the university's and IOM's representatives (name, title, optional signature
 * image) and the two logos. Images are small and printed on every seal, so they live in the row as data URLs.
 * An edition without a row prints the default signatories (the offices, without names).
 */
export class Signatories1765400000000 implements MigrationInterface {
  name = 'Signatories1765400000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "edition_signatories" (
      "edition_year" integer PRIMARY KEY NOT NULL REFERENCES "editions" ("year"),
      "university_name" varchar(120) NOT NULL,
      "university_title" varchar(160) NOT NULL,
      "university_signature" text,
      "iom_name" varchar(120) NOT NULL,
      "iom_title" varchar(160) NOT NULL,
      "iom_signature" text,
      "university_logo" text,
      "iom_logo" text,
      "updated_by" varchar(36) NOT NULL,
      "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
    )`);
  }

  /** The same table on PostgreSQL, its time as timestamptz. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "edition_signatories" (
      "edition_year" integer PRIMARY KEY NOT NULL REFERENCES "editions" ("year"),
      "university_name" varchar(120) NOT NULL,
      "university_title" varchar(160) NOT NULL,
      "university_signature" text,
      "iom_name" varchar(120) NOT NULL,
      "iom_title" varchar(160) NOT NULL,
      "iom_signature" text,
      "university_logo" text,
      "iom_logo" text,
      "updated_by" varchar(36) NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "edition_signatories"`);
  }
}
