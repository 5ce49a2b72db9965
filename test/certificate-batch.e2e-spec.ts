import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN, auth, createEdition, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import { compileServer, freePort, ROOT, ServerProcess, serverEnv, waitFor } from './support/server-process';
import { scratchDir } from './support/test-app';

const GOVERNMENTS = 16;

describe('batch issuance survives a crash: every seal exactly once', () => {
  let dir: string;
  let cleanup: () => void;
  let dist: string;
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess;
  const client = () => server.client();
  const startServer = () => server.start();

  beforeAll(async () => {
    // The server runs as its own process so that it can really be killed: compile it once.
    dist = compileServer('dist-batch-test');
    ({ dir, cleanup } = scratchDir());
    env = serverEnv(join(dir, 'data'), await freePort(), { RENDER_PAGES: '1', CERTIFICATE_BATCH_SIZE: '2' });
    server = new ServerProcess(dist, env);
    await startServer();
  }, 180_000);
  afterAll(() => {
    server?.kill();
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
    const browsers = server.children();
    await server.stop('SIGKILL');
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

    const cli = execFileSync(process.execPath, [join(dist, 'cli.js'), 'batch-progress', batchId], {
      cwd: ROOT,
      env,
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
        for (const pid of server.children()) process.kill(pid, 'SIGKILL');
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
