import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { projectRoot } from '../config/project-root';
import { AssessmentEntity } from '../core/assessment/assessment.entity';
import { EnrolmentService } from '../core/assessment/enrolment.service';
import type { Actor } from '../core/auth/actor';
import { AuthService } from '../core/auth/auth.service';
import { UserEntity } from '../core/auth/user.entity';
import { Clock } from '../core/clock/clock';
import { minimalPdf } from '../core/demo/minimal-pdf';
import { GovernmentEntity } from '../core/governments/government.entity';
import { QuestionnaireCatalogue } from '../core/questionnaire/questionnaire-catalogue.service';
import { onEachDatabase } from './bench-database';
import type { HttpConnection } from './http-client';
import { createEditionAroundToday } from './bench-edition';
import { freePort } from './free-port';
import { load, type Phase, type Step, warmupSeconds, withServer } from './load-runner';
import { arg } from './page-timing';

/**
 * `npm run bench:load`: throughput under concurrent keep-alive connections (50 and 200, `--seconds` each,
 * default 10) against the built engine in its own process, on SQLite (a fresh file), then on PostgreSQL (a
 * schema of its own, dropped at the end) at BENCH_POSTGRES_URL or the local test database, skipped with a
 * note when it cannot be reached. `--only sqlite|postgres` runs one; `--phase TEXT` only the matching rows. Prints requests per second, p50, p99 and errors for a bare route, autosave with
 * group commit, autosave with one transaction per save (GROUP_COMMIT=off, a second server on the same data,
 * same run) and the main read pages. Each connection is one official autosaving a note item of their own
 * assessment (authentication, version check and audit entry included). Beside each phase: the server's CPU
 * time (all its threads, from /proc) per answered request, and the cores the server and this load generator
 * used, since both share the machine. Each phase opens its connections and runs `--warmup` seconds (default
 * 2) before its measured seconds: the wave of new connections and V8's first compilations would otherwise make
 * the p99 of a short run (the table prints the warm-up's own rate and p99 beside it; its errors count). A server
 * on deadline day has been running for hours. `--connections 200` runs one level (to profile it). Asserts nothing.
 */

const root = projectRoot();
const LEVELS = process.argv.includes('--connections') ? [arg('connections', 200)] : [50, 200];
const WRITERS = Math.max(200, ...LEVELS);
interface Writer {
  readonly token: string;
  readonly assessmentId: string;
  readonly items: { group: string; itemKey: string }[];
}

interface Seeded {
  readonly writers: Writer[];
  readonly reviewerToken: string;
  readonly year: number;
}

async function main(): Promise<void> {
  const seconds = arg('seconds', 10);
  await onEachDatabase((url) => onDatabase(seconds, url));
}

/** Every phase on one database: SQLite (a fresh file) when `postgresUrl` is undefined. */
async function onDatabase(seconds: number, postgresUrl: string | undefined): Promise<void> {
  const dir = join(root, '.tmp', `bench-load-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const env = serverEnv(dir, postgresUrl, process.argv.includes('--port') ? arg('port', 0) : await freePort());
  try {
    console.log(`Database: ${describe(env.DATABASE_URL!)}. Seeding ${WRITERS} officials and assessments...`);
    const seeded = await seed(env);
    const versions = new Map<string, number>();
    const rows: [string, number, Phase][] = [];
    // --phase TEXT: the phases whose name holds TEXT (to profile one of them).
    const phase = process.argv.includes('--phase') ? process.argv[process.argv.indexOf('--phase') + 1] : '';
    const run = async (server: number, name: string, step: Step) => {
      if (!name.includes(phase)) return;
      for (const c of LEVELS) {
        const figures = await load(env.PORT!, server, c, seconds, step);
        rows.push([name, c, figures]);
        console.log(`  ${name}, ${c} connections: ${Math.round(figures.requests / figures.seconds)}/s`);
      }
    };
    await withServer(env, {}, async (server) => {
      await run(server, 'bare route: GET /api/health', (http) => expect200(http, '/api/health'));
      await run(server, 'autosave, group commit', autosave(seeded, versions));
      await run(server, 'diagnosis page: GET /avaliacoes/:id', (http, c) =>
        expect200(http, `/avaliacoes/${seeded.writers[c].assessmentId}`, seeded.writers[c].token),
      );
      await run(server, 'review queue: GET /revisao', (http) => expect200(http, '/revisao', seeded.reviewerToken));
      await run(server, 'dashboard: GET /painel', (http) => expect200(http, `/painel?edition=${seeded.year}`));
    });
    await withServer(env, { GROUP_COMMIT: 'off' }, (server) =>
      run(server, 'autosave, one transaction per save (GROUP_COMMIT=off)', autosave(seeded, versions)),
    );
    printTable(describe(env.DATABASE_URL!), seconds, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function serverEnv(dir: string, postgresUrl: string | undefined, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: postgresUrl ?? `sqlite:${join(dir, 'data', 'migracidades.sqlite')}`,
    ASSESSMENTS_DIR: join(root, 'assessments'),
    TEMPLATES_DIR: join(root, 'templates'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'error',
    DEMO_DATA: '0',
  };
}

const describe = (url: string) =>
  url.startsWith('postgres') ? `PostgreSQL (${url.replace(/\/\/[^@]*@/, '//…@')})` : 'SQLite (WAL, synchronous=FULL)';

/**
 * In the engine's own process, once: a new edition, one government enrolled through the service and its
 * assessment copied to the others, an official per government (one password hash, copied) and a reviewer;
 * each gets a token for a session of its own.
 */
async function seed(env: NodeJS.ProcessEnv): Promise<Seeded> {
  const app = await createApp(loadConfig(env, root));
  try {
    const db = app.get(DataSource);
    const auth = app.get(AuthService);
    const clock = app.get(Clock);
    const year = await freeYear(db, clock.year());
    await createEditionAroundToday(app, null, year);
    const codes = (
      (await db
        .getRepository(GovernmentEntity)
        .createQueryBuilder('g')
        .select('g.ibgeCode', 'code')
        .orderBy('g.ibgeCode')
        .limit(WRITERS)
        .getRawMany()) as { code: string }[]
    ).map((r) => r.code);
    const tag = `${year}-${randomUUID().slice(0, 8)}`;
    const admin = asActor(await auth.createUser(null, user(`admin-${tag}`, 'admin')));
    const reviewer = asActor(await auth.createUser(null, user(`reviewer-${tag}`, 'reviewer')));
    const first = asActor(
      await auth.createUser(null, { ...user(`official0-${tag}`, 'official'), governmentCode: codes[0] }),
    );
    const template = await app.get(EnrolmentService).enrol(
      admin,
      year,
      {
        governmentCode: codes[0],
        focalPerson: { name: 'Focal', email: `focal-${tag}@bench.local`, department: 'SMDH' },
        substitutes: [],
        migrantService: { name: 'CRAI', phone: '(51) 3289-0000', email: 'crai@bench.local', address: 'Rua A, 1' },
      },
      { field: 'letterOfIntent', fileName: 'carta.pdf', declaredMime: 'application/pdf', bytes: minimalPdf('Carta') },
    );
    const ids = [template.id, ...codes.slice(1).map(() => randomUUID())];
    const officials = [first.id, ...codes.slice(1).map(() => randomUUID())];
    await db.transaction(async (em) => {
      const row = await em.findOneByOrFail(AssessmentEntity, { id: template.id });
      const official = await em.findOneByOrFail(UserEntity, { id: first.id });
      for (const [i, code] of codes.entries()) {
        if (i === 0) continue;
        await em.insert(AssessmentEntity, { ...row, id: ids[i], governmentCode: code });
        await em.insert(UserEntity, {
          ...official,
          id: officials[i],
          email: `official${i}-${tag}@bench.local`,
          governmentCode: code,
        });
      }
    });
    const catalogue = app.get(QuestionnaireCatalogue);
    const items = Object.entries(template.versions).flatMap(([group, version]) =>
      catalogue
        .version(group, version)
        .items.filter((i) => i.key === `${group}-notes`)
        .map((i) => ({ group, itemKey: i.key })),
    );
    const token = async (id: string, role: Actor['role']) =>
      (await auth.sessionToken({ id, role, sessionId: randomUUID() })).token;
    return {
      writers: await Promise.all(
        ids.map(async (assessmentId, i) => ({ assessmentId, items, token: await token(officials[i], 'official') })),
      ),
      reviewerToken: await token(reviewer.id, 'reviewer'),
      year,
    };
  } finally {
    await app.close();
  }
}

const user = (name: string, role: Actor['role']) => ({
  email: `${name}@bench.local`,
  name,
  password: `bench-${randomUUID()}`,
  role,
});

const asActor = (u: { id: string; email: string; name: string; role: Actor['role']; governmentCode: string | null }) =>
  ({ id: u.id, email: u.email, name: u.name, role: u.role, governmentCode: u.governmentCode }) as Actor;

/** This year, or the first later one without an edition (a PostgreSQL database may hold earlier runs). */
async function freeYear(db: DataSource, from: number): Promise<number> {
  const taken = new Set(
    (
      (await db.createQueryBuilder().select('e.year', 'year').from('editions', 'e').getRawMany()) as { year: number }[]
    ).map((r) => Number(r.year)),
  );
  let year = from;
  while (taken.has(year)) year++;
  return year;
}

/** Each connection is one official saving its note items in turn, naming the version it changes. */
function autosave(seeded: Seeded, versions: Map<string, number>): Step {
  const seq = new Map<number, number>();
  return async (http, c) => {
    const w = seeded.writers[c];
    const n = (seq.get(c) ?? 0) + 1;
    seq.set(c, n);
    const item = w.items[n % w.items.length];
    const key = `${w.assessmentId}/${item.group}/${item.itemKey}`;
    const body = JSON.stringify({
      answers: [{ ...item, value: `connection ${c}, save ${n}`, expectedVersion: versions.get(key) ?? 0 }],
    });
    const res = await http.request({
      method: 'PUT',
      path: `/api/assessments/${w.assessmentId}/answers`,
      headers: { authorization: `Bearer ${w.token}`, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 200) return false;
    const answer = JSON.parse(res.body.toString()) as { saved: { version: number }[] };
    versions.set(key, answer.saved[0].version);
    return true;
  };
}

async function expect200(http: HttpConnection, path: string, token?: string): Promise<boolean> {
  const res = await http.request({ method: 'GET', path, headers: token ? { cookie: `mc_session=${token}` } : {} });
  return res.status === 200;
}

function printTable(database: string, seconds: number, rows: [string, number, Phase][]): void {
  const [load1] = loadavg();
  console.log(
    `\nLoad on ${database}, ${seconds} s per phase after ${warmupSeconds()} s of warm-up, keep-alive connections on 127.0.0.1 ` +
      `(${cpus().length} cores, load average ${load1.toFixed(1)} at the end: other work shares the machine when it is above 0):`,
  );
  console.table(
    rows.map(([name, c, p]) => ({
      route: name,
      connections: c,
      'answered/s': Math.round(p.requests / p.seconds),
      p50: `${p.p50.toFixed(1)} ms`,
      p99: `${p.p99.toFixed(1)} ms`,
      errors: p.errors,
      'server CPU/request':
        p.serverCpuMs === undefined ? '-' : `${Math.round((p.serverCpuMs * 1000) / Math.max(1, p.requests))} µs`,
      'warm-up (not counted)': `${Math.round(p.warmup.requests / Math.max(1, warmupSeconds()))}/s, p99 ${p.warmup.p99.toFixed(0)} ms`,
      'cores: server + load': `${p.serverCpuMs === undefined ? '-' : (p.serverCpuMs / 1000 / p.seconds).toFixed(2)} + ${(p.loadCpuMs / 1000 / p.seconds).toFixed(2)}`,
    })),
  );
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
