import type { Questionnaire } from '../src/core/questionnaire/questionnaire.types';
import { bestAnswers, evidenceRequiredKeys, worstAnswers } from './support/answers';
import { bootApp, onPostgres, type RunningApp, scratchDir, testConfig } from './support/test-app';

const SLUGS = [
  'governance',
  'capacity-building',
  'participation',
  'transparency',
  'partnerships',
  'health',
  'education',
  'social-assistance',
  'labour',
  'protection',
];

describe('read API on the booted app (real SQLite file, real HTTP)', () => {
  let app: RunningApp;
  let cleanup: () => void;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir));
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('reports health: database in WAL mode, reference data and questionnaires loaded', async () => {
    const r = await app.request('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      status: 'ok',
      database: onPostgres()
        ? { type: 'postgres', governments: 5597 }
        : { type: 'sqlite', journalMode: 'wal', governments: 5597 },
      indicatorGroups: 10,
      questionnaireVersions: 13,
    });
  });

  it('lists the ten indicator groups in order, with titles in both languages and their versions', async () => {
    const r = await app.request('GET', '/api/indicator-groups');
    expect(r.status).toBe(200);
    expect(r.body.map((g: { number: number; slug: string }) => [g.number, g.slug])).toEqual(
      SLUGS.map((s, i) => [i + 1, s]),
    );
    const protection = r.body[9];
    expect(protection.versions.map((v: { version: number; follows: number | null }) => [v.version, v.follows])).toEqual(
      [
        [1, null],
        [2, 1],
      ],
    );
    expect(protection.title['pt-BR']).toBe(
      'Acesso, acolhimento e serviços de proteção: gênero, LGBTIQ+ e igualdade racial',
    );
    expect(protection.versions[0].title['pt-BR']).toBe(
      'Acesso e acolhimento a vítimas de violência de gênero migrantes aos serviços de proteção',
    );
    for (const g of r.body) {
      expect(g.title['pt-BR']).toBeTruthy();
      expect(g.title.en).toBeTruthy();
    }
  });

  describe.each(SLUGS)('group %s', (slug) => {
    let versions: Questionnaire[];
    beforeAll(async () => {
      const list = await app.request('GET', '/api/indicator-groups');
      const group = list.body.find((g: { slug: string }) => g.slug === slug);
      versions = await Promise.all(
        group.versions.map(
          async (v: { version: number }) =>
            (await app.request('GET', `/api/indicator-groups/${slug}/versions/${v.version}`)).body,
        ),
      );
    });

    it('serves every version, with at least five items in both languages', () => {
      for (const q of versions) {
        expect(q.group).toBe(slug);
        expect(q.items.length).toBeGreaterThanOrEqual(5);
        for (const item of q.items) {
          expect(item.label['pt-BR']).toBeTruthy();
          expect(item.label.en).toBeTruthy();
        }
      }
    });

    it('scores the best answers 100 once evidence is accepted, less before, and explains every item', async () => {
      for (const q of versions) {
        const path = `/api/indicator-groups/${slug}/versions/${q.version}/score`;
        const accepted = await app.request('POST', path, {
          answers: bestAnswers(q),
          acceptedEvidence: evidenceRequiredKeys(q),
        });
        expect(accepted.status).toBe(200);
        expect(accepted.body).toMatchObject({
          group: slug,
          questionnaireVersion: q.version,
          scoringVersion: 'engine-1/standard-1',
          score: 100,
          level: { key: 'reference' },
        });
        expect(accepted.body.items.map((i: { key: string }) => i.key)).toEqual(q.items.map((i) => i.key));
        for (const item of accepted.body.items) expect(item.explanation['pt-BR']).toBeTruthy();
        expect(accepted.body.recommendations).toEqual([]);

        const pending = await app.request('POST', path, { answers: bestAnswers(q) });
        expect(pending.body.score < 100).toBe(evidenceRequiredKeys(q).length > 0);

        const low = await app.request('POST', path, { answers: worstAnswers(q) });
        expect(low.status).toBe(200);
        expect(low.body.score).toBeLessThan(25);
        expect(low.body.level.key).toBe('initial');
        expect(low.body.recommendations.length).toBeGreaterThan(0);
        for (const rec of low.body.recommendations) expect(rec.recommendation['pt-BR']).toBeTruthy();
      }
    });
  });

  it('scores the index over the ten groups', async () => {
    const list = await app.request('GET', '/api/indicator-groups');
    const groups = await Promise.all(
      list.body.map(async (g: { slug: string; versions: { version: number }[] }, i: number) => {
        const version = g.versions[g.versions.length - 1].version;
        const q: Questionnaire = (await app.request('GET', `/api/indicator-groups/${g.slug}/versions/${version}`)).body;
        // Half the groups fully met, half at the lowest answers.
        return {
          group: g.slug,
          version,
          answers: i % 2 === 0 ? bestAnswers(q) : worstAnswers(q),
          acceptedEvidence: evidenceRequiredKeys(q),
        };
      }),
    );
    const r = await app.request('POST', '/api/index/score', { groups });
    expect(r.status).toBe(200);
    const mean = r.body.groupScores.reduce((s: number, g: { score: number }) => s + g.score, 0) / 10;
    expect(r.body.index).toBeCloseTo(mean, 1);
    expect(r.body.missing).toEqual([]);

    const partial = await app.request('POST', '/api/index/score', { groups: groups.slice(0, 3) });
    expect(partial.body.index).toBeNull();
    expect(partial.body.missing).toHaveLength(7);
  });

  it('compares group 10 v1 and v2 through the key map', async () => {
    const r = await app.request('GET', '/api/indicator-groups/protection/compare?from=1&to=2');
    expect(r.status).toBe(200);
    expect(r.body.shared.length).toBeGreaterThan(0);
    expect(r.body.onlyInTo.length).toBeGreaterThan(0);
  });

  describe('refuses bad scoring input with 400, naming the item and the reason', () => {
    const score = (body: unknown, slug = 'governance', version = '1') =>
      app.request('POST', `/api/indicator-groups/${slug}/versions/${version}/score`, body);

    it.each([
      ['an unknown item key', { answers: { 'no-such-item': 'yes' } }, 'answers.no-such-item', 'UNKNOWN_ITEM'],
      ['a value of the wrong type', { answers: { 'focal-body': 1 } }, 'answers.focal-body', 'WRONG_TYPE'],
      [
        'an option that does not exist',
        { answers: { 'local-policy-instrument': 'constitution' } },
        'answers.local-policy-instrument',
        'UNKNOWN_OPTION',
      ],
      [
        'accepted evidence for an unknown item',
        { answers: {}, acceptedEvidence: ['ghost'] },
        'acceptedEvidence.ghost',
        'UNKNOWN_ITEM',
      ],
      ['answers that are not an object', { answers: 'yes' }, 'answers', 'isObject'],
      ['an unknown top-level field', { answers: {}, extra: true }, 'extra', 'whitelistValidation'],
    ])('%s', async (_name, body, field, code) => {
      const r = await score(body);
      expect(r.status).toBe(400);
      expect(r.body.errors).toContainEqual(expect.objectContaining({ field, code }));
      expect(r.body.message).toBeTruthy();
      expect(r.body.messageEn).toBeTruthy();
    });

    it('an answer meant for another version', async () => {
      const v2: Questionnaire = (await app.request('GET', '/api/indicator-groups/protection/versions/2')).body;
      const v1: Questionnaire = (await app.request('GET', '/api/indicator-groups/protection/versions/1')).body;
      const onlyInV2 = v2.items.find((i) => !v1.items.some((o) => o.key === i.key))!;
      const r = await score({ answers: { [onlyInV2.key]: 'yes' } }, 'protection', '1');
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([
        expect.objectContaining({
          field: `answers.${onlyInV2.key}`,
          code: 'ITEM_OF_OTHER_VERSION',
          messageEn: 'the item belongs to version 2 of the questionnaire, not to version 1',
        }),
      ]);
    });

    it('malformed JSON', async () => {
      const r = await score('{"answers": {');
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'MALFORMED_REQUEST', errors: [expect.objectContaining({ field: 'body' })] });
    });

    it('a version that is not a number, an unknown version, an unknown group', async () => {
      expect((await score({ answers: {} }, 'governance', 'latest')).body).toMatchObject({
        statusCode: 400,
        errors: [expect.objectContaining({ field: 'version' })],
      });
      expect((await score({ answers: {} }, 'governance', '9')).body).toMatchObject({
        statusCode: 404,
        code: 'VERSION_NOT_FOUND',
      });
      expect((await score({ answers: {} }, 'astrology', '1')).body).toMatchObject({
        statusCode: 404,
        code: 'GROUP_NOT_FOUND',
      });
    });
  });

  describe('governments', () => {
    it('lists all 5,597 governments: 5,570 municipalities and 27 federative units', async () => {
      expect((await app.request('GET', '/api/governments')).body.total).toBe(5597);
      expect((await app.request('GET', '/api/governments?kind=municipality&limit=1')).body.total).toBe(5570);
      const states = await app.request('GET', '/api/governments?kind=state&limit=100');
      expect(states.body.total).toBe(27);
      expect(states.body.items).toContainEqual({
        ibgeCode: '53',
        kind: 'state',
        name: 'Distrito Federal',
        uf: 'DF',
        stateName: 'Distrito Federal',
        region: 'Centro-Oeste',
      });
    });

    it('finds Porto Alegre by state and part of the name', async () => {
      const r = await app.request('GET', '/api/governments?uf=RS&q=porto');
      expect(r.status).toBe(200);
      expect(r.body.items[0]).toEqual({
        ibgeCode: '4314902',
        kind: 'municipality',
        name: 'Porto Alegre',
        uf: 'RS',
        stateName: 'Rio Grande do Sul',
        region: 'Sul',
      });
      expect(r.body.items.every((g: { uf: string }) => g.uf === 'RS')).toBe(true);
    });

    it('ignores accents and case', async () => {
      for (const q of ['SÃO PAULO', 'sao paulo', 'São Paulo']) {
        const r = await app.request('GET', `/api/governments?uf=sp&q=${encodeURIComponent(q)}`);
        expect(r.body.items.map((g: { name: string }) => g.name)).toContain('São Paulo');
      }
      const r = await app.request('GET', `/api/governments?q=${encodeURIComponent('goiania')}`);
      expect(r.body.items.map((g: { name: string }) => g.name)).toContain('Goiânia');
    });

    it('paginates and reports the total', async () => {
      const first = await app.request('GET', '/api/governments?uf=RS&limit=10&offset=0');
      const second = await app.request('GET', '/api/governments?uf=RS&limit=10&offset=10');
      expect(first.body.total).toBe(second.body.total);
      expect(first.body.total).toBe(498);
      expect(first.body.items).toHaveLength(10);
      const ids = new Set([...first.body.items, ...second.body.items].map((g: { ibgeCode: string }) => g.ibgeCode));
      expect(ids.size).toBe(20);
    });

    it('refuses bad filters with 400 naming the field', async () => {
      for (const [query, field] of [
        ['uf=Rio', 'uf'],
        ['kind=city', 'kind'],
        ['limit=0', 'limit'],
        ['offset=-1', 'offset'],
        ['limit=ten', 'limit'],
        ['colour=red', 'colour'],
      ]) {
        const r = await app.request('GET', `/api/governments?${query}`);
        expect(r.status).toBe(400);
        expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('gets one government by IBGE code, or 404', async () => {
      expect((await app.request('GET', '/api/governments/3550308')).body.name).toBe('São Paulo');
      expect((await app.request('GET', '/api/governments/9999999')).status).toBe(404);
    });
  });

  it('serves the OpenAPI documentation', async () => {
    const html = await app.request('GET', '/api/docs');
    expect(html.status).toBe(200);
    expect(html.text).toContain('swagger');
    const spec = await app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/indicator-groups',
        '/api/indicator-groups/{slug}/versions/{version}',
        '/api/indicator-groups/{slug}/versions/{version}/score',
        '/api/governments',
      ]),
    );
  });
});
