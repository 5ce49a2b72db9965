import 'reflect-metadata';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import type { AnswerEntity } from '../core/assessment/answer.entity';
import type { AssessmentEntity } from '../core/assessment/assessment.entity';
import { DashboardService } from '../core/dashboard/dashboard.service';
import { ExportsService } from '../core/exports/exports.service';
import { ProgressService } from '../core/progress/progress.service';
import { ReviewService } from '../core/review/review.service';
import { asJson, asNumber, dialectOfRunner, jsonNumber, rawQuery, type SqlDialect } from '../database/portable-sql';
import { seedNational } from '../seed/national-seed';

/**
 * `npm run bench:national`: on the national data (5,597 governments x 5 editions, seeded once into
 * BENCH_DATA_DIR, default .tmp/bench-national), the median time of the national dashboard, one government's
 * history, re-scoring every stored assessment and a full XLSX export, each beside a plain SQL equivalent
 * measured in the same run. Prints figures; asserts nothing. With DATABASE_URL=postgres://… it runs on that
 * PostgreSQL database (seeded once too; its files in .tmp/bench-national-pg by default).
 */
const root = resolve(__dirname, '../..');
const databaseUrl = process.env.DATABASE_URL;
const onPostgres = databaseUrl?.startsWith('postgres') ?? false;
const dataDir = resolve(
  process.env.BENCH_DATA_DIR ?? join(root, '.tmp', onPostgres ? 'bench-national-pg' : 'bench-national'),
);
const runs = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

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
      [__filename, '--child', phase, ...args],
      { env: process.env, maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error) return reject(error);
        resolveResult(JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
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

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  process.env.LOG_LEVEL = 'error';
  const app = await createApp(benchConfig());
  try {
    const db = app.get(DataSource);
    const [{ n }] = await rawQuery<{ n: number | string }>(db, `SELECT COUNT(*) AS n FROM assessments`);
    if (asNumber(n) < 5597 * 5) {
      console.log(`Seeding the national data into ${dataDir} (once; later runs reuse it)...`);
      const s = await seedNational(app, { log: (line) => console.log(`  ${line}`) });
      console.log(`Seeded ${s.rows.assessments} assessments, ${s.rows.answers} answers in ${s.seconds.toFixed(1)} s.`);
    }
    const [counted] = await rawQuery(
      db,
      `SELECT (SELECT COUNT(*) FROM governments) AS governments, (SELECT COUNT(*) FROM assessments) AS assessments, (SELECT COUNT(*) FROM answers) AS answers`,
    );
    const counts = {
      governments: asNumber(counted.governments),
      assessments: asNumber(counted.assessments),
      answers: asNumber(counted.answers),
    };
    const year = asNumber((await rawQuery<{ y: number }>(db, `SELECT MAX(year) AS y FROM editions`))[0].y);
    const rows: Record<string, Record<string, string>> = {};
    const row = (name: string, r: { ms: number; first: number; peak: number }, target: string) =>
      (rows[name] = {
        median: r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(2)} ms`,
        'first run': r.first >= 1000 ? `${(r.first / 1000).toFixed(2)} s` : `${r.first.toFixed(1)} ms`,
        'peak RSS': mb(r.peak),
        target,
      });

    // 1. The national dashboard of the latest edition.
    const dashboard = app.get(DashboardService);
    row(
      `national dashboard (${year})`,
      await measure(runs('dashboard-runs', 20), () => dashboard.national(year)),
      'under 50 ms',
    );
    row(
      `national dashboard (${year}), recomputed: the data changed before each run`,
      await measure(runs('dashboard-runs', 20), async () => {
        await db.transaction((em) => rawQuery(em, `UPDATE facts_version SET version = version + 1`));
        const t = performance.now();
        await dashboard.national(year);
        return new Timed(performance.now() - t);
      }),
      'under 50 ms',
    );
    row(
      `  plain SQL: the same figures from the snapshots (${onPostgres ? '#>> / json_array_elements' : 'json_extract / json_each'})`,
      await measure(runs('dashboard-runs', 20) > 0 ? 3 : 0, () => plainDashboard(db, year)),
      '',
    );

    // 2. One government's history, for a spread of governments.
    const progress = app.get(ProgressService);
    const codes = (
      await rawQuery<{ c: string }>(
        db,
        `SELECT DISTINCT government_code AS c FROM assessments ORDER BY government_code`,
      )
    ).map((r) => r.c);
    const pick = (i: number) => codes[(i * 7919) % codes.length];
    row(
      'one government\u2019s history (5 editions, version crossing)',
      await measure(runs('history-runs', 100), (i) => progress.history(pick(i))),
      'under 10 ms',
    );
    row(
      '  plain SQL: its five snapshots, read and parsed',
      await measure(runs('history-runs', 100), async (i) => {
        const found = await rawQuery<{ score_snapshot: unknown }>(
          db,
          `SELECT edition_year, score_snapshot FROM assessments WHERE government_code = ? AND score_snapshot IS NOT NULL ORDER BY edition_year`,
          [pick(i)],
        );
        return found.map((f) => asJson(f.score_snapshot));
      }),
      '',
    );

    // 3. Re-scoring every stored assessment with the engine's scoring rules.
    const review = app.get(ReviewService);
    let differing = 0;
    row(
      `re-score all ${counts.assessments} assessments`,
      await measure(runs('rescore-runs', 2), async () => {
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
      await measure(runs('rescore-runs', 2), async () => {
        const halves = await Promise.all([inChild('rescore', '', middle), inChild('rescore', middle, '')]);
        split = halves[0].rows + halves[1].rows;
      }),
      'under 10 s',
    );
    if (split !== differing) throw new Error(`the two halves found ${split} differences, the single pass ${differing}`);
    row(
      '  plain SQL: Sim/Parcial/Não averaged per assessment and group in one GROUP BY',
      await measure(runs('rescore-runs', 2), () => plainRescore(db).then((r) => r.length)),
      '',
    );

    // 4. A full XLSX export of every edition, each in a process of its own, so that its peak memory is its own.
    const exported = await inChild('export');
    rows['full XLSX export, all editions (streamed to a file, own process)'] = childRow(
      exported,
      'under 60 s, under 300 MB',
    );
    rows['  plain SQL: every answer of every assessment read in pages (own process)'] = childRow(
      await inChild('read'),
      '',
    );
    console.log(
      `\nNational data: ${counts.governments} governments, ${counts.assessments} assessments, ${counts.answers} answers; ${describeDb(db)}; Node ${process.version}, ${cpus().length} cores`,
    );
    console.table(rows);
    console.log(
      `Re-scoring: ${differing} of ${counts.assessments} assessments score differently from their stored snapshot.`,
    );
    console.log(
      `Export: ${exported.rows} rows x ${exported.columns} columns, ${exported.megabytes.toFixed(1)} MB; the booted app alone: ${exported.bootedMb} MB RSS.`,
    );
  } finally {
    await app.close();
    clearInterval(sampler);
  }
}

/** Which database the figures are of: SQLite's file, or PostgreSQL's server and database (no password). */
function describeDb(db: DataSource): string {
  if (!onPostgres) return `SQLite (${String(db.options.database)})`;
  const url = new URL(databaseUrl!);
  return `PostgreSQL (${url.host}${url.pathname})`;
}

/** The plain SQL baselines, in each database's own JSON functions. */
const PLAIN: Record<SqlDialect, { certified: string; groups: string; rating: string; packed: string }> = {
  sqlite: {
    certified: `SUM(a.state = 'certified')`,
    groups: `SELECT json_extract(j.value, '$.group') AS grp, MIN(CAST(json_extract(j.value, '$.score') / 10 AS INTEGER), 9) AS band, COUNT(*) AS n
     FROM assessments a, json_each(a.score_snapshot, '$.index.groups') j`,
    rating: `json_extract(COALESCE(reviewer_rating, value), '$')`,
    packed: `json_group_array(json_array(group_slug, item_key, json(value), json(reviewer_rating), review_status))`,
  },
  postgres: {
    certified: `COUNT(*) FILTER (WHERE a.state = 'certified')`,
    groups: `SELECT j.value ->> 'group' AS grp,
       CASE WHEN j.value ->> 'score' IS NOT NULL THEN LEAST(FLOOR(CAST(j.value ->> 'score' AS DOUBLE PRECISION) / 10), 9) END AS band, COUNT(*) AS n
     FROM assessments a, json_array_elements(a.score_snapshot #> '{index,groups}') j`,
    rating: `COALESCE(reviewer_rating, value) #>> '{}'`,
    packed: `json_agg(json_build_array(group_slug, item_key, value, reviewer_rating, review_status))`,
  },
};

/** What the dashboard shows, computed the plain way: straight from the stored snapshots, no facts tables. */
async function plainDashboard(db: DataSource, year: number): Promise<unknown> {
  const d = dialectOfRunner(db);
  const states = await rawQuery(
    db,
    `SELECT g.uf, COUNT(*) AS enrolled, ${PLAIN[d].certified} AS certified, AVG(${jsonNumber(d, 'a.score_snapshot', 'index.index')}) AS mean
     FROM assessments a JOIN governments g ON g.ibge_code = a.government_code WHERE a.edition_year = ? GROUP BY g.uf`,
    [year],
  );
  const groups = await rawQuery(
    db,
    `${PLAIN[d].groups} WHERE a.edition_year = ? AND a.score_snapshot IS NOT NULL GROUP BY grp, band`,
    [year],
  );
  const priorities = await rawQuery(
    db,
    `SELECT p.group_slug, COUNT(*) AS n FROM priorities p JOIN assessments a ON a.id = p.assessment_id WHERE a.edition_year = ? GROUP BY p.group_slug`,
    [year],
  );
  return { states, groups, priorities };
}

/** Sim/Parcial/Não averaged per assessment and group in one GROUP BY. */
function plainRescore(db: DataSource): Promise<unknown[]> {
  return rawQuery(
    db,
    `SELECT assessment_id, group_slug, AVG(CASE ${PLAIN[dialectOfRunner(db)].rating} WHEN 'yes' THEN 100.0 WHEN 'partial' THEN 50.0 WHEN 'no' THEN 0.0 END) AS score
       FROM answers GROUP BY assessment_id, group_slug`,
  );
}

/**
 * Every assessment's answers through the engine's own snapshot function, a page of assessments at a time: ids
 * after `from` up to `to` ('' for no bound).
 */
async function rescoreAll(db: DataSource, review: ReviewService, from = '', to = ''): Promise<number> {
  const d = dialectOfRunner(db);
  let differing = 0;
  for (let after = from; ;) {
    const bounds = [...(after ? [after] : []), ...(to ? [to] : [])];
    const assessments = await rawQuery<{ id: string; versions: unknown; round: number; stored: number | null }>(
      db,
      `SELECT id, versions, round, ${jsonNumber(d, 'score_snapshot', 'index.index')} AS stored FROM assessments
       WHERE score_snapshot IS NOT NULL ${after ? 'AND id > ?' : ''} ${to ? 'AND id <= ?' : ''} ORDER BY id LIMIT 500`,
      bounds,
    );
    if (assessments.length === 0) return differing;
    after = assessments[assessments.length - 1].id;
    // An assessment's answers as one JSON text: far fewer rows for the driver to build than one per answer.
    const answers = await rawQuery<{ a: string; j: unknown }>(
      db,
      `SELECT assessment_id AS a, ${PLAIN[d].packed} AS j
       FROM answers WHERE assessment_id >= ? AND assessment_id <= ? GROUP BY assessment_id`,
      [assessments[0].id, after],
    );
    const byAssessment = new Map(
      answers.map((x) => [
        x.a,
        asJson<[string, string, unknown, unknown, string][]>(x.j).map(
          ([groupSlug, itemKey, value, reviewerRating, reviewStatus]) =>
            ({ groupSlug, itemKey, value, reviewerRating, reviewStatus }) as AnswerEntity,
        ),
      ]),
    );
    for (const a of assessments) {
      const snapshot = review.snapshot(
        { versions: asJson(a.versions), round: a.round } as AssessmentEntity,
        byAssessment.get(a.id) ?? [],
      );
      if (snapshot.index.index !== a.stored) differing += 1;
    }
  }
}

/** The export's reading side alone: every answer row, in pages of assessments, discarded. */
async function readAllAnswers(db: DataSource): Promise<number> {
  let total = 0;
  let after = '';
  for (;;) {
    const ids = (
      await rawQuery<{ id: string }>(
        db,
        `SELECT id FROM assessments ${after ? 'WHERE id > ?' : ''} ORDER BY id LIMIT 500`,
        after ? [after] : [],
      )
    ).map((r) => r.id);
    if (ids.length === 0) return total;
    const rows = await rawQuery(db, `SELECT * FROM answers WHERE assessment_id >= ? AND assessment_id <= ?`, [
      ids[0],
      ids[ids.length - 1],
    ]);
    total += rows.length;
    after = ids[ids.length - 1];
  }
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv[childAt + 1]).finally(() => clearInterval(sampler)) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
