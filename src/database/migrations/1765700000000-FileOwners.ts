import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * Whom each stored file was uploaded for, so that a file can be referenced and read only through its owner:
 * an assessment for evidence, a government for its letters of intent and course certificates. Filled from
 * what refers to files today; a file two owners refer to gets both.
 */
export class FileOwners1765700000000 implements MigrationInterface {
  name = 'FileOwners1765700000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "file_owners" (
      "sha256" varchar(64) NOT NULL REFERENCES "stored_files" ("sha256"),
      "owner_kind" varchar(20) NOT NULL,
      "owner_id" varchar(64) NOT NULL,
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY ("sha256", "owner_kind", "owner_id")
    )`);
    for (const references of BACKFILL) {
      await q.query(
        `INSERT OR IGNORE INTO "file_owners" ("sha256", "owner_kind", "owner_id")
         SELECT r.sha256, r.kind, r.owner FROM (${references}) r
         WHERE r.sha256 IS NOT NULL AND r.owner IS NOT NULL AND r.sha256 IN (SELECT "sha256" FROM "stored_files")`,
      );
    }
  }

  /** The same table and backfill on PostgreSQL, reading the json columns. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "file_owners" (
      "sha256" varchar(64) NOT NULL REFERENCES "stored_files" ("sha256"),
      "owner_kind" varchar(20) NOT NULL,
      "owner_id" varchar(64) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      PRIMARY KEY ("sha256", "owner_kind", "owner_id")
    )`);
    for (const references of PG_BACKFILL) {
      await q.query(
        `INSERT INTO "file_owners" ("sha256", "owner_kind", "owner_id")
         SELECT r.sha256, r.kind, r.owner FROM (${references}) r
         WHERE r.sha256 IS NOT NULL AND r.owner IS NOT NULL AND r.sha256 IN (SELECT "sha256" FROM "stored_files")
         ON CONFLICT DO NOTHING`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "file_owners"`);
  }
}

/** A JSON column as JSON, or null where it holds none: the JSON functions fail on malformed text. */
const json = (column: string) => `(CASE WHEN json_valid(${column}) THEN ${column} ELSE 'null' END)`;

/** Each query yields (sha256, kind, owner) for one place a file is referenced from. */
const BACKFILL = [
  `SELECT json_extract(${json('a."enrolment"')}, '$.letterOfIntent.file') AS sha256, 'government' AS kind,
     a."government_code" AS owner FROM "assessments" a`,
  `SELECT json_extract(${json('a."enrolment"')}, '$.course.certificate.file') AS sha256, 'government' AS kind,
     a."government_code" AS owner FROM "assessments" a`,
  `SELECT json_extract(e.value, '$.file') AS sha256, 'assessment' AS kind, an."assessment_id" AS owner
   FROM "answers" an, json_each(CASE WHEN json_type(${json('an."evidence"')}) = 'array' THEN an."evidence" ELSE '[]' END) e
   WHERE e.type = 'object'`,
  `SELECT json_extract(${json('an."value"')}, '$.file') AS sha256, 'assessment' AS kind, an."assessment_id" AS owner
   FROM "answers" an WHERE json_type(${json('an."value"')}) = 'object'`,
  // Evidence uploaded but not yet put in an answer is known from the audit trail of its upload.
  `SELECT l."entity_id" AS sha256, 'assessment' AS kind, l."assessment_id" AS owner
   FROM "audit_log" l WHERE l."action" = 'evidence.upload' AND l."entity" = 'file'`,
  `SELECT c."pdf_sha256" AS sha256, 'assessment' AS kind, c."assessment_id" AS owner FROM "certificates" c`,
];

/** BACKFILL on PostgreSQL: the columns are json there, so always well-formed. */
const PG_BACKFILL = [
  `SELECT a."enrolment" -> 'letterOfIntent' ->> 'file' AS sha256, 'government' AS kind, a."government_code" AS owner
   FROM "assessments" a`,
  `SELECT a."enrolment" -> 'course' -> 'certificate' ->> 'file' AS sha256, 'government' AS kind,
     a."government_code" AS owner FROM "assessments" a`,
  `SELECT e ->> 'file' AS sha256, 'assessment' AS kind, an."assessment_id" AS owner
   FROM "answers" an,
     json_array_elements(CASE WHEN json_typeof(an."evidence"::json) = 'array' THEN an."evidence"::json ELSE '[]' END) e
   WHERE json_typeof(e) = 'object'`,
  `SELECT an."value" ->> 'file' AS sha256, 'assessment' AS kind, an."assessment_id" AS owner
   FROM "answers" an WHERE json_typeof(an."value"::json) = 'object'`,
  `SELECT l."entity_id" AS sha256, 'assessment' AS kind, l."assessment_id" AS owner
   FROM "audit_log" l WHERE l."action" = 'evidence.upload' AND l."entity" = 'file'`,
  `SELECT c."pdf_sha256" AS sha256, 'assessment' AS kind, c."assessment_id" AS owner FROM "certificates" c`,
];
