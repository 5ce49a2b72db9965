/** The database used, for the figures: SQLite's file, or PostgreSQL's address without its password. */
export function databaseName(db: { type: string }): string {
  const { path, url, schema } = db as { path?: string; url?: string; schema?: string };
  if (db.type === 'sqlite') return `SQLite ${path}`;
  return `PostgreSQL ${url?.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')}${schema ? ` (schema ${schema})` : ''}`;
}

/**
 * On PostgreSQL, a schema of the bench's own (unless the URL names one), created before the engine starts
 * and dropped at the end; nothing to do on SQLite (a scratch file).
 */
export async function benchDatabase(
  url: string | undefined,
): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  if (!url || !/^postgres(ql)?:/.test(url)) return url ? { url, drop: async () => undefined } : undefined;
  const parsed = new URL(url);
  const own = !parsed.searchParams.has('schema');
  const schema = parsed.searchParams.get('schema') ?? `bench_${process.pid}`;
  parsed.searchParams.delete('schema');
  const run = async (sql: string) => {
    // `pg` is the PostgreSQL driver (a dependency when PostgreSQL is used); loaded only here.
    const { Client } = (await import('pg' as string)) as {
      Client: new (o: { connectionString: string }) => {
        connect(): Promise<void>;
        query(q: string): Promise<unknown>;
        end(): Promise<void>;
      };
    };
    const client = new Client({ connectionString: parsed.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  parsed.searchParams.set('schema', schema);
  return { url: parsed.toString(), drop: () => (own ? run(`DROP SCHEMA "${schema}" CASCADE`) : Promise.resolve()) };
}

/** The local PostgreSQL that scripts/postgres-setup.sh makes: where a bench goes without BENCH_POSTGRES_URL. */
const LOCAL_POSTGRES = 'postgres://migracidades:migracidades@127.0.0.1:5432/migracidades_test';

/** `--only sqlite|postgres`: one database; both by default. */
export function onlyDatabase(): 'sqlite' | 'postgres' | undefined {
  const i = process.argv.indexOf('--only');
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value !== 'sqlite' && value !== 'postgres') throw new Error(`--only takes sqlite or postgres, not "${value}"`);
  return value;
}

/**
 * Runs `measure` on SQLite (`postgresUrl` undefined), then on PostgreSQL (BENCH_POSTGRES_URL or the local
 * one) in a schema of its own dropped at the end, or says why PostgreSQL is skipped; `--only` keeps one.
 * Gives what each run gave, in that order.
 */
export async function onEachDatabase<T>(measure: (postgresUrl: string | undefined) => Promise<T>): Promise<T[]> {
  const which = onlyDatabase();
  const results: T[] = [];
  if (which !== 'postgres') results.push(await measure(undefined));
  if (which === 'sqlite') return results;
  const url = process.env.BENCH_POSTGRES_URL ?? LOCAL_POSTGRES;
  const database = await benchDatabase(url).catch((e: Error) => {
    console.log(
      `\nPostgreSQL skipped: ${databaseName({ type: 'postgres', url } as never)} cannot be reached (${e.message}).`,
    );
    return undefined;
  });
  if (!database) return results;
  try {
    results.push(await measure(database.url));
  } finally {
    await database.drop();
  }
  return results;
}

/** Why a PostgreSQL database cannot be measured, or null when it answers. */
export async function unreachable(url: string): Promise<string | null> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}
