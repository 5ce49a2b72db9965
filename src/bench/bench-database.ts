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
  const schema = parsed.searchParams.get('schema') ?? `bench_certificates_${process.pid}`;
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
