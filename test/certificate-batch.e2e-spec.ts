import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ADMIN, auth, createEdition, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import { httpClient, REPO_ASSESSMENTS, REPO_TEMPLATES, scratchDir } from './support/test-app';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, '.tmp', 'dist-batch-test');
const GOVERNMENTS = 16;

function freePort(): Promise<number> {
  return new Promise((res) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

async function waitFor<T>(what: () => Promise<T | undefined>, timeoutMs: number, pollMs = 50): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await what().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

describe('batch issuance survives a crash: every seal exactly once', () => {
  let dir: string;
  let cleanup: () => void;
  let port: number;
  let child: ChildProcess | undefined;
  const env = () => ({
    ...process.env,
    DATA_DIR: join(dir, 'data'),
    ASSESSMENTS_DIR: REPO_ASSESSMENTS,
    TEMPLATES_DIR: REPO_TEMPLATES,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RENDER_PAGES: '1',
    CERTIFICATE_BATCH_SIZE: '2',
    LOG_LEVEL: 'error',
    DEMO_DATA: '0',
  });
  const client = () => httpClient(`http://127.0.0.1:${port}`);

  async function startServer(): Promise<void> {
    child = spawn(process.execPath, [join(DIST, 'main.js')], {
      cwd: ROOT,
      env: env(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(
      async () => ((await client().request('GET', '/api/health')).status === 200 ? true : undefined),
      60_000,
      100,
    );
  }

  beforeAll(async () => {
    // The server runs as its own process so that it can really be killed: compile it once.
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', DIST],
      { cwd: ROOT },
    );
    ({ dir, cleanup } = scratchDir());
    port = await freePort();
    await startServer();
  }, 180_000);
  afterAll(() => {
    child?.kill('SIGKILL');
    cleanup?.();
  });

  it('is killed midway with kill -9, resumes at the next start, and issues each seal once', async () => {
    const app = client();
    const admin = await login(app, ADMIN.email, ADMIN.password);
    const reviewer = await createUser(app, admin, 'rev@oim.test', 'reviewer');
    const certifier = await createUser(app, admin, 'cert@ufrgs.test', 'certifier');
    await createEdition(app, admin, 2025);
    const rs = (await app.request('GET', `/api/governments?uf=RS&kind=municipality&limit=${GOVERNMENTS}`)).body
      .items as { ibgeCode: string }[];
    for (const [i, g] of rs.entries()) {
      const official = await createUser(app, admin, `focal${i}@rs.test`, 'official', g.ibgeCode);
      const assessment = await enrol(app, official, 2025, g.ibgeCode);
      await driveToPriorities(app, { official, reviewer }, assessment.id);
    }

    const started = await app.request('POST', '/api/editions/2025/certificate-batches', undefined, auth(certifier));
    expect(started.status).toBe(201);
    expect(started.body.total).toBe(GOVERNMENTS);
    const batchId = started.body.id;
    const atKill = await waitFor(
      async () => {
        const p = (await app.request('GET', `/api/certificate-batches/${batchId}`, undefined, auth(certifier))).body;
        return p.done >= 3 ? p : undefined;
      },
      60_000,
      20,
    );
    const browsers = execFileSync('pgrep', ['-P', String(child!.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect(atKill.done).toBeLessThan(GOVERNMENTS);
    // The killed server's Chromium goes with it (it talks over a pipe that closed), not left behind.
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await waitFor(async () => (browsers.some(alive) ? undefined : true), 10_000, 100);

    await startServer();
    const finished = await waitFor(
      async () => {
        const p = (
          await app.request(
            'GET',
            `/api/certificate-batches/${batchId}`,
            undefined,
            auth(await login(app, 'cert@ufrgs.test')),
          )
        ).body;
        return p.status === 'done' ? p : undefined;
      },
      120_000,
      200,
    );
    expect(finished).toMatchObject({ total: GOVERNMENTS, done: GOVERNMENTS, failed: 0, pending: 0 });

    const seals = (await app.request('GET', '/api/editions/2025/certificates')).body as {
      number: string;
      ibgeCode: string;
      status: string;
    }[];
    expect(seals).toHaveLength(GOVERNMENTS);
    expect(new Set(seals.map((s) => s.number)).size).toBe(GOVERNMENTS);
    expect(new Set(seals.map((s) => s.ibgeCode))).toEqual(new Set(rs.map((g) => g.ibgeCode)));
    expect(seals.every((s) => s.status === 'valid')).toBe(true);

    const cli = execFileSync(process.execPath, [join(DIST, 'cli.js'), 'batch-progress', batchId], {
      cwd: ROOT,
      env: env(),
      encoding: 'utf8',
    });
    expect(cli).toContain(`${GOVERNMENTS}/${GOVERNMENTS} emitidos, 0 com falha`);
  }, 300_000);

  it('retries a seal whose PDF failed when Chromium died under it, without stopping the batch', async () => {
    const app = client();
    const admin = await login(app, ADMIN.email, ADMIN.password);
    const reviewer = await login(app, 'rev@oim.test');
    const certifier = await login(app, 'cert@ufrgs.test');
    const more = (await app.request('GET', `/api/governments?uf=RS&kind=municipality&limit=8&offset=${GOVERNMENTS}`))
      .body.items as { ibgeCode: string }[];
    for (const [i, g] of more.entries()) {
      const official = await createUser(app, admin, `focal-more${i}@rs.test`, 'official', g.ibgeCode);
      await driveToPriorities(app, { official, reviewer }, (await enrol(app, official, 2025, g.ibgeCode)).id);
    }
    const started = await app.request('POST', '/api/editions/2025/certificate-batches', undefined, auth(certifier));
    expect(started.body.total).toBe(more.length);

    // Kill the server's Chromium (its child process) until a seal fails because of it; then let the batch go on.
    const progress = () =>
      app.request('GET', `/api/certificate-batches/${started.body.id}`, undefined, auth(certifier)).then((r) => r.body);
    const hit = await waitFor(
      async () => {
        const p = await progress();
        if (p.failures.length > 0 || p.retried > 0) return p;
        const browsers = execFileSync('pgrep', ['-P', String(child!.pid)], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .filter(Boolean);
        for (const pid of browsers) process.kill(Number(pid), 'SIGKILL');
        return undefined;
      },
      60_000,
      30,
    ).catch(() => progress());
    expect(hit.done).toBeLessThan(more.length);

    const finished = await waitFor(
      async () => ((await progress()).status === 'done' ? progress() : undefined),
      120_000,
      200,
    );
    expect(finished).toMatchObject({ total: more.length, done: more.length, failed: 0, pending: 0, failures: [] });
    expect(finished.retried).toBeGreaterThan(0);
    const seals = (await app.request('GET', '/api/editions/2025/certificates')).body as {
      ibgeCode: string;
      status: string;
    }[];
    expect(seals.filter((s) => more.some((g) => g.ibgeCode === s.ibgeCode) && s.status === 'valid')).toHaveLength(
      more.length,
    );
  }, 300_000);
});
