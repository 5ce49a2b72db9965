import { PopulationImportError, PopulationService } from '../src/core/progress/population.service';
import type { AnswerSet, Questionnaire, QuestionnaireItem } from '../src/core/questionnaire/questionnaire.types';
import { bestAnswers } from './support/answers';
import { auth, bootWithStaff, createEdition, createUser, enrol, questionnairesOf } from './support/lifecycle';
import type { HttpClient, RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const CANOAS = '4304606';
const CAXIAS = '4305108';
const FLORIANOPOLIS = '4205407';
const SAO_PAULO_CITY = '3550308';
const RIO_GRANDE_DO_SUL = '43';

type Profile = (q: Questionnaire) => AnswerSet;

/** The best answer everywhere, except the items named per group. */
const bestExcept =
  (overrides: Record<string, AnswerSet>): Profile =>
  (q) => ({ ...bestAnswers(q), ...(overrides[q.group] ?? {}) });

/** "Não" everywhere, the lowest option or number elsewhere: every group scores 0. */
const allNo: Profile = (q) =>
  Object.fromEntries(
    q.items.flatMap((i: QuestionnaireItem): [string, AnswerSet[string]][] => {
      switch (i.type) {
        case 'yes-partial-no':
          return [[i.key, 'no']];
        case 'single-choice':
          return [[i.key, [...i.options!].sort((a, b) => a.points - b.points)[0].key]];
        case 'multiple-choice':
          return [[i.key, []]];
        case 'number':
          return [[i.key, i.min ?? 0]];
        default:
          return [];
      }
    }),
  );

async function ok(call: Promise<{ status: number; text: string; body: any }>, what: string) {
  const r = await call;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

/**
 * Answers the whole diagnosis (confirming any carried answer) with a profile; a positive answer to an item
 * that requires evidence goes with a link.
 */
async function answer(app: HttpClient, official: string, id: string, profile: Profile) {
  const view = await ok(app.request('GET', `/api/assessments/${id}`, undefined, auth(official)), 'view');
  const questionnaires = await questionnairesOf(app, view);
  const answers = questionnaires.flatMap((q) =>
    Object.entries(profile(q)).map(([itemKey, value]) => {
      const proven =
        q.items.find((i) => i.key === itemKey)!.evidence === 'required' && value !== 'no' && value !== 'not-applicable';
      return {
        group: q.group,
        itemKey,
        value,
        ...(proven ? { evidence: [{ url: `https://www.exemplo.gov.br/${q.group}/${itemKey}.pdf` }] } : {}),
        expectedVersion: view.groups.find((g: any) => g.group === q.group).items.find((i: any) => i.key === itemKey)
          .answer.version,
      };
    }),
  );
  await ok(app.request('PUT', `/api/assessments/${id}/answers`, { answers }, auth(official)), 'answers');
}

/** Submits, accepts every answered item and approves; returns the approved score snapshot. */
async function approve(app: HttpClient, tokens: { official: string; reviewer: string }, id: string) {
  await ok(app.request('POST', `/api/assessments/${id}/submit`, undefined, auth(tokens.official)), 'submit');
  await ok(
    app.request('POST', `/api/assessments/${id}/review/start`, undefined, auth(tokens.reviewer)),
    'start review',
  );
  const view = await ok(app.request('GET', `/api/assessments/${id}`, undefined, auth(tokens.reviewer)), 'view');
  const decisions = view.groups.flatMap((g: any) =>
    g.items
      .filter((i: any) => i.visible && i.answer.value !== null)
      .map((i: any) => ({ group: g.group, itemKey: i.key, decision: 'accept' })),
  );
  await ok(app.request('PUT', `/api/assessments/${id}/review/items`, { decisions }, auth(tokens.reviewer)), 'decide');
  return (
    await ok(app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(tokens.reviewer)), 'approve')
  ).scoreSnapshot;
}

// Porto Alegre's two diagnoses. Every group not named scores 100 (best answers everywhere).
// 2025, protection v1 — governance: budget-line "Parcial": weights 3+4+1+3+2+2+1 = 16, (1600 − 2×50)/16 = 93.75 → 93.8;
// protection: (4×50 + 3×0 + 4×100 + 3×50 + 1×45 + 2×0 + 2×100 + 2×50)/21 = 1095/21 = 52.14 → 52.1;
// index (8×100 + 93.8 + 52.1)/10 = 94.59 → 94.6.
const POA_2025 = bestExcept({
  governance: { 'budget-line': 'partial' },
  protection: {
    'network-open': 'partial',
    'network-interpreters': 'no',
    'victim-protocol': 'yes',
    'awareness-campaigns': 'partial',
    'campaign-languages': ['spanish', 'haitian-creole'],
    'network-training': 'no',
    shelter: 'yes',
    'nationality-records': 'partial',
  },
});
// 2026, protection v2 — governance all met: 100; health (v2, both editions): interpreters "Parcial":
// weights 4+2+3+2+3+3+3+3+3+3 = 29, (2900 − 3×50)/29 = 94.83 → 94.8;
// protection (shelter "não se aplica"): (400 + 150 + 200 + 150 + 0 + 300 + 300 + 45 + 100 + 150)/29 = 1795/29 = 61.90 → 61.9;
// index (7×100 + 100 + 94.83 + 61.90)/10 = 95.67 → 95.7.
const POA_2026 = bestExcept({
  health: { interpreters: 'partial' },
  protection: {
    'network-open': 'yes',
    'network-interpreters': 'partial',
    'victim-protocol': 'partial',
    'lgbtiq-access': 'partial',
    'lgbtiq-protocol': 'no',
    'racial-equality-actions': 'yes',
    'rights-campaigns': 'yes',
    'campaign-languages': ['spanish', 'haitian-creole'],
    'protection-training': 'partial',
    shelter: 'not-applicable',
    'disaggregated-records': 'partial',
  },
});

describe('progress over time and the national picture, over HTTP', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const snapshots: Record<string, any> = {};

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(tokens, booted.tokens);
    for (const [code, email] of [
      [PORTO_ALEGRE, 'poa'],
      [CANOAS, 'canoas'],
      [CAXIAS, 'caxias'],
      [FLORIANOPOLIS, 'floripa'],
      [SAO_PAULO_CITY, 'sp'],
      [RIO_GRANDE_DO_SUL, 'rs'],
    ]) {
      tokens[code] = await createUser(app, tokens.admin, `focal@${email}.test`, 'official', code);
    }
    await createEdition(app, tokens.admin, 2025, { protection: 1 });
    await createEdition(app, tokens.admin, 2026);
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const history = async (code = PORTO_ALEGRE) => {
    const r = await app.request('GET', `/api/governments/${code}/history`);
    expect(r.status).toBe(200);
    return r.body;
  };

  it('2025: Porto Alegre is approved with a priority; its history (public, no token) shows that one edition', async () => {
    const poa = { official: tokens[PORTO_ALEGRE], reviewer: tokens.reviewer };
    ids.poa2025 = (await enrol(app, poa.official, 2025, PORTO_ALEGRE)).id;
    expect((await history()).editions).toEqual([]);
    await answer(app, poa.official, ids.poa2025, POA_2025);
    expect((await history()).editions).toEqual([]); // answered, not approved: nothing public yet
    snapshots.poa2025 = await approve(app, poa, ids.poa2025);
    await ok(
      app.request(
        'PUT',
        `/api/assessments/${ids.poa2025}/priorities`,
        {
          priorities: [
            {
              group: 'governance',
              itemKey: 'budget-line',
              commitment: 'Criar ação orçamentária própria para migrantes no PPA.',
            },
          ],
        },
        auth(poa.official),
      ),
      'priorities',
    );

    const h = await history();
    expect(h.government).toEqual({
      ibgeCode: PORTO_ALEGRE,
      kind: 'municipality',
      name: 'Porto Alegre',
      uf: 'RS',
      stateName: 'Rio Grande do Sul',
      region: 'Sul',
      population: null,
      populationYear: null,
    });
    expect(h.editions).toHaveLength(1);
    expect(h.editions[0]).toMatchObject({
      editionYear: 2025,
      state: 'priorities-set',
      index: 94.6,
      level: 'reference',
    });
    expect(h.editions[0].index).toBe(snapshots.poa2025.index.index);
    expect(h.editions[0].groups.map((g: any) => [g.group, g.score])).toEqual(
      snapshots.poa2025.groups.map((g: any) => [g.group, g.score]),
    );
    expect(h.editions[0].groups.find((g: any) => g.group === 'protection')).toMatchObject({
      questionnaireVersion: 1,
      score: 52.1,
    });
    expect(h.editions[0].priorities).toEqual([
      {
        group: 'governance',
        itemKey: 'budget-line',
        commitment: 'Criar ação orçamentária própria para migrantes no PPA.',
        pointsWhenChosen: 50,
        reported: null,
        nextEdition: null,
      },
    ]);
    expect(h.comparisons).toEqual([]);
  });

  it('2026: renewed on protection v2; the progress report stays private until that diagnosis is approved', async () => {
    const poa = { official: tokens[PORTO_ALEGRE], reviewer: tokens.reviewer };
    ids.poa2026 = (await enrol(app, poa.official, 2026, PORTO_ALEGRE)).id;
    await answer(app, poa.official, ids.poa2026, POA_2026);
    const { previousEditionPriorities } = await ok(
      app.request('GET', `/api/assessments/${ids.poa2026}/priorities`, undefined, auth(poa.official)),
      'list priorities',
    );
    await ok(
      app.request(
        'PUT',
        `/api/assessments/${ids.poa2026}/priority-progress`,
        {
          reports: [
            {
              priorityId: previousEditionPriorities[0].id,
              status: 'achieved',
              note: 'Ação 2.101 incluída na LOA 2026.',
            },
          ],
        },
        auth(poa.official),
      ),
      'report progress',
    );
    const meanwhile = await history();
    expect(meanwhile.editions.map((e: any) => e.editionYear)).toEqual([2025]);
    expect(meanwhile.editions[0].priorities[0].reported).toBeNull();

    snapshots.poa2026 = await approve(app, poa, ids.poa2026);
    await ok(
      app.request(
        'PUT',
        `/api/assessments/${ids.poa2026}/priorities`,
        {
          priorities: [
            {
              group: 'protection',
              itemKey: 'lgbtiq-protocol',
              commitment: 'Pactuar protocolo de atendimento a migrantes LGBTIQ+.',
            },
          ],
        },
        auth(poa.official),
      ),
      'priorities 2026',
    );
  });

  it('the history compares the two editions against the approved snapshots, across protection v1 → v2', async () => {
    const h = await history();
    expect(h.editions.map((e: any) => [e.editionYear, e.index])).toEqual([
      [2025, 94.6],
      [2026, 95.7],
    ]);
    expect(h.editions.map((e: any) => e.index)).toEqual([snapshots.poa2025.index.index, snapshots.poa2026.index.index]);
    expect(h.editions[1].groups.map((g: any) => [g.group, g.score])).toEqual(
      snapshots.poa2026.groups.map((g: any) => [g.group, g.score]),
    );

    expect(h.comparisons).toHaveLength(1);
    const c = h.comparisons[0];
    // 95.7 − 94.6
    expect(c.index).toMatchObject({ before: 94.6, after: 95.7, delta: 1.1 });
    expect([c.from, c.to]).toEqual([2025, 2026]);
    // governance 100 − 93.8; health 94.8 − 100; protection 61.9 − 52.1; every other group 100 → 100
    const deltas = Object.fromEntries(c.groups.map((g: any) => [g.group, g.delta]));
    expect(deltas).toEqual({
      governance: 6.2,
      'capacity-building': 0,
      participation: 0,
      transparency: 0,
      partnerships: 0,
      health: -5.2,
      education: 0,
      'social-assistance': 0,
      labour: 0,
      protection: 9.8,
    });
    for (const g of c.groups) {
      const before = snapshots.poa2025.groups.find((s: any) => s.group === g.group).score;
      const after = snapshots.poa2026.groups.find((s: any) => s.group === g.group).score;
      expect(g.delta).toBeCloseTo(after - before, 5);
    }

    const protection = c.groups.find((g: any) => g.group === 'protection');
    expect(protection.comparability).toBe('shared-items');
    // Like for like on the six paired items counted in both editions (weights 4,3,4,3,1,2 = 17):
    // 2025 (200 + 0 + 400 + 150 + 45 + 0)/17 = 795/17 = 46.8; 2026 (400 + 150 + 200 + 300 + 45 + 100)/17 = 1195/17 = 70.3
    expect(protection.sharedItems).toEqual({ compared: 6, before: 46.8, after: 70.3, delta: 23.5 });
    expect(
      protection.items
        .filter((i: any) => i.renamed)
        .map((i: any) => [i.previousKey, i.key, i.before.points, i.after.points]),
    ).toEqual([
      ['awareness-campaigns', 'rights-campaigns', 50, 100],
      ['network-training', 'protection-training', 0, 50],
    ]);
    expect(protection.notComparable.removed.map((i: any) => [i.key, i.points])).toEqual([['nationality-records', 50]]);
    expect(protection.notComparable.new.map((i: any) => [i.key, i.points])).toEqual([
      ['lgbtiq-access', 50],
      ['lgbtiq-protocol', 0],
      ['racial-equality-actions', 100],
      ['disaggregated-records', 50],
    ]);
    // Each item's points are the snapshots' own.
    const item = (snap: any, group: string, key: string) =>
      snap.groups.find((g: any) => g.group === group).items.find((i: any) => i.key === key).points;
    for (const i of protection.items.filter((x: any) => x.change !== 'not-scored')) {
      expect([i.before.points, i.after.points]).toEqual([
        item(snapshots.poa2025, 'protection', i.previousKey),
        item(snapshots.poa2026, 'protection', i.key),
      ]);
    }

    const moved = (list: any[]) =>
      list.map(
        (m) => `${m.group}/${m.previousKey === m.key ? m.key : `${m.previousKey}→${m.key}`} ${m.before}→${m.after}`,
      );
    expect(moved(c.improved)).toEqual([
      'governance/budget-line 50→100',
      'protection/network-open 50→100',
      'protection/network-interpreters 0→50',
      'protection/awareness-campaigns→rights-campaigns 50→100',
      'protection/network-training→protection-training 0→50',
    ]);
    expect(moved(c.regressed)).toEqual(['health/interpreters 100→50', 'protection/victim-protocol 100→50']);

    // The 2025 priority: chosen at 50, reported achieved in 2026 (now approved), and met in 2026.
    expect(h.editions[0].priorities).toEqual([
      {
        group: 'governance',
        itemKey: 'budget-line',
        commitment: 'Criar ação orçamentária própria para migrantes no PPA.',
        pointsWhenChosen: 50,
        reported: { status: 'achieved', note: 'Ação 2.101 incluída na LOA 2026.', inEdition: 2026 },
        nextEdition: { editionYear: 2026, comparable: true, itemKey: 'budget-line', points: 100, change: 'improved' },
      },
    ]);
    expect(h.editions[1]).toMatchObject({
      state: 'priorities-set',
      priorities: [{ itemKey: 'lgbtiq-protocol', pointsWhenChosen: 0, reported: null, nextEdition: null }],
    });
  });

  it('answers 404 for an unknown government, and an empty history for one never approved', async () => {
    const unknown = await app.request('GET', '/api/governments/4399994/history');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('GOVERNMENT_NOT_FOUND');
    await enrol(app, tokens[CAXIAS], 2026, CAXIAS);
    expect((await history(CAXIAS)).editions).toEqual([]);
  });

  it('peers in 2026: state, region and country medians among approved municipalities; no population band without population', async () => {
    const drive = async (code: string, profile: typeof allNo) => {
      const id = (await enrol(app, tokens[code], 2026, code)).id;
      await answer(app, tokens[code], id, profile);
      return approve(app, { official: tokens[code], reviewer: tokens.reviewer }, id);
    };
    expect((await drive(CANOAS, bestAnswers)).index.index).toBe(100);
    expect((await drive(FLORIANOPOLIS, allNo)).index.index).toBe(0);
    expect((await drive(SAO_PAULO_CITY, bestAnswers)).index.index).toBe(100);
    // A state government: never a peer of a municipality.
    expect((await drive(RIO_GRANDE_DO_SUL, bestAnswers)).index.index).toBe(100);

    const r = await app.request('GET', `/api/governments/${PORTO_ALEGRE}/peers?edition=2026`);
    expect(r.status).toBe(200);
    expect(r.body.own).toMatchObject({ state: 'priorities-set', index: 95.7 });
    expect(r.body.peers.map((p: any) => p.scope)).toEqual(['state', 'region', 'national']);
    const summary = (p: any) => [
      p.scope,
      p.count,
      p.index.median,
      p.index.difference,
      p.groups.find((g: any) => g.group === 'protection').median,
    ];
    expect(r.body.peers.map(summary)).toEqual([
      // RS municipalities approved: Porto Alegre 95.7 and Canoas 100 (Caxias only enrolled) → (95.7 + 100)/2 = 97.85;
      // protection (61.9 + 100)/2 = 80.95
      ['state', 2, 97.85, -2.15, 80.95],
      // South: + Florianópolis 0 → 0, 95.7, 100 → 95.7; protection 0, 61.9, 100 → 61.9
      ['region', 3, 95.7, 0, 61.9],
      // Brazil: + São Paulo 100 → 0, 95.7, 100, 100 → 97.85; protection 0, 61.9, 100, 100 → 80.95
      ['national', 4, 97.85, -2.15, 80.95],
    ]);
    // health: 94.8 beside 100 in RS → (94.8 + 100)/2 = 97.4, difference −2.6
    expect(r.body.peers[0].groups.find((g: any) => g.group === 'health')).toEqual({
      group: 'health',
      median: 97.4,
      count: 2,
      own: 94.8,
      difference: -2.6,
    });
    expect(r.body.explanation['pt-BR']).toContain('Sem estimativa de população importada');

    const state = await app.request('GET', `/api/governments/${RIO_GRANDE_DO_SUL}/peers?edition=2026`);
    expect(state.body.peers.map((p: any) => [p.scope, p.count, p.index.median])).toEqual([
      ['region', 1, 100],
      ['national', 1, 100],
    ]);

    expect((await app.request('GET', `/api/governments/${PORTO_ALEGRE}/peers`)).status).toBe(400);
    expect((await app.request('GET', `/api/governments/${PORTO_ALEGRE}/peers?edition=2030`)).body.code).toBe(
      'EDITION_NOT_FOUND',
    );
    // 2025: Porto Alegre alone.
    const earlier = await app.request('GET', `/api/governments/${PORTO_ALEGRE}/peers?edition=2025`);
    expect(earlier.body.peers.map((p: any) => [p.scope, p.count, p.index.median])).toEqual([
      ['state', 1, 94.6],
      ['region', 1, 94.6],
      ['national', 1, 94.6],
    ]);
  });

  it('imports IBGE estimates all or nothing, then adds the population band to the peers', async () => {
    const population = app.app.get(PopulationService);
    const header = 'UF;COD. UF;COD. MUNIC;NOME DO MUNICÍPIO;POPULAÇÃO ESTIMADA';
    const rows = [
      'RS;43;14902;Porto Alegre;1.389.322',
      'RS;43;04606;Canoas;347.657',
      'SC;42;05407;Florianópolis;537.211(1)',
      'SP;35;50308;São Paulo;11.895.578',
    ];
    const bad = population.importPopulationCsv(
      [header, ...rows, 'RS;43;99994;Inexistente;1.000', 'SC;43;05108;Caxias do Sul;480.000'].join('\n'),
      'estimativa_dou_2024.csv',
    );
    await expect(bad).rejects.toThrow(PopulationImportError);
    await expect(bad).rejects.toThrow('line 6: no government with IBGE code 4399994');
    await expect(bad).rejects.toThrow('line 7: UF "SC" does not match IBGE code 4305108, which is in RS');
    expect((await history()).government.population).toBeNull();
    expect((await app.request('GET', `/api/governments/${PORTO_ALEGRE}/peers?edition=2026`)).body.peers).toHaveLength(
      3,
    );

    const summary = await population.importPopulationCsv(
      [header, ...rows, '', 'Fonte: IBGE.;;;;'].join('\n'),
      'estimativa_dou_2024.csv',
    );
    expect(summary).toMatchObject({ layout: 'ibge-estimates', year: 2024, updated: 4, unchanged: 0, notes: [7] });
    expect((await history()).government).toMatchObject({ population: 1_389_322, populationYear: 2024 });

    const r = await app.request('GET', `/api/governments/${PORTO_ALEGRE}/peers?edition=2026`);
    expect(r.body.peers.map((p: any) => p.scope)).toEqual(['state', 'region', 'population-band', 'national']);
    const band = r.body.peers[2];
    expect(band.band).toMatchObject({ key: 'over-500k', min: 500_001, max: null });
    // Over 500,000: Porto Alegre 95.7, Florianópolis 0, São Paulo 100 (Canoas has 347,657) → 95.7; protection 61.9, 0, 100 → 61.9
    expect([band.count, band.index.median, band.groups.find((g: any) => g.group === 'protection').median]).toEqual([
      3, 95.7, 61.9,
    ]);
    const canoas = await app.request('GET', `/api/governments/${CANOAS}/peers?edition=2026`);
    expect(canoas.body.peers[2]).toMatchObject({
      scope: 'population-band',
      band: { key: '100k-500k' },
      count: 1,
      index: { median: 100 },
    });

    const again = await population.importPopulationCsv([header, ...rows].join('\n'), 'estimativa_dou_2024.csv');
    expect(again).toMatchObject({ updated: 0, unchanged: 4 });
  });
});
