import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dataSourceOptions, openDataSource } from '../src/database/data-source-options';
import { dialectOf } from '../src/database/dialect';
import { asNumber, rawQuery } from '../src/database/portable-sql';
import { scratchDir, testConfig } from './support/test-app';

/** A score snapshot as the engine stores it: the index, its level, and each group's score. */
const snapshot = (index: number, groups: Record<string, number | null>) =>
  JSON.stringify({
    index: {
      index,
      level: { key: index >= 50 ? 'consolidated' : 'developing' },
      groups: Object.entries(groups).map(([group, score]) => ({ group, score })),
    },
  });

/**
 * The facts tables the dashboards read are kept by triggers (SQLite triggers, PL/pgSQL functions on PostgreSQL):
 * whoever writes an assessment or a priority, the same facts follow, on either database (TEST_DATABASE_URL).
 */
describe('facts triggers: the figures follow every write, on either database', () => {
  let db: DataSource;
  let cleanup: () => void;
  const run = (sql: string, params: unknown[] = []) => rawQuery(db, sql, params);
  const version = async () => asNumber((await run('SELECT version FROM facts_version'))[0].version);

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    db = await openDataSource(dataSourceOptions(testConfig(scratch.dir).database));
    await run(
      `INSERT INTO governments (ibge_code, kind, name, search_name, uf, state_name, region, source)
       VALUES ('4314902', 'municipality', 'Porto Alegre', 'porto alegre', 'RS', 'Rio Grande do Sul', 'Sul', 'test')`,
    );
    await run(
      `INSERT INTO editions (year, calendar, pinned_versions, certification_rule) VALUES (2025, '{}', '{}', '{}')`,
    );
  });
  afterAll(async () => {
    await db?.destroy();
    cleanup?.();
  });

  it('fills, refills and empties the facts of an assessment, its group bands and its priorities', async () => {
    const id = randomUUID();
    const start = await version();
    await run(
      `INSERT INTO assessments (id, edition_year, government_code, state, versions, enrolment, score_snapshot)
       VALUES (?, 2025, '4314902', 'submitted', '{}', '{}', ?)`,
      [id, snapshot(47.5, { governance: 99.9, health: 30, labour: null })],
    );
    const facts = async () =>
      (
        await run(
          'SELECT state, uf, region, kind, index_score, index_level FROM assessment_facts WHERE assessment_id = ?',
          [id],
        )
      ).map((r) => ({ ...r, index_score: asNumber(r.index_score, 'nullable') }));
    const groups = async () =>
      (await run('SELECT group_slug, score FROM group_facts WHERE assessment_id = ? ORDER BY group_slug', [id])).map(
        (r) => [r.group_slug, asNumber(r.score, 'nullable')],
      );
    const bands = async () =>
      (await run('SELECT group_slug, band, n FROM group_band_counts WHERE n > 0 ORDER BY group_slug, band')).map(
        (r) => [r.group_slug, asNumber(r.band), asNumber(r.n)],
      );
    expect(await facts()).toEqual([
      {
        state: 'submitted',
        uf: 'RS',
        region: 'Sul',
        kind: 'municipality',
        index_score: 47.5,
        index_level: 'developing',
      },
    ]);
    expect(await groups()).toEqual([
      ['governance', 99.9],
      ['health', 30],
      ['labour', null],
    ]);
    // A score's band is its tens, truncated (99.9 is in band 9, not rounded up to a 10th band).
    expect(await bands()).toEqual(
      [
        ['governance', 9],
        ['health', 3],
      ].map(([g, b]) => [g, b, 1]),
    );

    await run(`UPDATE assessments SET state = 'certified', score_snapshot = ? WHERE id = ?`, [
      snapshot(64.4, { governance: 15 }),
      id,
    ]);
    expect(await facts()).toMatchObject([{ state: 'certified', index_score: 64.4, index_level: 'consolidated' }]);
    expect(await groups()).toEqual([['governance', 15]]);
    expect(await bands()).toEqual([['governance', 1, 1]]);

    const priority = randomUUID();
    await run(
      `INSERT INTO priorities (id, assessment_id, group_slug, item_key, commitment) VALUES (?, ?, 'health', 'x', 'c')`,
      [priority, id],
    );
    const priorityFacts = () =>
      run('SELECT edition_year, group_slug FROM priority_facts WHERE priority_id = ?', [priority]);
    expect((await priorityFacts()).map((r) => [asNumber(r.edition_year), r.group_slug])).toEqual([[2025, 'health']]);
    await run(`UPDATE priorities SET group_slug = 'labour' WHERE id = ?`, [priority]);
    expect((await priorityFacts()).map((r) => r.group_slug)).toEqual(['labour']);
    await run('DELETE FROM priorities WHERE id = ?', [priority]);
    expect(await priorityFacts()).toEqual([]);

    await run('DELETE FROM assessments WHERE id = ?', [id]);
    expect(await facts()).toEqual([]);
    expect(await groups()).toEqual([]);
    expect(await bands()).toEqual([]);
    // Insert, update, the priority's insert, update and delete, the delete: each bumped the version.
    expect((await version()) - start).toBeGreaterThanOrEqual(6);
    // eslint-disable-next-line no-console
    console.log(`facts triggers on ${dialectOf(db)}: facts_version ${start} -> ${await version()}`);
  });

  it('bumps the facts version when a government changes what decides its peers, not otherwise', async () => {
    const before = await version();
    await run(`UPDATE governments SET name = 'Porto Alegre (RS)' WHERE ibge_code = '4314902'`);
    expect(await version()).toBe(before);
    await run(`UPDATE governments SET population = 1332570 WHERE ibge_code = '4314902'`);
    expect(await version()).toBe(before + 1);
  });

  it('keeps the audit trail append-only', async () => {
    await run(`INSERT INTO audit_log (action, entity, entity_id) VALUES ('test', 'test', '1')`);
    await expect(run(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const [entry] = await run('SELECT at FROM audit_log');
    expect(String(entry.at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
