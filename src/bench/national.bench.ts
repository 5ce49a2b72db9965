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
import { seedNational } from '../seed/national-seed';

/**
 * `npm run bench:national`: on the national data (5,597 governments x 5 editions, seeded once into
 * BENCH_DATA_DIR, default .tmp/bench-national), the median time of the national dashboard, one government's
 * history, re-scoring every stored assessment and a full XLSX export, each beside a plain SQL equivalent
 * measured in the same run. Prints figures; asserts nothing.
 */
const root = resolve(__dirname, '../..');
const dataDir = resolve(process.env.BENCH_DATA_DIR ?? join(root, '.tmp', 'bench-national'));
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
    const [{ n }] = (await db.query(`SELECT COUNT(*) AS n FROM assessments`)) as { n: number }[];
    if (n < 5597 * 5) {
      console.log(`Seeding the national data into ${dataDir} (once; later runs reuse it)...`);
      const s = await seedNational(app, { log: (line) => console.log(`  ${line}`) });
      console.log(`Seeded ${s.rows.assessments} assessments, ${s.rows.answers} answers in ${s.seconds.toFixed(1)} s.`);
    }
    const [counts] = (await db.query(
      `SELECT (SELECT COUNT(*) FROM governments) AS governments, (SELECT COUNT(*) FROM assessments) AS assessments, (SELECT COUNT(*) FROM answers) AS answers`,
    )) as { governments: number; assessments: number; answers: number }[];
    const year = ((await db.query(`SELECT MAX(year) AS y FROM editions`)) as { y: number }[])[0].y;
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
        await db.transaction((em) => em.query(`UPDATE facts_version SET version = version + 1`));
        const t = performance.now();
        await dashboard.national(year);
        return new Timed(performance.now() - t);
      }),
      'under 50 ms',
    );
    row(
      '  plain SQL: the same figures from the snapshots (json_extract / json_each)',
      await measure(runs('dashboard-runs', 20) > 0 ? 3 : 0, () => plainDashboard(db, year)),
      '',
    );

    // 2. One government's history, for a spread of governments.
    const progress = app.get(ProgressService);
    const codes = (
      (await db.query(`SELECT DISTINCT government_code AS c FROM assessments ORDER BY government_code`)) as {
        c: string;
      }[]
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
        const found = (await db.query(
          `SELECT edition_year, score_snapshot FROM assessments WHERE government_code = ? AND score_snapshot IS NOT NULL ORDER BY edition_year`,
          [pick(i)],
        )) as { score_snapshot: string }[];
        return found.map((f) => JSON.parse(f.score_snapshot));
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
    const [{ middle }] = (await db.query(
      `SELECT id AS middle FROM assessments WHERE score_snapshot IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?`,
      [Math.floor(counts.assessments / 2)],
    )) as { middle: string }[];
    let split = 0;
    row(
      're-score all, split over two processes (boot included)',
      await measure(runs('rescore-runs', 2), async () => {
        const halves = await Promise.all([inChild('rescore', '', middle), inChild('rescore', middle, '\uffff')]);
        split = halves[0].rows + halves[1].rows;
      }),
      'under 10 s',
    );
    if (split !== differing) throw new Error(`the two halves found ${split} differences, the single pass ${differing}`);
    row(
      '  plain SQL: Sim/Parcial/Não averaged per assessment and group in one GROUP BY',
      await measure(runs('rescore-runs', 2), () =>
        db
          .query(
            `SELECT assessment_id, group_slug, AVG(CASE json_extract(COALESCE(reviewer_rating, value), '$') WHEN 'yes' THEN 100.0 WHEN 'partial' THEN 50.0 WHEN 'no' THEN 0.0 END) AS score
       FROM answers GROUP BY assessment_id, group_slug`,
          )
          .then((r: unknown[]) => r.length),
      ),
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
      `\nNational data: ${counts.governments} governments, ${counts.assessments} assessments, ${counts.answers} answers; Node ${process.version}, ${cpus().length} cores`,
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

/** What the dashboard shows, computed the plain way: straight from the stored snapshots, no facts tables. */
async function plainDashboard(db: DataSource, year: number): Promise<unknown> {
  const states = await db.query(
    `SELECT g.uf, COUNT(*) AS enrolled, SUM(a.state = 'certified') AS certified, AVG(json_extract(a.score_snapshot, '$.index.index')) AS mean
     FROM assessments a JOIN governments g ON g.ibge_code = a.government_code WHERE a.edition_year = ? GROUP BY g.uf`,
    [year],
  );
  const groups = await db.query(
    `SELECT json_extract(j.value, '$.group') AS grp, MIN(CAST(json_extract(j.value, '$.score') / 10 AS INTEGER), 9) AS band, COUNT(*) AS n
     FROM assessments a, json_each(a.score_snapshot, '$.index.groups') j WHERE a.edition_year = ? AND a.score_snapshot IS NOT NULL GROUP BY grp, band`,
    [year],
  );
  const priorities = await db.query(
    `SELECT p.group_slug, COUNT(*) AS n FROM priorities p JOIN assessments a ON a.id = p.assessment_id WHERE a.edition_year = ? GROUP BY p.group_slug`,
    [year],
  );
  return { states, groups, priorities };
}

/** Every assessment's answers through the engine's own snapshot function, a page of assessments at a time. */
async function rescoreAll(db: DataSource, review: ReviewService, from = '', to = '\uffff'): Promise<number> {
  let differing = 0;
  for (let after = from; ;) {
    const assessments = (await db.query(
      `SELECT id, versions, round, json_extract(score_snapshot, '$.index.index') AS stored FROM assessments
       WHERE score_snapshot IS NOT NULL AND id > ? AND id <= ? ORDER BY id LIMIT 500`,
      [after, to],
    )) as { id: string; versions: string; round: number; stored: number | null }[];
    if (assessments.length === 0) return differing;
    after = assessments[assessments.length - 1].id;
    // An assessment's answers as one JSON text: far fewer rows for the driver to build than one per answer.
    const answers = (await db.query(
      `SELECT assessment_id AS a, json_group_array(json_array(group_slug, item_key, json(value), json(reviewer_rating), review_status)) AS j
       FROM answers WHERE assessment_id >= ? AND assessment_id <= ? GROUP BY assessment_id`,
      [assessments[0].id, after],
    )) as { a: string; j: string }[];
    const byAssessment = new Map(
      answers.map((x) => [
        x.a,
        (JSON.parse(x.j) as [string, string, unknown, unknown, string][]).map(
          ([groupSlug, itemKey, value, reviewerRating, reviewStatus]) =>
            ({ groupSlug, itemKey, value, reviewerRating, reviewStatus }) as AnswerEntity,
        ),
      ]),
    );
    for (const a of assessments) {
      const snapshot = review.snapshot(
        { versions: JSON.parse(a.versions), round: a.round } as AssessmentEntity,
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
      (await db.query(`SELECT id FROM assessments WHERE id > ? ORDER BY id LIMIT 500`, [after])) as { id: string }[]
    ).map((r) => r.id);
    if (ids.length === 0) return total;
    const rows = (await db.query(`SELECT * FROM answers WHERE assessment_id >= ? AND assessment_id <= ?`, [
      ids[0],
      ids[ids.length - 1],
    ])) as unknown[];
    total += rows.length;
    after = ids[ids.length - 1];
  }
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv[childAt + 1]).finally(() => clearInterval(sampler)) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
