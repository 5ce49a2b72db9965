import 'reflect-metadata';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { execFile, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { DashboardService } from '../core/dashboard/dashboard.service';
import { ExportsService } from '../core/exports/exports.service';
import { ProgressService } from '../core/progress/progress.service';
import { ReviewService } from '../core/review/review.service';
import { asJson, asNumber, rawQuery } from '../database/portable-sql';
import { seedNational } from '../seed/national-seed';
import { onlyDatabase, unreachable } from './bench-database';
import { plainDashboard, plainRescore, readAllAnswers, rescoreAll } from './national-queries';

/**
 * `npm run bench:national`: on the national data (5,597 governments x 5 editions, seeded once), the median time of
 * the national dashboard, one government's history, re-scoring every stored assessment and a full XLSX export,
 * each beside a plain SQL equivalent measured in the same run. Prints figures; asserts nothing.
 * One run measures SQLite (BENCH_DATA_DIR, default .tmp/bench-national), then PostgreSQL (BENCH_POSTGRES_URL, else
 * a postgres DATABASE_URL, else the local migracidades_bench database) when it answers, each in a process of its own.
 * `--only sqlite|postgres` measures one; `--phases dashboard,history,rescore,export` only those phases.
 */
const root = resolve(__dirname, '../..');
const POSTGRES_DEFAULT = 'postgres://migracidades:migracidades@127.0.0.1:5432/migracidades_bench';
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
/** Set by the run that measures one database (see `bothDatabases`). */
const databaseUrl = process.env.DATABASE_URL;
const onPostgres = databaseUrl?.startsWith('postgres') ?? false;
const dataDir = resolve(
  process.env.BENCH_DATA_DIR ?? join(root, '.tmp', onPostgres ? 'bench-national-pg' : 'bench-national'),
);
const PHASES = ['dashboard', 'history', 'rescore', 'export'] as const;
const phases = new Set((argValue('phases') ?? PHASES.join(',')).split(','));
const runs = (name: string, fallback: number) => Number(argValue(name) ?? fallback);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median milliseconds of `n` runs (after one warm-up run), and the peak RSS while they ran. */
/** What a run returns to time only part of itself (e.g. not the write that prepares it). */
class Timed {
  constructor(readonly ms: number) {}
}

async function measure(
  n: number,
  work: (i: number) => Promise<unknown>,
): Promise<{ ms: number; first: number; peak: number }> {
  if (global.gc) global.gc();
  peakRss = process.memoryUsage().rss;
  const run = async (i: number) => {
    const t = performance.now();
    const result = await work(i);
    return result instanceof Timed ? result.ms : performance.now() - t;
  };
  const first = await run(0);
  const times: number[] = [];
  for (let i = 1; i <= n; i++) times.push(await run(i));
  return { ms: n > 0 ? medianOf(times) : first, first, peak: peakRss };
}

interface ChildResult {
  seconds: number;
  peakMb: number;
  bootedMb: number;
  rows: number;
  columns: number;
  megabytes: number;
}

/** Runs one phase in a fresh Node process on the same data, and reads back its figures. */
function inChild(phase: 'export' | 'read' | 'rescore', ...args: string[]): Promise<ChildResult> {
  return new Promise((resolveResult, reject) => {
    execFile(
      process.execPath,
      // As the engine is started (package.json's start, scripts/start.sh).
      ['--no-allocation-site-pretenuring', __filename, '--child', phase, ...args],
      { env: process.env, maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error) return reject(error);
        // Its figures are its one JSON line: a background job may still log a line while the app closes.
        const line = stdout.split('\n').find((l) => l.startsWith('{"seconds"'));
        if (!line) return reject(new Error(`the ${phase} process printed no figures: ${stdout.slice(-500)}`));
        resolveResult(JSON.parse(line) as ChildResult);
      },
    );
  });
}

const childRow = (r: ChildResult, target: string) => ({
  median: `${r.seconds.toFixed(2)} s`,
  'first run': `${r.seconds.toFixed(2)} s`,
  'peak RSS': `${r.peakMb} MB`,
  target,
});

async function child(phase: string): Promise<void> {
  const app = await createApp(benchConfig());
  try {
    const bootedMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const file = join(dataDir, 'export-all.xlsx');
    const t0 = performance.now();
    const range = process.argv.slice(process.argv.indexOf('--child') + 2);
    const summary =
      phase === 'export'
        ? await app.get(ExportsService).exportTo(createWriteStream(file), {}, 'xlsx')
        : phase === 'rescore'
          ? { rows: await rescoreAll(app.get(DataSource), app.get(ReviewService), range[0], range[1]), columns: 0 }
          : { rows: await readAllAnswers(app.get(DataSource)), columns: 0 };
    const seconds = (performance.now() - t0) / 1000;
    const megabytes = phase === 'export' ? statSync(file).size / 1024 / 1024 : 0;
    rmSync(file, { force: true });
    console.log(
      JSON.stringify({
        seconds,
        peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
        bootedMb,
        ...summary,
        megabytes,
      }),
    );
  } finally {
    await app.close();
  }
}

function benchConfig() {
  return loadConfig(
    {
      DATA_DIR: dataDir,
      ASSESSMENTS_DIR: join(root, 'assessments'),
      TEMPLATES_DIR: join(root, 'templates'),
      LOG_LEVEL: 'error',
      PORT: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    root,
  );
}

type Row = (name: string, r: { ms: number; first: number; peak: number }, target: string) => void;
interface Bench {
  readonly app: Awaited<ReturnType<typeof createApp>>;
  readonly db: DataSource;
  readonly row: Row;
  readonly rows: Record<string, Record<string, string>>;
  readonly counts: { governments: number; assessments: number; answers: number };
  readonly year: number;
  readonly notes: string[];
}

/** Measures one database: the one of DATABASE_URL (SQLite when unset). */
async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  process.env.LOG_LEVEL = 'error';
  const app = await createApp(benchConfig());
  try {
    const db = app.get(DataSource);
    await seedOnce(app, db);
    if (onPostgres) await analysedOnce(db);
    const [counted] = await rawQuery(
      db,
      `SELECT (SELECT COUNT(*) FROM governments) AS governments, (SELECT COUNT(*) FROM assessments) AS assessments, (SELECT COUNT(*) FROM answers) AS answers`,
    );
    const rows: Record<string, Record<string, string>> = {};
    const bench: Bench = {
      app,
      db,
      rows,
      notes: [],
      counts: {
        governments: asNumber(counted.governments),
        assessments: asNumber(counted.assessments),
        answers: asNumber(counted.answers),
      },
      year: asNumber((await rawQuery<{ y: number }>(db, `SELECT MAX(year) AS y FROM editions`))[0].y),
      row: (name, r, target) =>
        (rows[name] = {
          median: r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(2)} ms`,
          'first run': r.first >= 1000 ? `${(r.first / 1000).toFixed(2)} s` : `${r.first.toFixed(1)} ms`,
          'peak RSS': mb(r.peak),
          target,
        }),
    };
    if (phases.has('dashboard')) await dashboardPhase(bench);
    if (phases.has('history')) await historyPhase(bench);
    if (phases.has('rescore')) await rescorePhase(bench);
    if (phases.has('export')) await exportPhase(bench);
    const { governments, assessments, answers } = bench.counts;
    console.log(
      `\nNational data: ${governments} governments, ${assessments} assessments, ${answers} answers; ${describeDb(db)}; Node ${process.version}, ${cpus().length} cores; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.table(rows);
    for (const note of bench.notes) console.log(note);
  } finally {
    await app.close();
    clearInterval(sampler);
  }
}

async function seedOnce(app: Bench['app'], db: DataSource): Promise<void> {
  const [{ n }] = await rawQuery<{ n: number | string }>(db, `SELECT COUNT(*) AS n FROM assessments`);
  if (asNumber(n) >= 5597 * 5) return;
  console.log(`Seeding the national data into ${describeDb(db)} (once; later runs reuse it)...`);
  const s = await seedNational(app, { log: (line) => console.log(`  ${line}`) });
  console.log(`Seeded ${s.rows.assessments} assessments, ${s.rows.answers} answers in ${s.seconds.toFixed(1)} s.`);
}

/**
 * PostgreSQL without statistics (after a bulk load, or a crash recovery, which resets them) plans blind and reads
 * no index alone: analysed and vacuumed first, as autovacuum would in time.
 */
async function analysedOnce(db: DataSource): Promise<void> {
  const [{ never }] = await rawQuery<{ never: unknown }>(
    db,
    `SELECT COUNT(*) AS never FROM pg_stat_user_tables WHERE relname IN ('answers', 'group_facts') AND last_analyze IS NULL AND last_autoanalyze IS NULL`,
  );
  if (asNumber(never) === 0) return;
  const t = performance.now();
  await db.query('VACUUM (ANALYZE)');
  console.log(`PostgreSQL had no statistics: VACUUM (ANALYZE) in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
}

/** 1. The national dashboard of the latest edition, as cached and recomputed after a change. */
async function dashboardPhase({ app, db, row, year }: Bench): Promise<void> {
  const dashboard = app.get(DashboardService);
  const n = runs('dashboard-runs', 20);
  row(`national dashboard (${year})`, await measure(n, () => dashboard.national(year)), 'under 50 ms');
  row(
    `national dashboard (${year}), recomputed: the data changed before each run`,
    await measure(n, async () => {
      await db.transaction((em) => rawQuery(em, `UPDATE facts_version SET version = version + 1`));
      const t = performance.now();
      await dashboard.national(year);
      return new Timed(performance.now() - t);
    }),
    'under 50 ms',
  );
  row(
    `  plain SQL: the same figures from the snapshots (${onPostgres ? '#>> / json_array_elements' : 'json_extract / json_each'})`,
    await measure(n > 0 ? 3 : 0, () => plainDashboard(db, year)),
    '',
  );
}

/** 2. One government's history, for a spread of governments. */
async function historyPhase({ app, db, row }: Bench): Promise<void> {
  const progress = app.get(ProgressService);
  const codes = (
    await rawQuery<{ c: string }>(db, `SELECT DISTINCT government_code AS c FROM assessments ORDER BY government_code`)
  ).map((r) => r.c);
  const pick = (i: number) => codes[(i * 7919) % codes.length];
  const n = runs('history-runs', 100);
  row(
    'one government\u2019s history (5 editions, version crossing)',
    await measure(n, (i) => progress.history(pick(i))),
    'under 10 ms',
  );
  row(
    '  plain SQL: its five snapshots, read and parsed',
    await measure(n, async (i) => {
      const found = await rawQuery<{ score_snapshot: unknown }>(
        db,
        `SELECT edition_year, score_snapshot FROM assessments WHERE government_code = ? AND score_snapshot IS NOT NULL ORDER BY edition_year`,
        [pick(i)],
      );
      return found.map((f) => asJson(f.score_snapshot));
    }),
    '',
  );
}

/** 3. Re-scoring every stored assessment with the engine's scoring rules, in one process and split over two. */
async function rescorePhase({ app, db, row, counts, notes }: Bench): Promise<void> {
  const review = app.get(ReviewService);
  const n = runs('rescore-runs', 2);
  let differing = 0;
  row(
    `re-score all ${counts.assessments} assessments`,
    await measure(n, async () => {
      differing = await rescoreAll(db, review);
    }),
    'under 10 s',
  );
  // The same work split in two halves by id, one process per core (each boots the app first).
  const [{ middle }] = await rawQuery<{ middle: string }>(
    db,
    `SELECT id AS middle FROM assessments WHERE score_snapshot IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?`,
    [Math.floor(counts.assessments / 2)],
  );
  let split = 0;
  row(
    're-score all, split over two processes (boot included)',
    await measure(n, async () => {
      const halves = await Promise.all([inChild('rescore', '', middle), inChild('rescore', middle, '')]);
      split = halves[0].rows + halves[1].rows;
    }),
    'under 10 s',
  );
  if (split !== differing) throw new Error(`the two halves found ${split} differences, the single pass ${differing}`);
  row(
    '  plain SQL: Sim/Parcial/Não averaged per assessment and group in one GROUP BY',
    await measure(n, () => plainRescore(db).then((r) => r.length)),
    '',
  );
  notes.push(
    `Re-scoring: ${differing} of ${counts.assessments} assessments score differently from their stored snapshot${differing ? ' (EXPECTED 0: the stored data or the scoring changed)' : ''}.`,
  );
}

/** 4. A full XLSX export of every edition, each in a process of its own, so that its peak memory is its own. */
async function exportPhase({ rows, notes }: Bench): Promise<void> {
  const exported = await inChild('export');
  rows['full XLSX export, all editions (streamed to a file, own process)'] = childRow(
    exported,
    'under 60 s, under 300 MB',
  );
  rows['  plain SQL: every answer of every assessment read in pages (own process)'] = childRow(
    await inChild('read'),
    '',
  );
  notes.push(
    `Export: ${exported.rows} rows x ${exported.columns} columns, ${exported.megabytes.toFixed(1)} MB; the booted app alone: ${exported.bootedMb} MB RSS.`,
  );
}

/** Measures SQLite, then PostgreSQL when it answers (or the one of `--only`), each in a process of its own. */
async function bothDatabases(): Promise<void> {
  const only = onlyDatabase();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const postgresUrl =
    process.env.BENCH_POSTGRES_URL ??
    (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : POSTGRES_DEFAULT);
  if (only !== 'postgres') {
    console.log('== SQLite ==');
    await measureIn(env);
  }
  if (only === 'sqlite') return;
  const why = await unreachable(postgresUrl);
  if (why) {
    console.log(
      `\n== PostgreSQL SKIPPED: ${redacted(postgresUrl)} does not answer (${why}); set BENCH_POSTGRES_URL ==`,
    );
    if (only === 'postgres') process.exitCode = 1;
    return;
  }
  console.log(`\n== PostgreSQL (${redacted(postgresUrl)}) ==`);
  await measureIn({ ...env, DATABASE_URL: postgresUrl });
}

function measureIn(env: NodeJS.ProcessEnv): Promise<void> {
  const args = process.argv.slice(2).filter((_, i, all) => all[i] !== '--only' && all[i - 1] !== '--only');
  return new Promise((done, fail) =>
    spawn(process.execPath, [...process.execArgv, __filename, '--database', ...args], { env, stdio: 'inherit' }).on(
      'exit',
      (code) => (code === 0 ? done() : fail(new Error(`the measuring process ended with code ${code}`))),
    ),
  );
}

const redacted = (url: string) => {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
};

/** Which database the figures are of: SQLite's file, or PostgreSQL's server and database (no password). */
function describeDb(db: DataSource): string {
  if (!onPostgres) return `SQLite (${String(db.options.database)})`;
  const url = new URL(databaseUrl!);
  return `PostgreSQL (${url.host}${url.pathname})`;
}

const childAt = process.argv.indexOf('--child');
const started =
  childAt >= 0
    ? child(process.argv[childAt + 1]).finally(() => clearInterval(sampler))
    : process.argv.includes('--database')
      ? main()
      : bothDatabases().finally(() => clearInterval(sampler));
started.catch((e) => {
  console.error(e);
  process.exit(1);
});
