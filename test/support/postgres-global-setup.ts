import { Client } from 'pg';
import { TEST_SCHEMA_PREFIX, onPostgres } from './test-database';

/** Whether a process of this machine is still running (the tests' schemas carry their process id). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Jest's global setup and teardown on PostgreSQL: drops the schemas that test processes no longer running left
 * behind. Schemas of a run still going (another terminal, another worker) are kept.
 */
export default async function dropLeftoverSchemas(): Promise<void> {
  if (!onPostgres()) return;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.delete('schema');
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`,
      [TEST_SCHEMA_PREFIX],
    );
    const pidOf = (name: string) => Number(name.slice(TEST_SCHEMA_PREFIX.length).split('_')[0]);
    // This process's own are those of the run ending (Jest runs in band in its main process).
    const finished = (pid: number) => pid === process.pid || !(pid > 0 && alive(pid));
    const leftovers = rows.map((r) => r.name).filter((name) => finished(pidOf(name)));
    for (const name of leftovers) await client.query(`DROP SCHEMA "${name}" CASCADE`);
    if (leftovers.length > 0) process.stdout.write(`PostgreSQL: dropped ${leftovers.length} leftover test schema(s)\n`);
  } finally {
    await client.end();
  }
}
