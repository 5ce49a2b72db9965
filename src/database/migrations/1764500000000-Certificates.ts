import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

export class Certificates1764500000000 implements MigrationInterface {
  name = 'Certificates1764500000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "certificates" (
      "number" varchar(20) PRIMARY KEY NOT NULL,
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "government_code" varchar(7) NOT NULL REFERENCES "governments" ("ibge_code"),
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "issued_at" varchar(30) NOT NULL,
      "issued_by" varchar(36) NOT NULL,
      "valid_until" varchar(10) NOT NULL,
      "level" varchar(20),
      "snapshot" text NOT NULL,
      "credential" text NOT NULL,
      "pdf_sha256" varchar(64) NOT NULL,
      "revoked_at" datetime,
      "revoked_by" varchar(36),
      "revocation_reason" text,
      "replaced_by" varchar(20)
    )`);
    // At most one seal in force per assessment; revoked ones stay for verification.
    await q.query(
      `CREATE UNIQUE INDEX "idx_certificates_current" ON "certificates" ("assessment_id") WHERE "revoked_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "idx_certificates_edition" ON "certificates" ("edition_year")`);
    await q.query(`CREATE INDEX "idx_certificates_pdf" ON "certificates" ("pdf_sha256")`);
  }

  /** The same table on PostgreSQL: the snapshot as json, the revocation time as timestamptz. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "certificates" (
      "number" varchar(20) PRIMARY KEY NOT NULL,
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "government_code" varchar(7) NOT NULL REFERENCES "governments" ("ibge_code"),
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "issued_at" varchar(30) NOT NULL,
      "issued_by" varchar(36) NOT NULL,
      "valid_until" varchar(10) NOT NULL,
      "level" varchar(20),
      "snapshot" json NOT NULL,
      "credential" text NOT NULL,
      "pdf_sha256" varchar(64) NOT NULL,
      "revoked_at" timestamptz,
      "revoked_by" varchar(36),
      "revocation_reason" text,
      "replaced_by" varchar(20)
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "idx_certificates_current" ON "certificates" ("assessment_id") WHERE "revoked_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "idx_certificates_edition" ON "certificates" ("edition_year")`);
    await q.query(`CREATE INDEX "idx_certificates_pdf" ON "certificates" ("pdf_sha256")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "certificates"`);
  }
}
