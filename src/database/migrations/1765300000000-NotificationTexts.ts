import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';

/**
 * A notification keeps what it says as a catalogue key and its values, besides the Portuguese text of the
 * e-mail, so that the page shows it in the reader's language; and the page it is about, so that the page
 * and the e-mail link there. Messages written before keep their Portuguese subject and no link.
 */
export class NotificationTexts1765300000000 implements MigrationInterface {
  name = 'NotificationTexts1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD COLUMN "subject_key" varchar(80)`);
    // JSON: json on PostgreSQL (the text as written), text on SQLite.
    await q.query(
      `ALTER TABLE "notifications" ADD COLUMN "subject_params" ${dialectOf(q) === 'postgres' ? 'json' : 'text'}`,
    );
    await q.query(`ALTER TABLE "notifications" ADD COLUMN "link" varchar(300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "link"`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "subject_params"`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "subject_key"`);
  }
}
