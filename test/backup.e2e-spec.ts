import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listFiles } from '../src/core/backup/backup-files';
import { SqliteFile } from '../src/core/backup/sqlite-file';
import { AutosaveLoad, checkSaves, prepareWriters, type Writer } from './support/autosave-load';
import { ADMIN, auth, login, samplePdf } from './support/lifecycle';
import { compileServer, databaseIn, freePort, ROOT, ServerProcess, serverEnv } from './support/server-process';
import { onPostgres, scratchDir } from './support/test-app';

const WRITERS = 4;

/** The engine's CLI with a server's environment: its exit code and what it printed. */
async function cli(dist: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(dist, 'cli.js'), ...args], { cwd: ROOT, env });
    return { code: 0, out: stdout };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
  }
}

/** Evidence uploads (each a different PDF, so a new stored file) until `until` resolves. */
async function uploadEvidence(server: ServerProcess, writers: readonly Writer[], until: Promise<unknown>) {
  let done = false;
  void until.then(() => (done = true));
  for (let i = 0; !done || i < writers.length * 2; i++) {
    const w = writers[i % writers.length];
    const form = new FormData();
    form.append('file', new Blob([samplePdf(`Evidencia ${i}`)], { type: 'application/pdf' }), `evidencia-${i}.pdf`);
    const r = await server.client().upload(`/api/assessments/${w.assessmentId}/evidence`, form, auth(w.token));
    if (r.status !== 201) throw new Error(`upload ${i}: ${r.status} ${r.text}`);
  }
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

// npm run backup/restore copy the SQLite file; on PostgreSQL they refuse and name pg_dump (checked below).
(onPostgres() ? describe.skip : describe)('backup under load, restored into a fresh DATA_DIR (SQLite file)', () => {
  let cleanup: () => void;
  let dir: string;
  let dist: string;
  let server: ServerProcess;
  let restored: ServerProcess | undefined;
  let load: AutosaveLoad | undefined;

  beforeAll(async () => {
    dist = compileServer('dist-backup-test');
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    dir = scratch.dir;
    server = new ServerProcess(dist, serverEnv(join(dir, 'data'), await freePort()));
    await server.start();
  }, 300_000);
  afterAll(async () => {
    await load?.stop();
    server?.kill();
    restored?.kill();
    cleanup?.();
  });

  it('copies a running, saving engine consistently and restores every save and file it had', async () => {
    const app = server.client();
    const writers = await prepareWriters(app, await login(app, ADMIN.email, ADMIN.password), WRITERS, 2025);
    const autosave = new AutosaveLoad(() => server.client(), writers);
    load = autosave;
    autosave.start();
    await uploadEvidence(server, writers, Promise.resolve());
    while (autosave.acked.length < 150) await new Promise((r) => setTimeout(r, 50));

    const backupDir = join(dir, 'backup');
    const backupStarted = Date.now();
    const backingUp = cli(dist, serverEnv(join(dir, 'data'), 0), 'backup', backupDir);
    await uploadEvidence(server, writers, backingUp);
    const made = await backingUp;
    expect(made).toMatchObject({ code: 0, out: expect.stringContaining(`Backup in ${backupDir}`) });
    const whileRunning = await cli(dist, serverEnv(join(dir, 'data'), 0), 'restore', backupDir, '--force');
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.out).toContain('stop it before restoring');
    await autosave.stop();
    expect((await server.stop('SIGTERM')).code).toBe(0);

    const fresh = serverEnv(join(dir, 'restored'), await freePort());
    const restoredOut = await cli(dist, fresh, 'restore', backupDir);
    expect(restoredOut).toMatchObject({ code: 0, out: expect.stringContaining('all matching the manifest') });
    expect((await cli(dist, fresh, 'restore', backupDir)).out).toContain('add --force');
    // Only its owner may read what was restored: files 0600 in folders 0700.
    const restoredDir = join(dir, 'restored');
    const restoredPaths = await listFiles(restoredDir, () => false);
    expect(restoredPaths.filter((p) => modeOf(join(restoredDir, p)) !== 0o600)).toEqual([]);
    const folders = new Set([restoredDir, ...restoredPaths.map((p) => join(restoredDir, p, '..'))]);
    expect([...folders].filter((d) => modeOf(d) !== 0o700)).toEqual([]);
    const altered = join(dir, 'altered');
    cpSync(backupDir, altered, { recursive: true });
    appendFileSync(join(altered, 'data', 'secrets', 'jwt-secret'), 'x');
    expect((await cli(dist, serverEnv(join(dir, 'other'), 0), 'restore', altered)).out).toContain(
      'Altered since the backup was made',
    );

    // The restored engine boots, knows its users' tokens (the secrets came back) and serves the answers.
    restored = new ServerProcess(dist, fresh);
    await restored.start();
    const view = await restored
      .client()
      .request('GET', `/api/assessments/${writers[0].assessmentId}`, undefined, auth(writers[0].token));
    expect(view.status).toBe(200);
    expect((await restored.stop('SIGTERM')).code).toBe(0);

    const database = databaseIn(restoredDir);
    const beforeBackup = autosave.acked.filter((s) => s.at < backupStarted);
    const check = await checkSaves(database, beforeBackup);
    const facts = await SqliteFile.with(database, 'read', async (db) => ({
      integrity: await db.integrity(),
      files: (await db.all<{ sha256: string }>('SELECT sha256 FROM stored_files')).map((f) => f.sha256),
    }));
    const missing = facts.files.filter((sha) => {
      try {
        return (
          createHash('sha256')
            .update(readFileSync(join(restoredDir, 'files', sha.slice(0, 2), sha)))
            .digest('hex') !== sha
        );
      } catch {
        return true;
      }
    });
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    const rows = Object.values(manifest.database.rows as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(facts.integrity).toBe('ok');
    expect(check.lost).toEqual([]);
    expect(facts.files.length).toBeGreaterThanOrEqual(WRITERS * 2);
    expect(missing).toEqual([]);

    // The figures the issue asks for, in the test's output.
    // eslint-disable-next-line no-console
    console.log(
      `backup: ${rows} rows, ${manifest.files.length} files, restore checked: ${check.verified} saves verified, ${check.lost.length + missing.length} missing`,
    );
  }, 900_000);
});

(onPostgres() ? describe : describe.skip)('backup on PostgreSQL', () => {
  it("refuses and names PostgreSQL's own tools", async () => {
    const dist = compileServer('dist-backup-test');
    const { dir, cleanup } = scratchDir();
    try {
      const made = await cli(dist, serverEnv(join(dir, 'data'), 0), 'backup', join(dir, 'backup'));
      expect(made.code).not.toBe(0);
      expect(made.out).toContain('pg_dump');
    } finally {
      cleanup();
    }
  }, 300_000);
});
