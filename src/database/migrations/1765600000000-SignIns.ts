import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outcomes that count towards throttling: failures, and attempts still being decided. */
const COUNTED = `"outcome" IN ('pending', 'wrong-password', 'unknown-account', 'disabled')`;

/**
 * Every sign-in attempt (who was tried, from where, when, and how it ended), from which throttling is decided,
 * and the sessions ended by signing out. The partial indexes serve the throttle's two questions (the recent
 * failures of an e-mail or an address; the e-mail's last success) without reading the refused attempts an
 * attacker piles up; the time index serves the administrators' list, newest first.
 */
export class SignIns1765600000000 implements MigrationInterface {
  name = 'SignIns1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sign_ins" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "email" varchar(200) NOT NULL,
      "user_id" varchar(36),
      "outcome" varchar(20) NOT NULL,
      "address" varchar(64) NOT NULL,
      "user_agent" varchar(200),
      "delay_ms" integer NOT NULL DEFAULT (0),
      "attempted_at" bigint NOT NULL
    )`);
    await q.query(`CREATE INDEX "IDX_sign_ins_email_counted" ON "sign_ins" ("email", "attempted_at") WHERE ${COUNTED}`);
    await q.query(
      `CREATE INDEX "IDX_sign_ins_address_counted" ON "sign_ins" ("address", "attempted_at") WHERE ${COUNTED}`,
    );
    await q.query(
      `CREATE INDEX "IDX_sign_ins_email_success" ON "sign_ins" ("email", "attempted_at") WHERE "outcome" = 'success'`,
    );
    await q.query(`CREATE INDEX "IDX_sign_ins_attempted_at" ON "sign_ins" ("attempted_at")`);
    await q.query(`CREATE TABLE "revoked_sessions" (
      "session_id" varchar(36) PRIMARY KEY NOT NULL,
      "user_id" varchar(36) NOT NULL,
      "revoked_at" bigint NOT NULL,
      "expires_at" bigint NOT NULL
    )`);
    await q.query(`CREATE INDEX "IDX_revoked_sessions_expires_at" ON "revoked_sessions" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "revoked_sessions"`);
    await q.query(`DROP TABLE "sign_ins"`);
  }
}
