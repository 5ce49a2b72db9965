import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Actor } from '../core/auth/actor';
import { AuthService } from '../core/auth/auth.service';
import { CertificateBatchService } from '../core/certification/certificate-batch.service';
import { asNumber, rawQuery } from '../database/portable-sql';
import { seedNational } from '../seed/national-seed';
import { arg, signIn, time } from './page-timing';

/**
 * `npm run bench:public-pages`: the public pages on the national data (seeded once into BENCH_DATA_DIR, default
 * .tmp/bench-national, shared with `npm run bench:national`), each beside a bare route and a light page of the
 * same layout in the same run: server time per page (sequential requests on 127.0.0.1, median and p95) for the
 * dashboard with its map, an edition's certified governments, a government's progress and the reviewer's queue
 * (signed in). Prints figures;
 * asserts nothing. With DATABASE_URL=postgres://… it runs on that database (files in .tmp/bench-national-pg).
 */

const root = resolve(__dirname, '../..');
const databaseUrl = process.env.DATABASE_URL;
const dataDir = resolve(
  process.env.BENCH_DATA_DIR ??
    join(root, '.tmp', databaseUrl?.startsWith('postgres') ? 'bench-national-pg' : 'bench-national'),
);

const CERTIFIER = {
  email: 'certificadora-benchmark@ufrgs.local',
  password: 'benchmark-certifier-password',
  name: 'UFRGS',
};
const REVIEWER = { email: 'revisora-benchmark@oim.local', password: 'benchmark-reviewer-password', name: 'Revisora' };

async function main(): Promise<void> {
  const n = arg('requests', 50);
  mkdirSync(dataDir, { recursive: true });
  process.env.LOG_LEVEL = 'error';
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      ASSESSMENTS_DIR: join(root, 'assessments'),
      TEMPLATES_DIR: join(root, 'templates'),
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    root,
  );
  const app = await createApp(config);
  try {
    const db = app.get(DataSource);
    const [{ count }] = await rawQuery(db, `SELECT COUNT(*) AS count FROM assessments`);
    if (asNumber(count) < 5597 * 5) {
      console.log(`Seeding the national data into ${dataDir} (once; later runs reuse it)...`);
      const s = await seedNational(app, { log: (line) => console.log(`  ${line}`) });
      console.log(`Seeded ${s.rows.assessments} assessments in ${s.seconds.toFixed(1)} s.`);
    }
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const auth = app.get(AuthService);
    const year = await latestEditionWithSeals(app, auth);
    const [{ seals }] = await rawQuery(db, `SELECT COUNT(*) AS seals FROM certificates WHERE edition_year = ?`, [year]);
    const governments = await governmentsToTime(db);

    const rows: Record<string, Record<string, string>> = {};
    const row = (name: string, r: { median: number; p95: number; bytes: number }) =>
      (rows[name] = {
        median: `${r.median.toFixed(2)} ms`,
        p95: `${r.p95.toFixed(2)} ms`,
        'response size': `${(r.bytes / 1024).toFixed(1)} KB`,
      });
    row('bare route: GET /api/health', await time(`${base}/api/health`, n, { warmUp: 5 }));
    row('light page, same layout: GET /acessibilidade', await time(`${base}/acessibilidade`, n, { warmUp: 5 }));
    row(
      `dashboard with the map: GET /painel (${year})`,
      await time(`${base}/painel?edition=${year}`, n, { warmUp: 5 }),
    );
    row(
      `dashboard, median index map: GET /painel?measure=median`,
      await time(`${base}/painel?edition=${year}&measure=median`, n, { warmUp: 5 }),
    );
    row(
      `certified governments: GET /certificados/${year} (${asNumber(seals)} seals)`,
      await time(`${base}/certificados/${year}`, n, { warmUp: 5 }),
    );
    for (const g of governments) {
      row(
        `a government's progress: GET /governos/${g.code} (${g.label}, ${g.editions} editions)`,
        await time(`${base}/governos/${g.code}`, n, { warmUp: 5 }),
      );
    }
    // The peers' medians are kept until scores change: the first visit after a change computes them again.
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      await rawQuery(db, `UPDATE facts_version SET version = version + 1 WHERE id = 1`);
      cold.push((await time(`${base}/governos/${governments[1].code}`, 1, { warmUp: 0 })).median);
    }
    cold.sort((x, y) => x - y);
    row(`the same, first visit after a change of scores (/governos/${governments[1].code})`, {
      median: cold[2],
      p95: cold[4],
      bytes: 0,
    });
    // The reviewer's queue, signed in (a reviewer is added to the national data once).
    if (!(await rawQuery(db, `SELECT 1 FROM users WHERE email = ?`, [REVIEWER.email])).length) {
      await auth.createUser(null, { ...REVIEWER, role: 'reviewer' });
    }
    const { cookie } = await signIn(base, REVIEWER.email, REVIEWER.password);
    const [{ waiting }] = await rawQuery(
      db,
      `SELECT COUNT(*) AS waiting FROM assessments WHERE state IN ('submitted', 'in-review', 'resubmitted')`,
    );
    row(
      `review queue: GET /revisao (${asNumber(waiting)} waiting, first page)`,
      await time(`${base}/revisao`, n, { cookie, warmUp: 5 }),
    );
    row('review queue of one state: GET /revisao?uf=SP', await time(`${base}/revisao?uf=SP`, n, { cookie, warmUp: 5 }));
    const [busiest] = await rawQuery<{ state: string; rows: number | string }>(
      db,
      `SELECT state, COUNT(*) AS "rows" FROM assessments GROUP BY state ORDER BY "rows" DESC LIMIT 1`,
    );
    row(
      `review queue of the busiest status: GET /revisao?situacao=${busiest.state} (${asNumber(busiest.rows)} rows)`,
      await time(`${base}/revisao?situacao=${busiest.state}`, n, { cookie, warmUp: 5 }),
    );
    row(
      `review queue, a later page: GET /revisao?pagina=5`,
      await time(`${base}/revisao?pagina=5`, n, { cookie, warmUp: 5 }),
    );
    console.log(
      `\nServer time per page (public, and the reviewer's queue), ${n} sequential requests each after 5 to warm up (127.0.0.1):`,
    );
    console.table(rows);
  } finally {
    await app.close();
  }
}

/**
 * The latest edition with seals. The national seed issues none: the first run issues the latest edition's
 * through the university's batch (once, some seconds per hundred), so that its list is measured full.
 */
async function latestEditionWithSeals(app: NestFastifyApplication, auth: AuthService): Promise<number> {
  const db = app.get(DataSource);
  const [{ year }] = await rawQuery<{ year: number }>(db, `SELECT MAX(year) AS year FROM editions`);
  const [{ seals }] = await rawQuery(db, `SELECT COUNT(*) AS seals FROM certificates WHERE edition_year = ?`, [year]);
  if (asNumber(seals) > 0) return year;
  if (!(await rawQuery(db, `SELECT 1 FROM users WHERE email = ?`, [CERTIFIER.email])).length) {
    await auth.createUser(null, { ...CERTIFIER, role: 'certifier' });
  }
  const [u] = await rawQuery<Actor>(db, `SELECT id, email, name FROM users WHERE email = ?`, [CERTIFIER.email]);
  const batches = app.get(CertificateBatchService);
  console.log(`Issuing the ${year} seals once (the national seed issues none)...`);
  const started = await batches.start({ ...u, role: 'certifier', governmentCode: null }, year);
  let progress = started;
  while (progress.status !== 'done') {
    await new Promise((r) => setTimeout(r, 500));
    progress = await batches.progress(started.id);
  }
  console.log(`Issued ${progress.done} seals (${progress.failed} failed).`);
  return year;
}

/** Governments whose pages differ: the longest history, a state's capital, a small town, São Paulo, Brasília. */
async function governmentsToTime(db: DataSource) {
  const [longest] = await rawQuery<{ code: string }>(
    db,
    `SELECT government_code AS code FROM assessments WHERE state IN ('approved', 'priorities-set', 'certified')
     GROUP BY government_code ORDER BY COUNT(*) DESC LIMIT 1`,
  );
  const named = [
    { code: longest.code, label: 'the longest history' },
    { code: '4314902', label: 'Porto Alegre' },
    { code: '4322202', label: 'Tupanciretã' },
    { code: '3550308', label: 'São Paulo' },
    { code: '5300108', label: 'Brasília' },
  ];
  return Promise.all(
    named.map(async (g) => {
      const [{ editions }] = await rawQuery(
        db,
        `SELECT COUNT(*) AS editions FROM assessments
         WHERE government_code = ? AND state IN ('approved', 'priorities-set', 'certified')`,
        [g.code],
      );
      return { ...g, editions: asNumber(editions) };
    }),
  );
}

void main().catch((e: Error) => {
  console.error(e);
  process.exitCode = 1;
});
