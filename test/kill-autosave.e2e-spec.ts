import { join } from 'node:path';
import { SqliteFile } from '../src/core/backup/sqlite-file';
import { AutosaveLoad, checkSaves, prepareWriters } from './support/autosave-load';
import { ADMIN, login } from './support/lifecycle';
import { compileServer, databaseIn, freePort, ServerProcess, serverEnv, waitFor } from './support/server-process';
import { onPostgres, scratchDir } from './support/test-app';

const KILLS = 20;
const WRITERS = 4;

/**
 * The database runs in WAL mode with synchronous=FULL (set by src/database/serialize-transactions.ts), and
 * autosaves are group-committed: a save is answered only after the COMMIT of the group that holds it, which
 * is in the WAL, synced, by then. This test proves what a process kill can do
 * (nothing acknowledged is lost, the file stays sound); it does not simulate a power cut.
 */
// It checks the SQLite file itself (its saves and integrity after each kill).
(onPostgres() ? describe.skip : describe)('autosave survives kill -9 under load (SQLite file)', () => {
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

    const check = await checkSaves(databaseIn(dataDir), autosave.acked);
    const integrity = await SqliteFile.with(databaseIn(dataDir), 'write', (db) => db.integrity());
    // The figures the issue asks for, in the test's output.
    // eslint-disable-next-line no-console
    console.log(
      `kill test: ${KILLS} kills, ${check.acknowledged} saves acknowledged, ${check.verified} verified, ${check.lost.length} lost, integrity ${integrity}`,
    );
    expect(check.lost).toEqual([]);
    expect(autosave.regressions).toEqual([]);
    expect(integrity).toBe('ok');
    expect(check.acknowledged).toBeGreaterThan(KILLS * 5);
  }, 600_000);
});
