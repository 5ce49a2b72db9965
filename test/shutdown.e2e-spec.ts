import { statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteFile } from '../src/core/backup/sqlite-file';
import { AutosaveLoad, checkSaves, prepareWriters } from './support/autosave-load';
import { withDatabaseClient } from './support/database-client';
import { ADMIN, auth, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import {
  compileServer,
  databaseIn,
  freePort,
  ServerProcess,
  serverDatabaseUrl,
  serverEnv,
  waitFor,
} from './support/server-process';
import { type HttpClient, onPostgres, scratchDir } from './support/test-app';

/**
 * Enough seals that the batch cannot end between the first one and the signal: it runs one chunk (of one seal)
 * more than it has pages, and each chunk in flight is recorded before the stop (6 were all issued by then once,
 * on PostgreSQL).
 */
const SEALS = 12;
const WRITERS = 4;

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Saves, seals and the batch are read from the database with its own client; on SQLite the file's WAL and integrity too. */
describe(`SIGTERM under load: nothing lost, the batch resumes (${onPostgres() ? 'PostgreSQL' : 'SQLite file'})`, () => {
  let cleanup: () => void;
  let dataDir: string;
  let server: ServerProcess;
  let load: AutosaveLoad | undefined;

  beforeAll(async () => {
    const dist = compileServer('dist-shutdown-test');
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    dataDir = join(scratch.dir, 'data');
    const env = serverEnv(dataDir, await freePort(), {
      LOG_LEVEL: 'log',
      NO_COLOR: '1',
      SHUTDOWN_TIMEOUT_MS: '20000',
      RENDER_PAGES: '1',
      CERTIFICATE_BATCH_SIZE: '1',
    });
    server = new ServerProcess(dist, env, true);
    await server.start();
  }, 300_000);
  afterAll(async () => {
    await load?.stop();
    server?.kill();
    cleanup?.();
  });

  /** Governments of RS with every stage before the seal complete, for a batch of `count` seals. */
  async function readyForSeals(app: HttpClient, admin: string, count: number) {
    const reviewer = await createUser(app, admin, 'rev@oim.test', 'reviewer');
    const certifier = await createUser(app, admin, 'cert@ufrgs.test', 'certifier');
    const rs = (await app.request('GET', `/api/governments?uf=RS&kind=municipality&limit=${count}`)).body.items as {
      ibgeCode: string;
    }[];
    for (const [i, g] of rs.entries()) {
      const official = await createUser(app, admin, `focal${i}@rs.test`, 'official', g.ibgeCode);
      await driveToPriorities(app, { official, reviewer }, (await enrol(app, official, 2025, g.ibgeCode)).id);
    }
    return certifier;
  }

  it('exits 0 once requests, the batch chunk and the WAL are done; every acknowledged save and seal is kept', async () => {
    const app = server.client();
    const admin = await login(app, ADMIN.email, ADMIN.password);
    const writers = await prepareWriters(app, admin, WRITERS, 2025);
    const certifier = await readyForSeals(app, admin, SEALS);
    const autosave = new AutosaveLoad(() => server.client(), writers);
    load = autosave;
    autosave.start();

    const started = await app.request('POST', '/api/editions/2025/certificate-batches', undefined, auth(certifier));
    expect(started.body.total).toBe(SEALS);
    const progress = async () =>
      (await server.client().request('GET', `/api/certificate-batches/${started.body.id}`, undefined, auth(certifier)))
        .body;
    await waitFor(
      async () => ((await progress()).done >= 1 && autosave.acked.length >= 50 ? true : undefined),
      120_000,
    );
    const issuedBefore = (
      (await app.request('GET', '/api/editions/2025/certificates')).body as { number: string }[]
    ).map((s) => s.number);

    const exit = await server.stop('SIGTERM');
    const log = server.output();
    await autosave.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    const steps = log
      .split('\n')
      .filter((line) => line.includes('[Shutdown]'))
      .map((line) => line.slice(line.indexOf('[Shutdown]') + 11));
    expect(steps).toEqual([
      'SIGTERM received: stopping (at most 20000 ms)',
      'closing the HTTP server: no new connections, finishing the requests in flight',
      'stopping certificate batches after the chunk being recorded',
      `certificate batch(es) ${started.body.id} paused; they resume at the next start`,
      'closing Chromium',
      // PostgreSQL has no write-ahead log of the engine's to fold in.
      ...(onPostgres() ? [] : ['checkpointing the database (WAL)']),
      'closing the database and the remaining services',
      'Stopped',
    ]);
    expect(log).not.toContain('will be started again');

    const check = await checkSaves(serverDatabaseUrl(dataDir), autosave.acked);
    const atStop = await withDatabaseClient(serverDatabaseUrl(dataDir), async (db) => ({
      seals: (await db.all<{ number: string }>('SELECT number FROM certificates')).map((s) => s.number),
      batch: (await db.all<{ status: string }>('SELECT status FROM certificate_batches'))[0].status,
    }));
    expect(check.lost).toEqual([]);
    expect(autosave.regressions).toEqual([]);
    // The SQLite file: its WAL folded in, and sound (PostgreSQL keeps its own files).
    const database = databaseIn(dataDir);
    const file = onPostgres()
      ? undefined
      : { wal: sizeOf(`${database}-wal`), integrity: await SqliteFile.with(database, 'read', (db) => db.integrity()) };
    expect(file).toEqual(onPostgres() ? undefined : { wal: 0, integrity: 'ok' });
    expect(atStop.seals).toEqual(expect.arrayContaining(issuedBefore));
    expect(atStop.seals.length).toBeLessThan(SEALS);
    expect(atStop.batch).toBe('running');

    await server.start();
    const finished = await waitFor(
      async () => {
        const p = await progress();
        return p.status === 'done' ? p : undefined;
      },
      180_000,
      200,
    );
    expect(finished).toMatchObject({ total: SEALS, done: SEALS, failed: 0, pending: 0 });
    const seals = (await app.request('GET', '/api/editions/2025/certificates')).body as { number: string }[];
    expect(new Set(seals.map((s) => s.number)).size).toBe(SEALS);
    expect(seals.map((s) => s.number)).toEqual(expect.arrayContaining(atStop.seals));

    // The figures the issue asks for, in the test's output.
    // eslint-disable-next-line no-console
    console.log(
      `shutdown: ${check.acknowledged} saves acknowledged, ${check.verified} verified, ${check.lost.length} lost; batch resumed: ${SEALS - atStop.seals.length} of ${SEALS} seals`,
    );
  }, 900_000);
});
