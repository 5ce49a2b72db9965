import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

/** TEST_DATABASE_URL=postgres://… runs the tests on PostgreSQL; unset, on a SQLite file per test folder. */
export function onPostgres(): boolean {
  return /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '');
}

/** The prefix of the tests' PostgreSQL schemas; `test/support/postgres-global-setup.ts` drops the leftovers. */
export const TEST_SCHEMA_PREFIX = 'test_';

/**
 * The database of a test folder: its SQLite file, or on PostgreSQL a schema of its own, named after this process
 * and the folder, so that booting again on the same folder finds the same data and parallel workers never meet.
 */
export function testDatabaseUrl(dir: string): string {
  if (!onPostgres()) return `sqlite:${join(dir, 'data', 'test.sqlite')}`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const folder = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  url.searchParams.set('schema', `${TEST_SCHEMA_PREFIX}${process.pid}_${folder}`);
  return url.toString();
}
