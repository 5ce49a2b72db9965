import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    if (dialectOf(q) === 'postgres') return this.upPostgres(q);
    await q.query(`CREATE TABLE "governments" (
      "ibge_code" varchar(7) PRIMARY KEY NOT NULL,
      "kind" varchar(12) NOT NULL CHECK ("kind" IN ('municipality', 'state')),
      "name" varchar(120) NOT NULL,
      "search_name" varchar(120) NOT NULL,
      "uf" varchar(2) NOT NULL,
      "state_name" varchar(40) NOT NULL,
      "region" varchar(12) NOT NULL,
      "source" varchar(200) NOT NULL,
      "created_at" datetime NOT NULL DEFAULT (datetime('now')),
      "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
    )`);
    await q.query(`CREATE INDEX "idx_governments_uf_kind" ON "governments" ("uf", "kind")`);
    await q.query(`CREATE INDEX "idx_governments_search_name" ON "governments" ("search_name")`);
    await q.query(`CREATE TABLE "questionnaire_versions" (
      "group_slug" varchar(64) NOT NULL,
      "version" integer NOT NULL,
      "sha256" varchar(64) NOT NULL,
      "file_path" varchar(300) NOT NULL,
      "published_at" varchar(10) NOT NULL,
      "recorded_at" datetime NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY ("group_slug", "version")
    )`);
  }

  /** The same tables on PostgreSQL: times as timestamptz (UTC instants). */
  private async upPostgres(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "governments" (
      "ibge_code" varchar(7) PRIMARY KEY NOT NULL,
      "kind" varchar(12) NOT NULL CHECK ("kind" IN ('municipality', 'state')),
      "name" varchar(120) NOT NULL,
      "search_name" varchar(120) NOT NULL,
      "uf" varchar(2) NOT NULL,
      "state_name" varchar(40) NOT NULL,
      "region" varchar(12) NOT NULL,
      "source" varchar(200) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`);
    await q.query(`CREATE INDEX "idx_governments_uf_kind" ON "governments" ("uf", "kind")`);
    await q.query(`CREATE INDEX "idx_governments_search_name" ON "governments" ("search_name")`);
    await q.query(`CREATE TABLE "questionnaire_versions" (
      "group_slug" varchar(64) NOT NULL,
      "version" integer NOT NULL,
      "sha256" varchar(64) NOT NULL,
      "file_path" varchar(300) NOT NULL,
      "published_at" varchar(10) NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      PRIMARY KEY ("group_slug", "version")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "questionnaire_versions"`);
    await q.query(`DROP TABLE "governments"`);
  }
}
