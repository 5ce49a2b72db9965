import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rawQuery } from '../src/database/portable-sql';
import { ADMIN, createEdition, login } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

/** A score snapshot as approval stores it, reduced to what the national figures read. */
function snapshot(index: number, groups: Record<string, number | null>) {
  const level = index < 25 ? 'initial' : index < 50 ? 'developing' : index < 75 ? 'consolidated' : 'reference';
  return JSON.stringify({
    takenAt: '2025-08-01T00:00:00.000Z',
    round: 1,
    index: {
      index,
      level: { key: level },
      groups: Object.entries(groups).map(([group, score]) => ({
        group,
        score,
        questionnaireVersion: 1,
        scoringVersion: 'engine-1/standard-1',
      })),
      missing: [],
      excluded: [],
    },
    groups: [],
  });
}

describe('national dashboard', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let db: DataSource;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(
      testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'error' }),
    );
    db = app.app.get(DataSource);
    await createEdition(app, await login(app, ADMIN.email, ADMIN.password), 2025);
    // Five governments of 2025, written as the national seed writes them; the database derives the facts.
    const rows: [string, string, string | null][] = [
      ['4314902', 'certified', snapshot(20, { governance: 10, health: 30 })], // Porto Alegre (RS)
      ['4305108', 'priorities-set', snapshot(40, { governance: 30, health: 50 })], // Caxias do Sul (RS)
      ['4300034', 'diagnosis', null], // Aceguá (RS), enrolled, not yet scored
      ['3550308', 'priorities-set', snapshot(60, { governance: 50, health: 70 })], // São Paulo (SP)
      ['1302603', 'priorities-set', snapshot(90, { governance: 100, health: null })], // Manaus (AM): health not applicable
    ];
    for (const [code, state, snap] of rows) {
      ids[code] = randomUUID();
      await rawQuery(
        db,
        `INSERT INTO assessments (id, edition_year, government_code, state, versions, round, enrolment, score_snapshot) VALUES (?, 2025, ?, ?, '{}', 1, '{}', ?)`,
        [ids[code], code, state, snap],
      );
    }
    const choose = (code: string, group: string, item: string) =>
      rawQuery(
        db,
        `INSERT INTO priorities (id, assessment_id, group_slug, item_key, commitment) VALUES (?, ?, ?, ?, 'Avançar')`,
        [randomUUID(), ids[code], group, item],
      );
    await choose('4314902', 'governance', 'a');
    await choose('4314902', 'governance', 'b');
    await choose('4305108', 'governance', 'a');
    await choose('3550308', 'health', 'a');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('counts enrolled and certified governments per edition, region and state, with every state present for a map', async () => {
    const r = await app.request('GET', '/api/dashboard/national?edition=2025');
    expect(r.status).toBe(200);
    // Governments certified apart from seals in force today (none issued here: see seal-validity.e2e-spec).
    expect(r.body.editions).toEqual([{ year: 2025, enrolled: 5, certified: 1, validSeals: 0 }]);
    expect(r.body.seals).toEqual({ issued: 0, valid: 0, expired: 0, revoked: 0 });
    // Index scores 20, 40, 60, 90: the median lies halfway between 40 and 60.
    expect(r.body.totals).toEqual({ enrolled: 5, certified: 1, scored: 4, medianIndex: 50 });
    expect(r.body.states).toHaveLength(27);
    const state = (uf: string) => r.body.states.find((s: { uf: string }) => s.uf === uf);
    expect(state('RS')).toEqual({
      uf: 'RS',
      ibgeCode: '43',
      name: 'Rio Grande do Sul',
      region: 'Sul',
      enrolled: 3,
      certified: 1,
      scored: 2,
      medianIndex: 30,
    });
    expect(state('AM')).toMatchObject({ ibgeCode: '13', region: 'Norte', enrolled: 1, scored: 1, medianIndex: 90 });
    expect(state('BA')).toMatchObject({ enrolled: 0, certified: 0, scored: 0, medianIndex: null });
    expect(r.body.regions.find((g: { region: string }) => g.region === 'Sudeste')).toEqual({
      region: 'Sudeste',
      enrolled: 1,
      certified: 0,
      scored: 1,
      medianIndex: 60,
    });
  });

  it('gives the spread of scores per group, leaving out groups not scored', async () => {
    const { body } = await app.request('GET', '/api/dashboard/national?edition=2025');
    const governance = body.groups.find((g: { group: string }) => g.group === 'governance');
    // 10, 30, 50, 100: q1 at rank 0.75 = 10 + 0.75 x 20 = 25; median 40; q3 at rank 2.25 = 50 + 0.25 x 50 = 62.5.
    expect(governance).toMatchObject({ scored: 4, q1: 25, median: 40, q3: 62.5 });
    expect(governance.name['pt-BR']).toMatch(/governança/i);
    expect(governance.histogram.map((b: { count: number }) => b.count)).toEqual([0, 1, 0, 1, 0, 1, 0, 0, 0, 1]);
    const health = body.groups.find((g: { group: string }) => g.group === 'health');
    expect(health).toMatchObject({ scored: 3, q1: 40, median: 50, q3: 60 });
    expect(body.groups).toHaveLength(10);
    expect(body.index).toMatchObject({ scored: 4, median: 50 });
  });

  it('ranks the groups chosen as priorities by how many governments chose them', async () => {
    const { body } = await app.request('GET', '/api/dashboard/national?edition=2025');
    expect(body.priorities.map((p: object) => ({ ...p, name: undefined }))).toEqual([
      { group: 'governance', governments: 2, priorities: 3, share: 66.7, name: undefined },
      { group: 'health', governments: 1, priorities: 1, share: 33.3, name: undefined },
    ]);
  });

  it('shows the same figures on a public page, with charts drawn as SVG', async () => {
    const page = await app.request('GET', '/painel?edition=2025');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Painel MigraCidades 2025');
    expect(page.text).toMatch(/<strong>5<\/strong>inscritos/);
    expect(page.text).toMatch(/<strong>50<\/strong>índice mediano/);
    // Rio Grande do Sul's row: 3 enrolled, 1 certified (linked to its list), median index 30.
    expect(page.text).toMatch(
      /<th scope="row">RS<\/th><td>Rio Grande do Sul<\/td><td>Sul<\/td><td class="n">3<\/td><td class="n"><a href="\/certificados\/2025\?uf&#x3D;RS"[^>]*>1<\/a><\/td><td class="n">30<\/td>/,
    );
    expect(page.text).toContain('<td class="n">25</td><td class="n">40</td><td class="n">62,5</td>');
    expect(page.text).toContain('<td class="n">66,7%</td>');
    expect(page.text.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="web-chart"/g)).toHaveLength(3);
    expect(page.text.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="web-map"/g)).toHaveLength(1);
  });

  it('follows the assessments: a reopened diagnosis leaves the figures at once', async () => {
    await rawQuery(db, `UPDATE assessments SET state = 'in-review', score_snapshot = NULL WHERE id = ?`, [
      ids['1302603'],
    ]);
    const { body } = await app.request('GET', '/api/dashboard/national?edition=2025');
    expect(body.totals).toEqual({ enrolled: 5, certified: 1, scored: 3, medianIndex: 40 });
    expect(body.groups.find((g: { group: string }) => g.group === 'governance')).toMatchObject({
      scored: 3,
      median: 30,
    });
  });

  it('names the field when the edition is not a year, and says which editions exist when it is unknown', async () => {
    const bad = await app.request('GET', '/api/dashboard/national?edition=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('edition');
    const unknown = await app.request('GET', '/api/dashboard/national?edition=2019');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'edition' });
    expect(unknown.body.errors[0].message).toContain('2025');
  });
});
