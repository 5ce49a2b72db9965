import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

export class Lifecycle1764400000000 implements MigrationInterface {
  name = 'Lifecycle1764400000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "users" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "email" varchar(200) NOT NULL UNIQUE,
      "name" varchar(200) NOT NULL,
      "password_hash" varchar(300) NOT NULL,
      "role" varchar(12) NOT NULL CHECK ("role" IN ('official', 'reviewer', 'certifier', 'admin')),
      "government_code" varchar(7) REFERENCES "governments" ("ibge_code"),
      "active" boolean NOT NULL DEFAULT (1),
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      CHECK (("role" = 'official') = ("government_code" IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX "idx_users_government" ON "users" ("government_code")`);
    await q.query(`CREATE TABLE "editions" (
      "year" integer PRIMARY KEY NOT NULL,
      "calendar" text NOT NULL,
      "pinned_versions" text NOT NULL,
      "certification_rule" text NOT NULL,
      "created_at" datetime NOT NULL DEFAULT (datetime('now'))
    )`);
    await q.query(`CREATE TABLE "assessments" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "government_code" varchar(7) NOT NULL REFERENCES "governments" ("ibge_code"),
      "state" varchar(24) NOT NULL,
      "versions" text NOT NULL,
      "previous_assessment_id" varchar(36) REFERENCES "assessments" ("id"),
      "round" integer NOT NULL DEFAULT (1),
      "enrolment" text NOT NULL,
      "score_snapshot" text,
      "submitted_at" datetime,
      "approved_at" datetime,
      "row_version" integer NOT NULL DEFAULT (1),
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
      UNIQUE ("edition_year", "government_code")
    )`);
    await q.query(`CREATE INDEX "idx_assessments_government" ON "assessments" ("government_code")`);
    await q.query(`CREATE INDEX "idx_assessments_state" ON "assessments" ("edition_year", "state")`);
    await q.query(`CREATE TABLE "answers" (
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "group_slug" varchar(64) NOT NULL,
      "item_key" varchar(64) NOT NULL,
      "value" text,
      "evidence" text,
      "version" integer NOT NULL,
      "carried" boolean NOT NULL DEFAULT (0),
      "changed_round" integer NOT NULL,
      "review_status" varchar(12) NOT NULL DEFAULT ('pending'),
      "reviewer_rating" text,
      "review_note" text,
      "reviewed_round" integer,
      "updated_by" varchar(36),
      "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY ("assessment_id", "group_slug", "item_key")
    )`);
    await q.query(`CREATE TABLE "priorities" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "group_slug" varchar(64) NOT NULL,
      "item_key" varchar(64) NOT NULL,
      "commitment" text NOT NULL,
      "progress_status" varchar(12),
      "progress_note" text,
      "progress_reported_in" varchar(36) REFERENCES "assessments" ("id"),
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      UNIQUE ("assessment_id", "group_slug", "item_key")
    )`);
    await q.query(`CREATE TABLE "stored_files" (
      "sha256" varchar(64) PRIMARY KEY NOT NULL,
      "mime" varchar(100) NOT NULL,
      "size" integer NOT NULL,
      "created_at" datetime NOT NULL DEFAULT (datetime('now'))
    )`);
    await q.query(`CREATE TABLE "notifications" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "kind" varchar(40) NOT NULL,
      "recipient" varchar(200) NOT NULL,
      "user_id" varchar(36),
      "subject" varchar(300) NOT NULL,
      "body" text NOT NULL,
      "status" varchar(10) NOT NULL,
      "attempts" integer NOT NULL DEFAULT (0),
      "error" text,
      "dedupe_key" varchar(200) UNIQUE,
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      "sent_at" datetime
    )`);
    await q.query(`CREATE INDEX "idx_notifications_status" ON "notifications" ("status")`);
    await q.query(`CREATE TABLE "audit_log" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "at" datetime NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      "actor_id" varchar(36),
      "actor_role" varchar(12),
      "action" varchar(60) NOT NULL,
      "entity" varchar(40) NOT NULL,
      "entity_id" varchar(200) NOT NULL,
      "assessment_id" varchar(36),
      "before" text,
      "after" text
    )`);
    await q.query(`CREATE INDEX "idx_audit_assessment" ON "audit_log" ("assessment_id", "id")`);
    // The trail is appended to, never edited: the database itself refuses changes.
    await q.query(
      `CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
    await q.query(
      `CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
  }

  /**
   * The same tables on PostgreSQL: times as timestamptz (UTC instants), real booleans, the trail's id from an
   * identity and its time as the same ISO text as on SQLite. JSON as json, not jsonb: json keeps the text as
   * written, and the engine relies on the order of an object's keys (the groups of pinned versions, of a snapshot),
   * which jsonb would sort.
   */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "email" varchar(200) NOT NULL UNIQUE,
      "name" varchar(200) NOT NULL,
      "password_hash" varchar(300) NOT NULL,
      "role" varchar(12) NOT NULL CHECK ("role" IN ('official', 'reviewer', 'certifier', 'admin')),
      "government_code" varchar(7) REFERENCES "governments" ("ibge_code"),
      "active" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      CHECK (("role" = 'official') = ("government_code" IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX "idx_users_government" ON "users" ("government_code")`);
    await q.query(`CREATE TABLE "editions" (
      "year" integer PRIMARY KEY NOT NULL,
      "calendar" json NOT NULL,
      "pinned_versions" json NOT NULL,
      "certification_rule" json NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`);
    await q.query(`CREATE TABLE "assessments" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "edition_year" integer NOT NULL REFERENCES "editions" ("year"),
      "government_code" varchar(7) NOT NULL REFERENCES "governments" ("ibge_code"),
      "state" varchar(24) NOT NULL,
      "versions" json NOT NULL,
      "previous_assessment_id" varchar(36) REFERENCES "assessments" ("id"),
      "round" integer NOT NULL DEFAULT 1,
      "enrolment" json NOT NULL,
      "score_snapshot" json,
      "submitted_at" timestamptz,
      "approved_at" timestamptz,
      "row_version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      UNIQUE ("edition_year", "government_code")
    )`);
    await q.query(`CREATE INDEX "idx_assessments_government" ON "assessments" ("government_code")`);
    await q.query(`CREATE INDEX "idx_assessments_state" ON "assessments" ("edition_year", "state")`);
    await q.query(`CREATE TABLE "answers" (
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "group_slug" varchar(64) NOT NULL,
      "item_key" varchar(64) NOT NULL,
      "value" json,
      "evidence" json,
      "version" integer NOT NULL,
      "carried" boolean NOT NULL DEFAULT false,
      "changed_round" integer NOT NULL,
      "review_status" varchar(12) NOT NULL DEFAULT 'pending',
      "reviewer_rating" json,
      "review_note" text,
      "reviewed_round" integer,
      "updated_by" varchar(36),
      "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      PRIMARY KEY ("assessment_id", "group_slug", "item_key")
    )`);
    await q.query(`CREATE TABLE "priorities" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "group_slug" varchar(64) NOT NULL,
      "item_key" varchar(64) NOT NULL,
      "commitment" text NOT NULL,
      "progress_status" varchar(12),
      "progress_note" text,
      "progress_reported_in" varchar(36) REFERENCES "assessments" ("id"),
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      UNIQUE ("assessment_id", "group_slug", "item_key")
    )`);
    await q.query(`CREATE TABLE "stored_files" (
      "sha256" varchar(64) PRIMARY KEY NOT NULL,
      "mime" varchar(100) NOT NULL,
      "size" integer NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`);
    await q.query(`CREATE TABLE "notifications" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "kind" varchar(40) NOT NULL,
      "recipient" varchar(200) NOT NULL,
      "user_id" varchar(36),
      "subject" varchar(300) NOT NULL,
      "body" text NOT NULL,
      "status" varchar(10) NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "error" text,
      "dedupe_key" varchar(200) UNIQUE,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      "sent_at" timestamptz
    )`);
    await q.query(`CREATE INDEX "idx_notifications_status" ON "notifications" ("status")`);
    await q.query(`CREATE TABLE "audit_log" (
      "id" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      "at" varchar(30) NOT NULL DEFAULT (to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
      "actor_id" varchar(36),
      "actor_role" varchar(12),
      "action" varchar(60) NOT NULL,
      "entity" varchar(40) NOT NULL,
      "entity_id" varchar(200) NOT NULL,
      "assessment_id" varchar(36),
      "before" json,
      "after" json
    )`);
    await q.query(`CREATE INDEX "idx_audit_assessment" ON "audit_log" ("assessment_id", "id")`);
    // The trail is appended to, never edited: the database itself refuses changes (TRUNCATE too).
    await q.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    for (const event of ['UPDATE', 'DELETE', 'TRUNCATE']) {
      const level = event === 'TRUNCATE' ? 'STATEMENT' : 'ROW';
      await q.query(
        `CREATE TRIGGER "audit_log_no_${event.toLowerCase()}" BEFORE ${event} ON "audit_log" FOR EACH ${level} EXECUTE FUNCTION "audit_log_append_only"()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_log',
      'notifications',
      'stored_files',
      'priorities',
      'answers',
      'assessments',
      'editions',
      'users',
    ]) {
      await q.query(`DROP TABLE "${t}"`);
    }
    if (dialectOf(q) === 'postgres') await q.query(`DROP FUNCTION "audit_log_append_only"()`);
  }
}
