import { Client } from 'pg';
import { SqliteFile } from '../../src/core/backup/sqlite-file';

/** Plain SQL (no parameters) on a test server's database, read from outside the server. */
export interface DatabaseClient {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string): Promise<T[]>;
}

/**
 * Opens the database a test server used (`sqlite:<file>`, or `postgres://…?schema=` as `serverDatabaseUrl` gives
 * it) with its own client, sqlite3 or pg, runs `work` and closes it: a test proves what is stored, not what the
 * server says. JSON columns should be read as `CAST(x AS TEXT)`, which both give as written.
 */
export async function withDatabaseClient<T>(url: string, work: (db: DatabaseClient) => Promise<T>): Promise<T> {
  if (url.startsWith('sqlite:'))
    return SqliteFile.with(url.slice('sqlite:'.length), 'write', (db) =>
      work({ dialect: 'sqlite', all: (sql) => db.all(sql) }),
    );
  const address = new URL(url);
  const schema = address.searchParams.get('schema');
  address.searchParams.delete('schema');
  const client = new Client({
    connectionString: address.toString(),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    return await work({
      dialect: 'postgres',
      all: async <R>(sql: string) => (await client.query(sql)).rows as R[],
    });
  } finally {
    await client.end();
  }
}
