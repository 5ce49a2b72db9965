import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type CacheableConnection, cacheStatements, cachedStatements } from './statement-cache';

interface Connection extends CacheableConnection {
  run(sql: string, params: unknown[], done: (error: Error | null) => void): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sqlite3 = require('sqlite3') as {
  readonly OPEN_READONLY: number;
  readonly OPEN_READWRITE: number;
  readonly OPEN_CREATE: number;
  readonly Database: new (file: string, mode: number, opened: (error: Error | null) => void) => Connection;
};

/** Prepared statements kept on real SQLite connections to one file (WAL, as the engine opens it). */
describe('cacheStatements', () => {
  let dir: string;
  let file: string;
  const open: Connection[] = [];

  const connect = (mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE) =>
    new Promise<Connection>((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(db)));
      open.push(db);
    });
  const all = (db: Connection, sql: string, ...params: unknown[]) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) =>
      db.all(sql, params, (error: Error | null, rows: Record<string, unknown>[]) =>
        error ? reject(error) : resolve(rows),
      ),
    );
  const run = (db: Connection, sql: string, ...params: unknown[]) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const close = (db: Connection) =>
    new Promise<void>((resolve, reject) => {
      open.splice(open.indexOf(db), 1);
      db.close((error) => (error ? reject(error) : resolve()));
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statement-cache-'));
    file = join(dir, 'cache.sqlite');
    const db = await connect();
    await all(db, 'PRAGMA journal_mode = WAL');
    await run(db, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    await run(db, "INSERT INTO notes (text) VALUES ('one'), ('two'), ('three')");
    await close(db);
  });
  afterEach(async () => {
    for (const db of [...open]) await close(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one SQL text with new values each time, prepared once', async () => {
    const db = await connect();
    cacheStatements(db);
    const text = 'SELECT text FROM notes WHERE id = ?';
    expect(await all(db, text, 1)).toEqual([{ text: 'one' }]);
    expect(await all(db, text, 3)).toEqual([{ text: 'three' }]);
    expect(await Promise.all([all(db, text, 2), all(db, text, 1), all(db, text, 9)])).toEqual([
      [{ text: 'two' }],
      [{ text: 'one' }],
      [],
    ]);
    expect(cachedStatements(db)).toBe(1);
  });

  it('answers a statement that cannot be prepared with its error, keeps nothing and goes on', async () => {
    const db = await connect();
    cacheStatements(db);
    await expect(all(db, 'SELEC text FROM notes')).rejects.toThrow(/SQLITE_ERROR: near "SELEC": syntax error/);
    await expect(all(db, 'SELECT text FROM missing_table')).rejects.toThrow(/no such table: missing_table/);
    expect(cachedStatements(db)).toBe(0);
    expect(await all(db, 'SELECT count(*) AS n FROM notes')).toEqual([{ n: 3 }]);
  });

  it('prepares again a statement that failed while running', async () => {
    const db = await connect();
    cacheStatements(db);
    const text = "SELECT json_extract(?, '$.a') AS a";
    expect(await all(db, text, '{"a": 1}')).toEqual([{ a: 1 }]);
    expect(cachedStatements(db)).toBe(1);
    await expect(all(db, text, 'not json')).rejects.toThrow(/malformed JSON/);
    expect(cachedStatements(db)).toBe(0);
    expect(await all(db, text, '{"a": 2}')).toEqual([{ a: 2 }]);
  });

  it('answers each of two calls failing at once on one cached statement, and prepares it again', async () => {
    const db = await connect();
    cacheStatements(db);
    const text = "SELECT json_extract(?, '$.a') AS a";
    await all(db, text, '{"a": 0}');
    const failing = await Promise.allSettled([all(db, text, 'not json'), all(db, text, 'nor this')]);
    expect(failing.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(await all(db, text, '{"a": 3}')).toEqual([{ a: 3 }]);
    expect(cachedStatements(db)).toBe(1);
  });

  it('keeps the most recently used texts, up to its size', async () => {
    const db = await connect();
    cacheStatements(db, 2);
    await all(db, 'SELECT 1 AS n');
    await all(db, 'SELECT 2 AS n');
    await all(db, 'SELECT 1 AS n'); // used again: the second is now the oldest
    await all(db, 'SELECT 3 AS n');
    expect(cachedStatements(db)).toBe(2);
    expect(await all(db, 'SELECT 1 AS n')).toEqual([{ n: 1 }]);
    expect(await all(db, 'SELECT 2 AS n')).toEqual([{ n: 2 }]);
  });

  it('closes the connection with its statements prepared (SQLite refuses while one is open)', async () => {
    const db = await connect();
    cacheStatements(db);
    await all(db, 'SELECT text FROM notes WHERE id = ?', 1);
    await all(db, 'SELECT count(*) AS n FROM notes');
    await expect(close(db)).resolves.toBeUndefined();
  });

  it('leaves no read open: a cached read on the read-only connection does not hold back a checkpoint', async () => {
    const writer = await connect();
    const reader = await connect(sqlite3.OPEN_READONLY);
    cacheStatements(reader);
    expect(await all(reader, 'SELECT count(*) AS n FROM notes')).toEqual([{ n: 3 }]);
    await run(writer, "INSERT INTO notes (text) VALUES ('four')");
    // busy = 0: every frame of the WAL was copied back and the WAL emptied, which a reader's snapshot would block.
    expect(await all(writer, 'PRAGMA wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    expect(await all(reader, 'SELECT count(*) AS n FROM notes')).toEqual([{ n: 4 }]);
  });

  it("keeps TypeORM's transactions whole: BEGIN, COMMIT and ROLLBACK from the cache", async () => {
    const db = await new DataSource({ type: 'sqlite', database: file }).initialize();
    try {
      cacheStatements((db.driver as unknown as { databaseConnection: CacheableConnection }).databaseConnection);
      for (const text of ['five', 'six']) {
        await db.transaction(async (em) => {
          await em.query('INSERT INTO notes (text) VALUES (?)', [text]);
        });
        await expect(
          db.transaction(async (em) => {
            await em.query('INSERT INTO notes (text) VALUES (?)', [`not ${text}`]);
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
      }
      expect(await db.query('SELECT text FROM notes WHERE id > 3 ORDER BY id')).toEqual([
        { text: 'five' },
        { text: 'six' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
