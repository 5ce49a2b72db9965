import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root';
import { HttpConnection } from './http-client';
import { arg, percentile } from './page-timing';

/**
 * The load bench's runner (load.bench.ts): the built engine in a process of its own, closed-loop keep-alive
 * connections with a warm-up before the measured seconds, and the CPU the server and the load generator used.
 */

const root = projectRoot();

/** Linux's clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;

export interface Phase {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU milliseconds the server and this process spent in the phase (the server's undefined without /proc). */
  readonly serverCpuMs: number | undefined;
  readonly loadCpuMs: number;
  /**
   * The warm-up before the measured seconds: the requests answered within it (for its rate: the requests started
   * in it and answered later, which are counted in neither part, would make a slow page's warm-up look fast), and
   * the p99 of every request started in it.
   */
  readonly warmup: { readonly requests: number; readonly p99: number };
}

/** Each connection's next request (`connection` is its index); true when the answer was the expected one. */
export type Step = (http: HttpConnection, connection: number) => Promise<boolean>;

/** Seconds of load before each phase's measured ones (`--warmup`). */
export function warmupSeconds(): number {
  return arg('warmup', 2);
}

/** The CPU time a process has used so far (user and system, all its threads) in ms; undefined without /proc. */
function cpuMsOf(pid: number): number | undefined {
  try {
    // The fields after the command's closing parenthesis: the state, then utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * `connections` keep-alive connections to the server `server` (its pid), each sending its next request when the
 * last is answered: the warm-up's seconds, then the measured ones, without a pause between them. A request counts
 * in the part it started in; an error counts wherever it happens.
 */
export async function load(
  port: string,
  server: number,
  connections: number,
  seconds: number,
  step: Step,
): Promise<Phase> {
  const sockets = Array.from({ length: connections }, () => new HttpConnection(Number(port)));
  const latencies: number[] = [];
  const early: number[] = [];
  let answeredInWarmup = 0;
  let errors = 0;
  const started = performance.now();
  const from = started + warmupSeconds() * 1000;
  const end = from + seconds * 1000;
  let serverBefore: number | undefined;
  let loadBefore = 0;
  const mark = setTimeout(() => {
    serverBefore = cpuMsOf(server);
    loadBefore = ownCpuMs();
  }, from - started);
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await step(sockets[c], c).catch(() => false);
        if (!ok) errors++;
        else {
          const now = performance.now();
          (t < from ? early : latencies).push(now - t);
          if (now < from) answeredInWarmup++;
        }
      }
    }),
  );
  clearTimeout(mark);
  const elapsed = (performance.now() - from) / 1000;
  const serverAfter = cpuMsOf(server);
  const loadCpuMs = ownCpuMs() - loadBefore;
  for (const socket of sockets) socket.close();
  const serverCpuMs = serverBefore === undefined || serverAfter === undefined ? undefined : serverAfter - serverBefore;
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    p50: percentile(latencies, 50) ?? 0,
    p99: percentile(latencies, 99) ?? 0,
    serverCpuMs,
    loadCpuMs,
    warmup: { requests: answeredInWarmup, p99: percentile(early, 99) ?? 0 },
  };
}

/** The built engine (main.js beside this bench's folder) in a process of its own for `work` (given its pid), then stopped with SIGTERM. */
export async function withServer(
  env: NodeJS.ProcessEnv,
  extra: Record<string, string>,
  work: (server: number) => Promise<void>,
) {
  // --profile: the server writes a CPU profile (.cpuprofile, for Chrome's DevTools) into .tmp/load-profiles.
  const profile = process.argv.includes('--profile')
    ? ['--cpu-prof', `--cpu-prof-dir=${join(root, '.tmp', 'load-profiles')}`]
    : [];
  // Started as package.json's start and scripts/start.sh start it.
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--no-allocation-site-pretenuring', join(__dirname, '..', 'main.js')],
    { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let gone: number | null | undefined;
  const exited = new Promise((r) => child.once('exit', (code) => r((gone = code))));
  try {
    await waitForHealth(env.PORT!, () => gone !== undefined);
    await work(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function waitForHealth(port: string, exited: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (exited()) throw new Error(`the engine exited before it answered its health check (on port ${port})`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the engine did not answer its health check within 60 s');
}
