import type { DataSource } from 'typeorm';
import { rawQuery } from './portable-sql';
import { type CacheableConnection, cacheStatements } from './statement-cache';

/** What is used of a node-sqlite3 connection. */
interface SqliteConnection extends CacheableConnection {
  all(sql: string, params: unknown[], done: (error: Error | null, rows: unknown[]) => void): void;
  configure(option: 'busyTimeout', ms: number): void;
  close(done: (error: Error | null) => void): void;
}

interface Sqlite3 {
  readonly OPEN_READONLY: number;
  readonly Database: new (file: string, mode: number, opened: (error: Error | null) => void) => SqliteConnection;
}

const readers = new WeakMap<DataSource, SqliteConnection>();

/**
 * A second SQLite connection to the data source's file, read-only, for the lookups every request makes before
 * it reaches a service: its session, its user, the government of the assessment it names. In WAL mode it reads
 * the last commit while the one writing connection holds a transaction, so these lookups no longer wait behind
 * a group of autosaves and its sync, nor the group's statements behind them; and they see committed data only
 * (a query on the writing connection also sees the open transaction's work). Closed with the data source.
 */
export async function openCommittedReads(dataSource: DataSource, file: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sqlite3 = require('sqlite3') as Sqlite3;
  const reader = await new Promise<SqliteConnection>((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(db)));
  });
  reader.configure('busyTimeout', 10_000);
  cacheStatements(reader);
  readers.set(dataSource, reader);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    readers.delete(dataSource);
    await new Promise<void>((resolve, reject) => reader.close((error) => (error ? reject(error) : resolve())));
    return destroy();
  };
}

/**
 * A read of committed data outside any transaction: on SQLite's read-only connection when it is open, otherwise
 * (PostgreSQL, whose pool already reads beside the writers) a plain query. `text` is written for both databases,
 * with `?` placeholders (portable-sql.ts).
 */
export function committedRead<T = Record<string, unknown>>(
  dataSource: DataSource,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  const reader = readers.get(dataSource);
  if (!reader) return rawQuery<T>(dataSource, text, params);
  return new Promise((resolve, reject) =>
    reader.all(text, [...params], (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
  );
}
