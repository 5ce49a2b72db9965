import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a user's tokens issued before stop working (ms since the epoch): set when an administrator disables
 * them, so that enabling them again does not bring their old sessions back.
 */
export class SessionsRevoked1765500000000 implements MigrationInterface {
  name = 'SessionsRevoked1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD COLUMN "tokens_valid_from" bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "tokens_valid_from"`);
  }
}
