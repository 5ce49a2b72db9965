import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

export class GoodPractices1764700000000 implements MigrationInterface {
  name = 'GoodPractices1764700000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "good_practices" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "group_slug" varchar(64) NOT NULL,
      "title" varchar(200) NOT NULL,
      "description" text NOT NULL,
      "link" varchar(2000),
      "start_year" integer,
      "status" varchar(10) NOT NULL DEFAULT ('pending') CHECK ("status" IN ('pending', 'approved', 'rejected')),
      "review_comment" text,
      "reviewed_by" varchar(36),
      "reviewed_at" datetime,
      "created_by" varchar(36) NOT NULL,
      "created_at" datetime NOT NULL DEFAULT (datetime('now'))
    )`);
    await q.query(`CREATE INDEX "idx_good_practices_assessment" ON "good_practices" ("assessment_id")`);
    // The public bank lists approved practices, usually by group.
    await q.query(`CREATE INDEX "idx_good_practices_public" ON "good_practices" ("status", "group_slug")`);
  }

  /** The same table on PostgreSQL, times as timestamptz. */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "good_practices" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "assessment_id" varchar(36) NOT NULL REFERENCES "assessments" ("id"),
      "group_slug" varchar(64) NOT NULL,
      "title" varchar(200) NOT NULL,
      "description" text NOT NULL,
      "link" varchar(2000),
      "start_year" integer,
      "status" varchar(10) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected')),
      "review_comment" text,
      "reviewed_by" varchar(36),
      "reviewed_at" timestamptz,
      "created_by" varchar(36) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`);
    await q.query(`CREATE INDEX "idx_good_practices_assessment" ON "good_practices" ("assessment_id")`);
    await q.query(`CREATE INDEX "idx_good_practices_public" ON "good_practices" ("status", "group_slug")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "good_practices"`);
  }
}
