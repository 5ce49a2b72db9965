import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from '../../src/bench/free-port';
import { ADMIN } from './lifecycle';

export { freePort };
import { type HttpClient, httpClient, onPostgres, REPO_ASSESSMENTS, REPO_TEMPLATES, testDatabaseUrl } from './test-app';

export const ROOT = resolve(__dirname, '../..');

/**
 * Compiles the engine into `.tmp/<name>` so that a test can run it as its own process (to kill it, or send it
 * a signal). Type errors are the type-check's business, not this build's: it only emits.
 */
export function compileServer(name: string): string {
  const dist = join(ROOT, '.tmp', name);
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist, '--noCheck'],
    { cwd: ROOT },
  );
  return dist;
}

/** Polls `what` until it gives a value (errors count as not yet). */
export async function waitFor<T>(what: () => Promise<T | undefined>, timeoutMs: number, pollMs = 50): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await what().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Where a test server keeps its database. */
export const databaseIn = (dataDir: string) => join(dataDir, 'migracidades.sqlite');

/** A test server's database: its SQLite file in DATA_DIR, or under TEST_DATABASE_URL a PostgreSQL schema of its own. */
export const serverDatabaseUrl = (dataDir: string) =>
  onPostgres() ? testDatabaseUrl(dataDir) : `sqlite:${databaseIn(dataDir)}`;

/**
 * The environment of a test server on 127.0.0.1: its own DATA_DIR and database, the repository's questionnaires,
 * an admin. `extra` wins (e.g. a DATABASE_URL that several processes share).
 */
export function serverEnv(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: serverDatabaseUrl(dataDir),
    ASSESSMENTS_DIR: REPO_ASSESSMENTS,
    TEMPLATES_DIR: REPO_TEMPLATES,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'error',
    DEMO_DATA: '0',
    ...extra,
  };
}

export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** The compiled engine running as a child process. */
export class ServerProcess {
  private child?: ChildProcess;
  private exited?: Promise<ServerExit>;
  private log = '';

  constructor(
    private readonly dist: string,
    private readonly env: NodeJS.ProcessEnv,
    /** Keep what the server prints (to read its shutdown log) instead of passing stderr through. */
    private readonly capture = false,
  ) {}

  get pid(): number {
    return this.child!.pid!;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  client(): HttpClient {
    return httpClient(this.baseUrl);
  }

  /** What the server printed since its last start (when captured). */
  output(): string {
    return this.log;
  }

  /** Starts the server and waits until it answers its health check. */
  async start(timeoutMs = 60_000): Promise<void> {
    this.log = '';
    const child = spawn(process.execPath, [join(this.dist, 'main.js')], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', this.capture ? 'pipe' : 'ignore', this.capture ? 'pipe' : 'inherit'],
    });
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (d: Buffer) => (this.log += d.toString()));
    this.child = child;
    this.exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
    const client = this.client();
    await waitFor(
      async () => ((await client.request('GET', '/api/health')).status === 200 ? true : undefined),
      timeoutMs,
      100,
    );
  }

  /** Sends a signal and waits for the process to end. */
  async stop(signal: NodeJS.Signals): Promise<ServerExit> {
    this.child!.kill(signal);
    return this.exit();
  }

  exit(): Promise<ServerExit> {
    return this.exited!;
  }

  /** Chromium and any other process the server started. */
  children(): number[] {
    return childProcessesOf(this.pid);
  }

  /** For afterAll: a server still running is killed. */
  kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** The processes `pid` started (Chromium among them); none when pgrep finds none. */
export function childProcessesOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
