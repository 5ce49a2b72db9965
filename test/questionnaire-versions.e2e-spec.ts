import type { AnswerSet, Questionnaire } from '../src/core/questionnaire/questionnaire.types';
import { bestAnswers } from './support/answers';
import { auth, bootWithStaff, createEdition, createUser, enrol, questionnairesOf } from './support/lifecycle';
import type { HttpClient, RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const EVIDENCE = [{ url: 'https://prefeitura.poa.br/assistencia-social/nota-tecnica-migrantes.pdf' }];

type Overrides = Record<string, AnswerSet>;

async function ok(call: Promise<{ status: number; text: string; body: any }>, what: string) {
  const r = await call;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

/**
 * Answers the whole diagnosis (best answers unless overridden), with a link as evidence on every positive
 * answer to an item that requires one, then submits; a reviewer accepts every answer and approves.
 */
async function approveWith(
  app: HttpClient,
  tokens: { official: string; reviewer: string },
  id: string,
  overrides: Overrides,
): Promise<any> {
  const view = await ok(app.request('GET', `/api/assessments/${id}`, undefined, auth(tokens.official)), 'view');
  const questionnaires: Questionnaire[] = await questionnairesOf(app, view);
  const answers = questionnaires.flatMap((q) =>
    Object.entries({ ...bestAnswers(q), ...(overrides[q.group] ?? {}) }).map(([itemKey, value]) => {
      const item = q.items.find((i) => i.key === itemKey)!;
      const positive = value !== 'no' && value !== 'not-applicable';
      return {
        group: q.group,
        itemKey,
        value,
        ...(item.evidence === 'required' && positive ? { evidence: EVIDENCE } : {}),
        expectedVersion: view.groups.find((g: any) => g.group === q.group).items.find((i: any) => i.key === itemKey)
          .answer.version,
      };
    }),
  );
  await ok(app.request('PUT', `/api/assessments/${id}/answers`, { answers }, auth(tokens.official)), 'answers');
  await ok(app.request('POST', `/api/assessments/${id}/submit`, undefined, auth(tokens.official)), 'submit');
  await ok(app.request('POST', `/api/assessments/${id}/review/start`, undefined, auth(tokens.reviewer)), 'start');
  const reviewed = await ok(app.request('GET', `/api/assessments/${id}`, undefined, auth(tokens.reviewer)), 'view');
  const decisions = reviewed.groups.flatMap((g: any) =>
    g.items
      .filter((i: any) => i.visible && i.answer.value !== null)
      .map((i: any) => ({ group: g.group, itemKey: i.key, decision: 'accept' })),
  );
  await ok(app.request('PUT', `/api/assessments/${id}/review/items`, { decisions }, auth(tokens.reviewer)), 'decide');
  return (
    await ok(app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(tokens.reviewer)), 'ok')
  ).scoreSnapshot;
}

// Porto Alegre in three editions: social assistance v1 → v2 between 2020 and 2021, health v1 → v2 between
// 2021 and 2024, as the national data pins them. Items not named get the best answer.
const POA_2020: Overrides = {
  'social-assistance': { 'federal-benefits': 'no', 'creas-referral': 'partial', 'suas-staff-training': 'partial' },
  health: { interpreters: 'no', outreach: 'partial' },
};
const POA_2021: Overrides = {
  'social-assistance': {
    'federal-benefits-access': 'partial',
    'paefi-follow-up': 'yes',
    'unaccompanied-children': 'no',
    'trafficking-referral': 'partial',
  },
  health: { interpreters: 'partial', outreach: 'partial' },
};
const POA_2024: Overrides = {
  'social-assistance': { 'unaccompanied-children': 'partial' },
  health: { 'community-outreach': 'yes', 'emulti-support': 'no', 'mental-health': 'partial' },
};

describe('social assistance v2 (2021 on) and health v2 (2024 on): published, served and crossed by history and exports', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const tokens: Record<string, string> = {};
  const snapshots: Record<number, any> = {};

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(tokens, booted.tokens);
    tokens.poa = await createUser(app, tokens.admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    await createEdition(app, tokens.admin, 2020, { protection: 1, 'social-assistance': 1, health: 1 });
    await createEdition(app, tokens.admin, 2021, { health: 1 });
    await createEdition(app, tokens.admin, 2024);
    const poa = { official: tokens.poa, reviewer: tokens.reviewer };
    for (const [year, overrides] of [
      [2020, POA_2020],
      [2021, POA_2021],
      [2024, POA_2024],
    ] as const) {
      const { id } = await enrol(app, tokens.poa, year, PORTO_ALEGRE);
      snapshots[year] = await approveWith(app, poa, id, overrides);
    }
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('publishes both new versions and serves them, group 8 under its 2021 name', async () => {
    const groups = (await app.request('GET', '/api/indicator-groups')).body;
    const of = (slug: string) => groups.find((g: any) => g.slug === slug);
    expect(of('social-assistance').versions.map((v: any) => [v.version, v.follows, v.publishedAt])).toEqual([
      [1, null, '2020-03-02'],
      [2, 1, '2021-03-01'],
    ]);
    expect(of('social-assistance').title['pt-BR']).toBe('Acesso à assistência e proteção social');
    expect(of('health').versions.map((v: any) => [v.version, v.follows])).toEqual([
      [1, null],
      [2, 1],
    ]);

    const sa = await app.request('GET', '/api/indicator-groups/social-assistance/versions/2');
    expect(sa.status).toBe(200);
    expect(sa.body.title).toEqual({
      'pt-BR': 'Acesso à assistência e proteção social',
      en: 'Access to social assistance and social protection',
    });
    expect(sa.body.keyMap).toMatchObject({
      'federal-benefits': { renamedTo: 'federal-benefits-access' },
      'creas-referral': { renamedTo: 'paefi-follow-up' },
      'cadunico-registration': 'kept',
    });
    const health = await app.request('GET', '/api/indicator-groups/health/versions/2');
    expect(JSON.stringify(health.body)).not.toContain('NASF');
    expect(health.body.items.find((i: any) => i.key === 'emulti-support').guidance['pt-BR']).toContain(
      'Portaria GM/MS nº 635/2023',
    );
  });

  it('compares v1 and v2 of each group through the key map', async () => {
    const sa = (await app.request('GET', '/api/indicator-groups/social-assistance/compare?from=1&to=2')).body;
    expect(sa.shared).toEqual(
      expect.arrayContaining([
        { fromKey: 'cadunico-registration', toKey: 'cadunico-registration' },
        { fromKey: 'federal-benefits', toKey: 'federal-benefits-access' },
        { fromKey: 'creas-referral', toKey: 'paefi-follow-up' },
        { fromKey: 'shelter-places', toKey: 'shelter-places' },
      ]),
    );
    expect(sa.shared).toHaveLength(11);
    expect(sa.onlyInFrom).toEqual([]);
    expect(sa.onlyInTo).toEqual([
      'child-protection-network',
      'unaccompanied-children',
      'trafficking-referral',
      'suas-staff-trained',
    ]);

    const health = (await app.request('GET', '/api/indicator-groups/health/compare?from=1&to=2')).body;
    expect(health.shared).toContainEqual({ fromKey: 'outreach', toKey: 'community-outreach' });
    expect(health.onlyInFrom).toEqual(['outreach-actions']);
    expect(health.onlyInTo).toEqual([
      'emulti-support',
      'health-staff-trained',
      'vaccination-outreach',
      'mental-health',
      'sexual-reproductive-health',
    ]);
    // Backwards, the same correspondence read the other way.
    const back = (await app.request('GET', '/api/indicator-groups/health/compare?from=2&to=1')).body;
    expect(back.shared).toContainEqual({ fromKey: 'community-outreach', toKey: 'outreach' });
    expect(back.onlyInTo).toEqual(['outreach-actions']);
  });

  it('scores each edition with the version it pins', () => {
    const version = (year: number, group: string) =>
      snapshots[year].groups.find((g: any) => g.group === group).questionnaireVersion;
    expect([2020, 2021, 2024].map((y) => [version(y, 'social-assistance'), version(y, 'health')])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
  });

  it('history 2020 → 2021 crosses social assistance v1 → v2: kept and renamed items compared, new ones listed apart', async () => {
    const h = (await app.request('GET', `/api/governments/${PORTO_ALEGRE}/history`)).body;
    expect(h.editions.map((e: any) => e.editionYear)).toEqual([2020, 2021, 2024]);
    expect(h.comparisons.map((c: any) => [c.from, c.to])).toEqual([
      [2020, 2021],
      [2021, 2024],
    ]);
    const sa = h.comparisons[0].groups.find((g: any) => g.group === 'social-assistance');
    expect(sa.comparability).toBe('shared-items');
    expect([sa.before.questionnaireVersion, sa.after.questionnaireVersion]).toEqual([1, 2]);
    // v1 (weights 4, 2, 3, 1, 3, 3, 3, 1, 2 = 22): (400 + 0 + 300 + 100 + 300 + 150 + 300 + 100 + 100)/22 = 79.5;
    // v2 adds child protection 3, unaccompanied children 3 and trafficking 3 (= 31):
    // (400 + 100 + 300 + 100 + 300 + 300 + 300 + 0 + 150 + 300 + 100 + 200)/31 = 2550/31 = 82.3.
    expect([sa.before.score, sa.after.score, sa.delta]).toEqual([79.5, 82.3, 2.8]);
    // Like for like on the nine paired items counted in both: 1750/22 = 79.5 before, 2100/22 = 95.5 after.
    expect(sa.sharedItems).toEqual({ compared: 9, before: 79.5, after: 95.5, delta: 16 });
    expect(
      sa.items.filter((i: any) => i.renamed).map((i: any) => [i.previousKey, i.key, i.before.points, i.after.points]),
    ).toEqual([
      ['federal-benefits', 'federal-benefits-access', 0, 50],
      ['creas-referral', 'paefi-follow-up', 50, 100],
    ]);
    expect(sa.items.find((i: any) => i.key === 'cadunico-registration')).toMatchObject({
      renamed: false,
      change: 'unchanged',
      before: { points: 100 },
      after: { points: 100 },
    });
    expect(sa.notComparable.removed).toEqual([]);
    expect(sa.notComparable.new.map((i: any) => [i.key, i.points])).toEqual([
      ['child-protection-network', 100],
      ['unaccompanied-children', 0],
      ['trafficking-referral', 50],
      ['suas-staff-trained', null],
    ]);
    // Health stayed on v1 in 2021: the same questionnaire.
    expect(h.comparisons[0].groups.find((g: any) => g.group === 'health').comparability).toBe('same-questionnaire');

    const moved = (list: any[]) =>
      list.map(
        (m) => `${m.group}/${m.previousKey === m.key ? m.key : `${m.previousKey}→${m.key}`} ${m.before}→${m.after}`,
      );
    expect(moved(h.comparisons[0].improved)).toEqual([
      'health/interpreters 0→50',
      'social-assistance/federal-benefits→federal-benefits-access 0→50',
      'social-assistance/creas-referral→paefi-follow-up 50→100',
      'social-assistance/suas-staff-training 50→100',
    ]);
    expect(h.comparisons[0].regressed).toEqual([]);
  });

  it('history 2021 → 2024 crosses health v1 → v2 (eMulti): outreach compared as community outreach, the NASF-era list removed', async () => {
    const h = (await app.request('GET', `/api/governments/${PORTO_ALEGRE}/history`)).body;
    const health = h.comparisons[1].groups.find((g: any) => g.group === 'health');
    expect(health.comparability).toBe('shared-items');
    expect([health.before.questionnaireVersion, health.after.questionnaireVersion]).toEqual([1, 2]);
    // v1 (weights 4, 2, 3, 3, 3, 3, 1 = 19): (400 + 200 + 300 + 300 + 150 + 150 + 100)/19 = 1600/19 = 84.2;
    // v2 (weights 4, 2, 3, 2, 3, 3, 3, 3, 3, 3 = 29): (400 + 200 + 300 + 0 + 300 + 300 + 300 + 300 + 150 + 300)/29 = 87.9.
    expect([health.before.score, health.after.score, health.delta]).toEqual([84.2, 87.9, 3.7]);
    // Six paired items counted in both (weights 4, 2, 3, 3, 3, 3 = 18): 1500/18 = 83.3 before, 1800/18 = 100 after.
    expect(health.sharedItems).toEqual({ compared: 6, before: 83.3, after: 100, delta: 16.7 });
    expect(
      health.items
        .filter((i: any) => i.renamed)
        .map((i: any) => [i.previousKey, i.key, i.before.points, i.after.points]),
    ).toEqual([['outreach', 'community-outreach', 50, 100]]);
    expect(health.notComparable.removed.map((i: any) => [i.key, i.points])).toEqual([['outreach-actions', 100]]);
    expect(health.notComparable.new.map((i: any) => [i.key, i.points])).toEqual([
      ['emulti-support', 0],
      ['health-staff-trained', null],
      ['vaccination-outreach', 100],
      ['mental-health', 50],
      ['sexual-reproductive-health', 100],
    ]);
    expect(health.notComparable.new[0].label['pt-BR']).toContain('eMulti');
    expect(h.comparisons[1].groups.find((g: any) => g.group === 'social-assistance').comparability).toBe(
      'same-questionnaire',
    );
    const moved = h.comparisons[1].improved.map((m: any) => `${m.group}/${m.previousKey}→${m.key}`);
    expect(moved).toEqual(
      expect.arrayContaining([
        'health/interpreters→interpreters',
        'health/outreach→community-outreach',
        'social-assistance/federal-benefits-access→federal-benefits-access',
        'social-assistance/unaccompanied-children→unaccompanied-children',
        'social-assistance/trafficking-referral→trafficking-referral',
      ]),
    );
  });

  it('exports each edition with the answers of a kept or renamed item in one column under its latest key', async () => {
    const download = async (path: string) => {
      const res = await fetch(app.baseUrl + path, { headers: auth(tokens.reviewer) });
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, unknown>[];
    };
    const [y2020] = await download('/api/editions/2020/export?format=json');
    const [y2021] = await download('/api/editions/2021/export?format=json');
    const [y2024] = await download('/api/editions/2024/export?format=json');
    const columns = Object.keys(y2020);
    expect(Object.keys(y2024)).toEqual(columns);
    for (const gone of ['social-assistance.creas-referral', 'social-assistance.federal-benefits', 'health.outreach'])
      expect(columns).not.toContain(gone);
    const pick = (row: Record<string, unknown>, keys: string[]) => keys.map((k) => row[k]);
    const keys = [
      'version.social-assistance',
      'version.health',
      'social-assistance.federal-benefits-access',
      'social-assistance.paefi-follow-up',
      'social-assistance.cadunico-registration',
      'social-assistance.unaccompanied-children',
      'health.community-outreach',
      'health.emulti-support',
      'health.interpreters',
    ];
    expect(pick(y2020, keys)).toEqual([1, 1, 'no', 'partial', 'yes', null, 'partial', null, 'no']);
    expect(pick(y2021, keys)).toEqual([2, 1, 'partial', 'yes', 'yes', 'no', 'partial', null, 'partial']);
    expect(pick(y2024, keys)).toEqual([2, 2, 'yes', 'yes', 'yes', 'partial', 'yes', 'no', 'yes']);
    // The item health v2 dropped keeps its own column, filled only where v1 was answered.
    expect(y2021['health.outreach-actions']).toEqual(expect.arrayContaining(['vaccination', 'mental-health']));
    expect(y2024['health.outreach-actions']).toBeNull();
    expect([y2020, y2021, y2024].map((r) => r.index)).toEqual([2020, 2021, 2024].map((y) => snapshots[y].index.index));
  });
});
