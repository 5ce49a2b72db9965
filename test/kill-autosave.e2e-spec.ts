import { join } from 'node:path';
import { SqliteFile } from '../src/core/backup/sqlite-file';
import { AutosaveLoad, checkSaves, prepareWriters } from './support/autosave-load';
import { ADMIN, login } from './support/lifecycle';
import {
  compileServer,
  databaseIn,
  freePort,
  ServerProcess,
  serverDatabaseUrl,
  serverEnv,
  waitFor,
} from './support/server-process';
import { onPostgres, scratchDir } from './support/test-app';

const KILLS = 20;
const WRITERS = 4;

/**
 * A save is answered only after the COMMIT that holds it. On SQLite the database runs in WAL mode with
 * synchronous=FULL (set by src/database/serialize-transactions.ts) and autosaves are group-committed, so the
 * COMMIT is in the WAL, synced, by then; on PostgreSQL the COMMIT is the server's. This test proves what a kill
 * of the engine's process can do (nothing acknowledged is lost; on SQLite the file stays sound, checked with
 * sqlite3; the saves are read with the database's own client); it does not simulate a power cut.
 */
describe(`autosave survives kill -9 under load (${onPostgres() ? 'PostgreSQL' : 'SQLite file'})`, () => {
  let cleanup: () => void;
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    const dist = compileServer('dist-kill-test');
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    dataDir = join(scratch.dir, 'data');
    server = new ServerProcess(dist, serverEnv(dataDir, await freePort()));
    await server.start();
  }, 400_000);
  let load: AutosaveLoad | undefined;
  afterAll(async () => {
    await load?.stop();
    server?.kill();
    cleanup?.();
  });

  it(`keeps every acknowledged save over ${KILLS} kills, restarting on the same database`, async () => {
    const app = server.client();
    const writers = await prepareWriters(app, await login(app, ADMIN.email, ADMIN.password), WRITERS, 2025);
    const autosave = new AutosaveLoad(() => server.client(), writers);
    load = autosave;
    autosave.start();
    for (let kill = 1; kill <= KILLS; kill++) {
      // Kills land at different points of the saves: after a varying number of new acknowledgements.
      const before = autosave.acked.length;
      const wanted = 5 + ((kill * 7) % 30);
      await waitFor(async () => (autosave.acked.length >= before + wanted ? true : undefined), 60_000, 5);
      const exit = await server.stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      if (kill < KILLS) await server.start();
    }
    await autosave.stop();

    const check = await checkSaves(serverDatabaseUrl(dataDir), autosave.acked);
    // PostgreSQL keeps its own files sound; the engine's process never writes them.
    const integrity = onPostgres()
      ? 'not checked (PostgreSQL)'
      : await SqliteFile.with(databaseIn(dataDir), 'write', (db) => db.integrity());
    // The figures the issue asks for, in the test's output.
    // eslint-disable-next-line no-console
    console.log(
      `kill test: ${KILLS} kills, ${check.acknowledged} saves acknowledged, ${check.verified} verified, ${check.lost.length} lost, integrity ${integrity}`,
    );
    expect(check.lost).toEqual([]);
    expect(autosave.regressions).toEqual([]);
    expect(integrity).toBe(onPostgres() ? 'not checked (PostgreSQL)' : 'ok');
    expect(check.acknowledged).toBeGreaterThan(KILLS * 5);
  }, 600_000);
});
