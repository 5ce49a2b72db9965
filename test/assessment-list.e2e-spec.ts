import { STATE_LABELS } from '../src/core/assessment/assessment-state';
import { translate } from '../src/core/i18n/message';
import { answerAndSubmit, reviewAndApprove } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const CANOAS = '4304606';
const RIO_GRANDE_DO_SUL = '43';
const SAO_PAULO = '3550308';
const PORTO_VELHO = '1100205';

interface Listed {
  id: string;
  editionYear: number;
  government: { ibgeCode: string; name: string; uf: string; kind: string };
  state: string;
  stateLabel: { 'pt-BR': string; en: string };
  round: number;
  submittedAt: string | null;
  approvedAt: string | null;
  index: number | null;
  updatedAt: string;
}

describe('listing assessments across governments (GET /api/assessments)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let tokens: { admin: string; reviewer: string; certifier: string; official: string; saoPaulo: string };
  let approvedIndex: number;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    const official = await createUser(app, boot.tokens.admin, 'focal@portoalegre.test', 'official', PORTO_ALEGRE);
    const saoPaulo = await createUser(app, boot.tokens.admin, 'focal@saopaulo.test', 'official', SAO_PAULO);
    tokens = { ...boot.tokens, official, saoPaulo };
    await createEdition(app, tokens.admin, 2025);
    await createEdition(app, tokens.admin, 2026);
    for (const code of [PORTO_ALEGRE, CANOAS, RIO_GRANDE_DO_SUL, SAO_PAULO, PORTO_VELHO])
      await enrol(app, tokens.admin, 2025, code);
    const poa2025 = (await app.request('GET', `/api/assessments?government=${PORTO_ALEGRE}`, undefined, auth(official)))
      .body.items[0].id;
    await enrol(app, tokens.admin, 2026, PORTO_ALEGRE);
    const sp2026 = await enrol(app, tokens.admin, 2026, SAO_PAULO);
    // Porto Alegre's 2025 diagnosis approved (it has an index), São Paulo's 2026 one submitted.
    await answerAndSubmit(app, official, poa2025);
    approvedIndex = (await reviewAndApprove(app, tokens.reviewer, poa2025)).scoreSnapshot.index.index;
    await answerAndSubmit(app, saoPaulo, sp2026.id);
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const list = async (query: string, token: string) => {
    const r = await app.request('GET', `/api/assessments${query}`, undefined, auth(token));
    if (r.status !== 200) throw new Error(`GET /api/assessments${query}: ${r.status} ${r.text}`);
    return r.body as { total: number; limit: number; offset: number; items: Listed[] };
  };
  const rows = (page: { items: Listed[] }) => page.items.map((a) => `${a.editionYear} ${a.government.name}`);

  it('lists every government\u2019s assessments to an administrator, newest edition first, then by name', async () => {
    const page = await list('', tokens.admin);
    expect(page).toMatchObject({ total: 7, limit: 50, offset: 0 });
    expect(rows(page)).toEqual([
      '2026 Porto Alegre',
      '2026 São Paulo',
      '2025 Canoas',
      '2025 Porto Alegre',
      '2025 Porto Velho',
      '2025 Rio Grande do Sul',
      '2025 São Paulo',
    ]);
    const approved = page.items.find((a) => a.editionYear === 2025 && a.government.ibgeCode === PORTO_ALEGRE)!;
    expect(approved).toMatchObject({
      government: { ibgeCode: PORTO_ALEGRE, name: 'Porto Alegre', uf: 'RS', kind: 'municipality' },
      state: 'approved',
      stateLabel: STATE_LABELS.approved,
      round: 1,
      index: approvedIndex,
    });
    expect(approved.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(approved.approvedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const enrolled = page.items.find((a) => a.government.ibgeCode === CANOAS)!;
    expect(enrolled).toMatchObject({ state: 'enrolled', submittedAt: null, approvedAt: null, index: null });
    expect(new Date(enrolled.updatedAt).toISOString()).toBe(enrolled.updatedAt);
    const submitted = page.items.find((a) => a.editionYear === 2026 && a.government.ibgeCode === SAO_PAULO)!;
    expect(submitted).toMatchObject({ state: 'submitted', index: null, approvedAt: null });
    expect(submitted.stateLabel).toEqual(STATE_LABELS.submitted);
  });

  it.each([
    ['?edition=2025', 5],
    ['?uf=RS', 4],
    ['?uf=rs', 4],
    ['?kind=state', 1],
    ['?kind=municipality&uf=RS&edition=2025', 2],
    ['?state=submitted', 1],
    ['?state=approved&edition=2025', 1],
    [`?government=${PORTO_ALEGRE}`, 2],
    ['?q=porto', 3],
    ['?q=S%C3%83O%20pau', 2],
    ['?edition=2024', 0],
  ])('filters for a reviewer: %s gives %i', async (query, total) => {
    const page = await list(query, tokens.reviewer);
    expect(page.total).toBe(total);
    expect(page.items).toHaveLength(total);
  });

  it('applies every filter to the rows it answers', async () => {
    const page = await list('?uf=RS&kind=municipality', tokens.reviewer);
    expect(page.items.every((a) => a.government.uf === 'RS' && a.government.kind === 'municipality')).toBe(true);
    expect((await list('?q=porto', tokens.reviewer)).items.every((a) => a.government.name.startsWith('Porto'))).toBe(
      true,
    );
    expect((await list('?state=submitted', tokens.certifier)).items.map((a) => a.government.ibgeCode)).toEqual([
      SAO_PAULO,
    ]);
  });

  it('pages without overlap or gap, the total the same on every page', async () => {
    const whole = await list('', tokens.reviewer);
    const seen: string[] = [];
    for (let offset = 0; offset < 8; offset += 3) {
      const page = await list(`?limit=3&offset=${offset}`, tokens.reviewer);
      expect(page).toMatchObject({ total: 7, limit: 3, offset });
      seen.push(...page.items.map((a) => a.id));
    }
    expect(seen).toEqual(whole.items.map((a) => a.id));
    expect(await list('?limit=3&offset=30', tokens.reviewer)).toEqual({ total: 7, limit: 3, offset: 30, items: [] });
    expect((await list('?edition=2025&limit=2&offset=4', tokens.admin)).items.map((a) => a.government.name)).toEqual([
      'São Paulo',
    ]);
  });

  it('sorts by edition, name or index on request', async () => {
    expect(rows(await list('?sort=edition&limit=2', tokens.admin))).toEqual(['2025 Canoas', '2025 Porto Alegre']);
    expect(rows(await list('?sort=name&limit=3', tokens.admin))).toEqual([
      '2025 Canoas',
      '2026 Porto Alegre',
      '2025 Porto Alegre',
    ]);
    expect(rows(await list('?sort=-index&limit=1', tokens.admin))).toEqual(['2025 Porto Alegre']);
    const byIndex = (await list('?sort=-index', tokens.admin)).items;
    expect(byIndex.map((a) => a.index)).toEqual([approvedIndex, null, null, null, null, null, null]);
    expect(byIndex.slice(1, 3).map((a) => a.government.name)).toEqual(['Canoas', 'Porto Alegre']);
  });

  it('shows an official only their own government\u2019s assessments, in the same shape', async () => {
    const own = await list('', tokens.official);
    expect(own.total).toBe(2);
    expect(own.items.map((a) => [a.editionYear, a.government.ibgeCode])).toEqual([
      [2026, PORTO_ALEGRE],
      [2025, PORTO_ALEGRE],
    ]);
    expect((await list('?edition=2025', tokens.official)).items.map((a) => a.state)).toEqual(['approved']);
    // Another government is a filter that matches none of theirs, as on the route before the paging.
    expect(await list(`?government=${SAO_PAULO}`, tokens.official)).toEqual({
      total: 0,
      limit: 50,
      offset: 0,
      items: [],
    });
    expect((await list('?uf=SP', tokens.saoPaulo)).items.map((a) => a.editionYear)).toEqual([2026, 2025]);
  });

  it.each([
    ['edition=abc', 'edition'],
    ['edition=20.5', 'edition'],
    ['uf=R1', 'uf'],
    ['kind=city', 'kind'],
    ['state=done', 'state'],
    ['government=123', 'government'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=size', 'sort'],
    ['sort=-updated', 'sort'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['page=2', 'page'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const r = await app.request('GET', `/api/assessments?${query}`, undefined, auth(tokens.admin));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    const problem = r.body.errors.find((e: { field: string }) => e.field === field);
    expect(problem).toBeDefined();
    expect(problem.message).toBeTruthy();
    expect(problem.messageEn).toBeTruthy();
  });

  it('says what a state abbreviation or an IBGE code looks like, in both languages', async () => {
    const r = await app.request('GET', '/api/assessments?uf=R1&government=123', undefined, auth(tokens.admin));
    const byField = Object.fromEntries(r.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField.uf).toMatchObject({ message: translate('common.validation.uf', 'pt-BR') });
    expect(byField.uf.messageEn).toBe(translate('common.validation.uf', 'en'));
    expect(byField.government.message).toBe(translate('common.validation.ibge-code', 'pt-BR'));
  });

  it('takes up to 200 a page', async () => {
    expect((await list('?limit=200', tokens.admin)).limit).toBe(200);
  });
});
