import type { DataSource } from 'typeorm';
import { committedRead } from '../src/database/committed-reads';
import { dataSourceOptions, openDataSource } from '../src/database/data-source-options';
import { asNumber, rawQuery } from '../src/database/portable-sql';
import { serializeTransactions } from '../src/database/serialize-transactions';
import { scratchDir, testConfig } from './support/test-app';

/**
 * The lookups every request makes first (its session, its user) read committed data beside the writers: on SQLite
 * a read-only connection of its own, on PostgreSQL the pool (TEST_DATABASE_URL). While a write transaction is
 * open they neither wait for it nor see its work; once it commits they see it.
 */
describe('committed reads beside an open write transaction, on either database', () => {
  let db: DataSource;
  let cleanup: () => void;
  const government = (code: string) =>
    [code, 'municipality', `Cidade ${code}`, `cidade ${code}`, 'RS', 'Rio Grande do Sul', 'Sul', 'test'] as const;
  const insert = `INSERT INTO governments (ibge_code, kind, name, search_name, uf, state_name, region, source)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
  const count = async () =>
    asNumber(
      (await committedRead<{ n: unknown }>(db, `SELECT COUNT(*) AS n FROM governments WHERE source = ?`, ['test']))[0]
        .n,
    );

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    db = await serializeTransactions(await openDataSource(dataSourceOptions(testConfig(scratch.dir).database)));
    await db.transaction((em) => rawQuery(em, insert, government('4300001')));
  });
  afterAll(async () => {
    await db?.destroy();
    cleanup?.();
  });

  it('answers during the transaction with the last commit, and sees the transaction once it commits', async () => {
    expect(await count()).toBe(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const writing = db.transaction(async (em) => {
      await rawQuery(em, insert, government('4300002'));
      inserted();
      await held;
    });
    await insertedYet;
    // The transaction holds the writing connection and has written: the read neither waits nor sees it.
    expect(await count()).toBe(1);
    release();
    await writing;
    expect(await count()).toBe(2);
  });

  it('fails a read with the error of the database, naming what is missing', async () => {
    await expect(committedRead(db, 'SELECT x FROM no_such_table', [])).rejects.toThrow(/no_such_table/);
  });
});
