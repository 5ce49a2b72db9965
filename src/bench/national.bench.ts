import 'reflect-metadata';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
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
async function measure(n: number, work: (i: number) => Promise<unknown>): Promise<{ ms: number; first: number; peak: number }> {
  if (global.gc) global.gc();
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  await work(0);
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 1; i <= n; i++) {
    const t = performance.now();
    await work(i);
    times.push(performance.now() - t);
  }
  return { ms: n > 0 ? medianOf(times) : first, first, peak: peakRss };
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, ASSESSMENTS_DIR: join(root, 'assessments'), TEMPLATES_DIR: join(root, 'templates'), LOG_LEVEL: 'error', PORT: '0' }, root);
  process.env.LOG_LEVEL = 'error';
  const app = await createApp(config);
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
      (rows[name] = { median: r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(2)} ms`, 'first run': r.first >= 1000 ? `${(r.first / 1000).toFixed(2)} s` : `${r.first.toFixed(1)} ms`, 'peak RSS': mb(r.peak), target });

    // 1. The national dashboard of the latest edition.
    const dashboard = app.get(DashboardService);
    row(`national dashboard (${year})`, await measure(runs('dashboard-runs', 20), () => dashboard.national(year)), 'under 50 ms');
    row('  plain SQL: the same figures from the snapshots (json_extract / json_each)', await measure(runs('dashboard-runs', 20) > 0 ? 3 : 0, () => plainDashboard(db, year)), '');

    // 2. One government's history, for a spread of governments.
    const progress = app.get(ProgressService);
    const codes = ((await db.query(`SELECT DISTINCT government_code AS c FROM assessments ORDER BY government_code`)) as { c: string }[]).map((r) => r.c);
    const pick = (i: number) => codes[(i * 7919) % codes.length];
    row('one government\u2019s history (5 editions, version crossing)', await measure(runs('history-runs', 100), (i) => progress.history(pick(i))), 'under 10 ms');
    row('  plain SQL: its five snapshots, read and parsed', await measure(runs('history-runs', 100), async (i) => {
      const found = (await db.query(`SELECT edition_year, score_snapshot FROM assessments WHERE government_code = ? AND score_snapshot IS NOT NULL ORDER BY edition_year`, [pick(i)])) as { score_snapshot: string }[];
      return found.map((f) => JSON.parse(f.score_snapshot));
    }), '');

    // 3. Re-scoring every stored assessment with the engine's scoring rules.
    const review = app.get(ReviewService);
    let differing = 0;
    row(`re-score all ${counts.assessments} assessments`, await measure(runs('rescore-runs', 2), async () => {
      differing = await rescoreAll(db, review);
    }), 'under 10 s');
    row('  plain SQL: Sim/Parcial/Não averaged per assessment and group in one GROUP BY', await measure(runs('rescore-runs', 2), () => db.query(
      `SELECT assessment_id, group_slug, AVG(CASE json_extract(COALESCE(reviewer_rating, value), '$') WHEN 'yes' THEN 100.0 WHEN 'partial' THEN 50.0 WHEN 'no' THEN 0.0 END) AS score
       FROM answers GROUP BY assessment_id, group_slug`,
    ).then((r: unknown[]) => r.length)), '');

    // 4. A full XLSX export of every edition.
    const exportsService = app.get(ExportsService);
    const file = join(dataDir, 'export-all.xlsx');
    let exported = { rows: 0, columns: 0 };
    row('full XLSX export, all editions (streamed to a file)', await measure(0, async () => {
      exported = await exportsService.exportTo(createWriteStream(file), {}, 'xlsx');
    }), 'under 60 s, under 300 MB');
    row('  plain SQL: every answer of every assessment read in pages', await measure(0, () => readAllAnswers(db)), '');

    console.log(`\nNational data: ${counts.governments} governments, ${counts.assessments} assessments, ${counts.answers} answers; Node ${process.version}, ${cpus().length} cores`);
    console.table(rows);
    console.log(`Re-scoring: ${differing} of ${counts.assessments} assessments score differently from their stored snapshot.`);
    console.log(`Export: ${exported.rows} rows x ${exported.columns} columns, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB written to ${file}.`);
    rmSync(file, { force: true });
  } finally {
    await app.close();
    clearInterval(sampler);
  }
}

/** What the dashboard shows, computed the plain way: straight from the stored snapshots, no facts tables. */
async function plainDashboard(db: DataSource, year: number): Promise<unknown> {
  const states = await db.query(
    `SELECT g.uf, COUNT(*) AS enrolled, SUM(a.state = 'certified') AS certified, AVG(json_extract(a.score_snapshot, '$.index.index')) AS mean
     FROM assessments a JOIN governments g ON g.ibge_code = a.government_code WHERE a.edition_year = ? GROUP BY g.uf`, [year]);
  const groups = await db.query(
    `SELECT json_extract(j.value, '$.group') AS grp, MIN(CAST(json_extract(j.value, '$.score') / 10 AS INTEGER), 9) AS band, COUNT(*) AS n
     FROM assessments a, json_each(a.score_snapshot, '$.index.groups') j WHERE a.edition_year = ? AND a.score_snapshot IS NOT NULL GROUP BY grp, band`, [year]);
  const priorities = await db.query(
    `SELECT p.group_slug, COUNT(*) AS n FROM priorities p JOIN assessments a ON a.id = p.assessment_id WHERE a.edition_year = ? GROUP BY p.group_slug`, [year]);
  return { states, groups, priorities };
}

/** Every assessment's answers through the engine's own snapshot function, a page of assessments at a time. */
async function rescoreAll(db: DataSource, review: ReviewService): Promise<number> {
  let differing = 0;
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const assessments = (await db.query(
      `SELECT id, versions, round, json_extract(score_snapshot, '$.index.index') AS stored FROM assessments WHERE score_snapshot IS NOT NULL ORDER BY id LIMIT ? OFFSET ?`, [page, offset],
    )) as { id: string; versions: string; round: number; stored: number | null }[];
    if (assessments.length === 0) return differing;
    const answers = (await db.query(
      `SELECT assessment_id AS a, group_slug AS g, item_key AS k, value AS v, reviewer_rating AS r, review_status AS s FROM answers
       WHERE assessment_id >= ? AND assessment_id <= ? ORDER BY assessment_id`, [assessments[0].id, assessments[assessments.length - 1].id],
    )) as { a: string; g: string; k: string; v: string | null; r: string | null; s: string }[];
    const byAssessment = new Map<string, AnswerEntity[]>();
    for (const x of answers) {
      const list = byAssessment.get(x.a) ?? byAssessment.set(x.a, []).get(x.a)!;
      list.push({ groupSlug: x.g, itemKey: x.k, value: x.v === null ? null : JSON.parse(x.v), reviewerRating: x.r === null ? null : JSON.parse(x.r), reviewStatus: x.s } as AnswerEntity);
    }
    for (const a of assessments) {
      const snapshot = review.snapshot({ versions: JSON.parse(a.versions), round: a.round } as AssessmentEntity, byAssessment.get(a.id) ?? []);
      if (snapshot.index.index !== a.stored) differing += 1;
    }
  }
}

/** The export's reading side alone: every answer row, in pages of assessments, discarded. */
async function readAllAnswers(db: DataSource): Promise<number> {
  let total = 0;
  let after = '';
  for (;;) {
    const ids = ((await db.query(`SELECT id FROM assessments WHERE id > ? ORDER BY id LIMIT 500`, [after])) as { id: string }[]).map((r) => r.id);
    if (ids.length === 0) return total;
    const rows = (await db.query(`SELECT * FROM answers WHERE assessment_id >= ? AND assessment_id <= ?`, [ids[0], ids[ids.length - 1]])) as unknown[];
    total += rows.length;
    after = ids[ids.length - 1];
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
