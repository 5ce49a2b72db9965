import { join } from 'node:path';
import { Client } from 'pg';
import { ADMIN, auth, createEdition, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import { compileServer, freePort, ServerProcess, serverEnv, waitFor } from './support/server-process';
import { onPostgres, testDatabaseUrl } from './support/test-database';
import { type HttpClient, scratchDir } from './support/test-app';

const ON_POSTGRES = onPostgres();
const GOVERNMENTS = 16;

if (!ON_POSTGRES) {
  // eslint-disable-next-line no-console
  console.log(
    'multi-instance: skipped, it needs TEST_DATABASE_URL=postgres://… (on SQLite the engine runs as one process)',
  );
}

/** Attempts with a wrong password, sent in turn to the given processes, until one is refused: its number. */
async function refusedAtAttempt(clients: readonly HttpClient[], email: string): Promise<number> {
  for (let attempt = 1; attempt <= 30; attempt++) {
    const client = clients[(attempt - 1) % clients.length];
    const r = await client.request('POST', '/api/auth/login', { email, password: 'not-the-password-1' });
    if (r.status === 429) return attempt;
    if (r.status !== 401) throw new Error(`attempt ${attempt}: ${r.status} ${r.text}`);
  }
  throw new Error(`${email}: never refused`);
}

(ON_POSTGRES ? describe : describe.skip)('two app processes on one PostgreSQL database', () => {
  const pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  let schema: string;
  let cleanup: () => void;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    const dist = compileServer('dist-multi-instance');
    let dir: string;
    ({ dir, cleanup } = scratchDir());
    // A fresh schema of this run (test-database.ts; Jest's global setup drops it if the run dies).
    const url = testDatabaseUrl(dir);
    schema = new URL(url).searchParams.get('schema')!;
    await pg.connect();
    await pg.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // Behind a load balancer the processes share the database and DATA_DIR (files, keys, the session secret).
    const dataDir = join(dir, 'data');
    const env = async () =>
      serverEnv(dataDir, await freePort(), {
        DATABASE_URL: url,
        RENDER_PAGES: '1',
        CERTIFICATE_BATCH_SIZE: '2',
        // Each looks for batches started elsewhere every 200 ms (2 s by default): a batch of 8 short chunks could
        // otherwise end on A before B looks, on a fast machine, and the test would not see B take part.
        BATCH_JOIN_MS: '200',
        LOG_LEVEL: 'warn',
      });
    // Their output is kept, to be shown if the batch does not end.
    a = new ServerProcess(dist, await env(), true);
    b = new ServerProcess(dist, await env(), true);
    // The first one migrates the schema; the second starts on it.
    await a.start();
    await b.start();
  }, 240_000);

  afterAll(async () => {
    a?.kill();
    b?.kill();
    await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await pg.end();
    cleanup?.();
  });

  it('share sessions, sign-in throttling, the dashboard and a batch of seals, each seal issued once', async () => {
    const [onA, onB] = [a.client(), b.client()];

    // A session opened on A works on B; signed out on B, it is refused on A.
    const admin = await login(onA, ADMIN.email, ADMIN.password);
    expect((await onB.request('GET', '/api/auth/me', undefined, auth(admin))).status).toBe(200);
    const session = await login(onA, ADMIN.email, ADMIN.password);
    expect((await onB.request('POST', '/api/auth/logout', undefined, auth(session))).status).toBe(204);
    expect((await onA.request('GET', '/api/auth/me', undefined, auth(session))).status).toBe(401);
    expect((await onB.request('GET', '/api/auth/me', undefined, auth(session))).status).toBe(401);

    // Wrong passwords alternated between the two are refused from the same attempt as on one process.
    const onOne = await refusedAtAttempt([onA], 'nobody-one@example.test');
    const onBoth = await refusedAtAttempt([onA, onB], 'nobody-both@example.test');
    expect(onBoth).toBe(onOne);

    // Governments driven to their priorities on A, the last one after B has computed (and cached) its dashboard.
    const reviewer = await createUser(onA, admin, 'rev@oim.test', 'reviewer');
    const certifier = await createUser(onA, admin, 'cert@ufrgs.test', 'certifier');
    await createEdition(onA, admin, 2025);
    const governments = (await onA.request('GET', `/api/governments?uf=RS&kind=municipality&limit=${GOVERNMENTS}`)).body
      .items as { ibgeCode: string }[];
    const officials: string[] = [];
    const assessments: string[] = [];
    for (const [i, g] of governments.entries()) {
      officials.push(await createUser(onA, admin, `focal${i}@rs.test`, 'official', g.ibgeCode));
      assessments.push((await enrol(onA, officials[i], 2025, g.ibgeCode)).id);
    }
    const last = GOVERNMENTS - 1;
    for (let i = 0; i < last; i++) await driveToPriorities(onA, { official: officials[i], reviewer }, assessments[i]);
    const scored = async () =>
      (await onB.request('GET', '/api/dashboard/national?edition=2025')).body.totals.scored as number;
    const before = await scored();
    expect(await scored()).toBe(before); // now served from B's cache
    await driveToPriorities(onA, { official: officials[last], reviewer }, assessments[last]);
    const after = await scored();
    expect(after).toBe(before + 1);

    // A batch started on A: B takes part in it, and every seal is issued once.
    const started = await onA.request('POST', '/api/editions/2025/certificate-batches', undefined, auth(certifier));
    expect(started.status).toBe(201);
    expect(started.body.total).toBe(GOVERNMENTS);
    let progress: unknown;
    const finished = await waitFor(
      async () => {
        const r = await onB.request('GET', `/api/certificate-batches/${started.body.id}`, undefined, auth(certifier));
        progress = r.body;
        return r.body.status === 'done' ? r.body : undefined;
      },
      180_000,
      200,
    ).catch(() => {
      const tail = (s: ServerProcess) => s.output().slice(-4000);
      throw new Error(`batch not done: ${JSON.stringify(progress)}\n-- A:\n${tail(a)}\n-- B:\n${tail(b)}`);
    });
    expect(finished).toMatchObject({ total: GOVERNMENTS, done: GOVERNMENTS, failed: 0, pending: 0 });

    const seals = (
      await pg.query<{ number: string; assessment_id: string }>(
        `SELECT number, assessment_id FROM ${schema}.certificates WHERE edition_year = 2025`,
      )
    ).rows;
    const numbers = new Set(seals.map((s) => s.number));
    const expected = Array.from({ length: GOVERNMENTS }, (_, i) => `MC-2025-${String(i + 1).padStart(5, '0')}`);
    expect(seals).toHaveLength(GOVERNMENTS);
    expect(numbers.size).toBe(GOVERNMENTS);
    expect([...numbers].sort()).toEqual(expected);
    expect(new Set(seals.map((s) => s.assessment_id))).toEqual(new Set(assessments));
    const byProcess = (
      await pg.query<{ process: string; items: string }>(
        `SELECT split_part(claimed_by, '-', 1) AS process, COUNT(*) AS items FROM ${schema}.certificate_batch_items
         WHERE batch_id = $1 GROUP BY 1 ORDER BY 2 DESC`,
        [started.body.id],
      )
    ).rows.map((r) => Number(r.items));
    expect(byProcess).toHaveLength(2);
    expect(byProcess.reduce((s, n) => s + n, 0)).toBe(GOVERNMENTS);
    // Both see the same seals.
    const listed = async (c: HttpClient) =>
      ((await c.request('GET', '/api/editions/2025/certificates')).body as { number: string }[])
        .map((s) => s.number)
        .sort();
    expect(await listed(onB)).toEqual(await listed(onA));
    // eslint-disable-next-line no-console
    console.log(
      `multi-instance: ${seals.length} seals, ${numbers.size} distinct numbers, ` +
        `${expected.filter((n) => !numbers.has(n)).length} missing, issued by 2 processes (${byProcess.join(' + ')}); ` +
        `sign-in refused from attempt ${onOne} on one process and ${onBoth} alternating two; ` +
        `a session signed out on one refused on the other; B's dashboard scored ${before} then ${after} after a change on A`,
    );
  }, 600_000);
});
