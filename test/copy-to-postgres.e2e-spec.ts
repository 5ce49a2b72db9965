import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { copyToPostgres, CopyError, type CopyReport } from '../src/core/backup/copy-to-postgres';
import { dataSourceOptions, openDataSource } from '../src/database/data-source-options';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/core/demo/demo-data.service';
import { auth, enrol, login } from './support/lifecycle';
import { bootApp, onPostgres, type RunningApp, scratchDir, testConfig } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const SAO_PAULO = '3550308';

/** What a reviewer sees of the demo: the same pages must read the same after the move. */
const READ_BACK = [
  '/api/editions',
  '/api/dashboard/national?edition=2024',
  `/api/assessments?government=${SAO_PAULO}&sort=edition`,
  `/api/assessments?government=${PORTO_ALEGRE}&sort=edition`,
  `/api/governments/${PORTO_ALEGRE}/history`,
];

async function readAll(app: RunningApp, token: string): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {};
  for (const path of READ_BACK) {
    const r = await app.request('GET', path, undefined, auth(token));
    expect([path, r.status]).toEqual([path, 200]);
    seen[path] = r.body;
  }
  return seen;
}

/** The move from SQLite to PostgreSQL: `npm run copy-to-postgres`, then the engine on PostgreSQL. */
(onPostgres() ? describe : describe.skip)('copy-to-postgres (runs with TEST_DATABASE_URL=postgres://…)', () => {
  let dir: string;
  let cleanup: () => void;
  let sqlitePath: string;
  let before: Record<string, unknown>;
  let assessmentOfSaoPaulo: Record<string, unknown>;
  let report: CopyReport;
  let usersBefore: unknown;
  const adminOf = (app: RunningApp) => login(app, DEMO_USERS.find((u) => u.role === 'admin')!.email, DEMO_PASSWORD);

  const postgresConfig = () => testConfig(join(dir, 'pg'), { DATA_DIR: join(dir, 'data') });
  const openTarget = () => openDataSource(dataSourceOptions(postgresConfig().database));

  beforeAll(async () => {
    ({ dir, cleanup } = scratchDir());
    sqlitePath = join(dir, 'data', 'source.sqlite');
    const app = await bootApp(testConfig(dir, { DATABASE_URL: `sqlite:${sqlitePath}`, DEMO_DATA: '1' }));
    try {
      const reviewer = await login(app, 'revisora@oim.local', DEMO_PASSWORD);
      before = await readAll(app, reviewer);
      usersBefore = (await app.request('GET', '/api/users', undefined, auth(await adminOf(app)))).body;
      const items = (before[`/api/assessments?government=${SAO_PAULO}&sort=edition`] as { items: { id: string }[] })
        .items;
      assessmentOfSaoPaulo = (
        await app.request('GET', `/api/assessments/${items.at(-1)!.id}`, undefined, auth(reviewer))
      ).body;
    } finally {
      await app.close();
    }
    const target = await openTarget();
    try {
      report = await copyToPostgres(sqlitePath, target);
    } finally {
      await target.destroy();
    }
  }, 180_000);
  afterAll(() => cleanup?.());

  it('copies every table and counts each one alike on both sides', () => {
    const tables = report.tables.map((t) => t.table);
    for (const table of ['governments', 'users', 'assessments', 'answers', 'audit_log', 'assessment_facts'])
      expect(tables).toContain(table);
    expect(report.tables.filter((t) => t.source !== t.target)).toEqual([]);
    expect(report.tables.find((t) => t.table === 'answers')!.target).toBeGreaterThan(100);
    // eslint-disable-next-line no-console
    console.log(
      `copy-to-postgres: ${report.tables.length} tables, ${report.rows} rows copied, every count equal on both sides`,
    );
  });

  it('serves the same data on PostgreSQL, and goes on taking new work', async () => {
    const app = await bootApp(postgresConfig());
    try {
      const reviewer = await login(app, 'revisora@oim.local', DEMO_PASSWORD);
      expect(await readAll(app, reviewer)).toEqual(before);
      // The accounts came with their password hashes: everyone signs in as before.
      expect((await app.request('GET', '/api/users', undefined, auth(await adminOf(app)))).body).toEqual(usersBefore);
      const id = (assessmentOfSaoPaulo as { id: string }).id;
      expect((await app.request('GET', `/api/assessments/${id}`, undefined, auth(reviewer))).body).toEqual(
        assessmentOfSaoPaulo,
      );
      // New rows after the copied ones: the id counters moved past them.
      const official = await login(app, 'focal@portoalegre.local', DEMO_PASSWORD);
      const editions = (await app.request('GET', '/api/editions')).body as { year: number }[];
      const enrolled = await enrol(app, official, editions.at(-1)!.year, PORTO_ALEGRE);
      expect(enrolled.state).toBe('enrolled');
    } finally {
      await app.close();
    }
  });

  it('refuses a PostgreSQL database that already holds data, unless told to replace it', async () => {
    const target = await openTarget();
    try {
      await expect(copyToPostgres(sqlitePath, target)).rejects.toThrow(CopyError);
      await expect(copyToPostgres(sqlitePath, target)).rejects.toThrow(/already holds \d+ users/);
      const again = await copyToPostgres(sqlitePath, target, { force: true });
      expect(again.rows).toBe(report.rows);
    } finally {
      await target.destroy();
    }
  });

  it('refuses a SQLite file that a running engine has open', async () => {
    const app = await bootApp(testConfig(dir, { DATABASE_URL: `sqlite:${sqlitePath}` }));
    const target: DataSource = await openTarget();
    try {
      await expect(copyToPostgres(sqlitePath, target, { force: true })).rejects.toThrow(/stop the engine/);
    } finally {
      await target.destroy();
      await app.close();
    }
  });
});
