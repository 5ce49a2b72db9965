import { answerAndSubmit } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const CANOAS = '4304606';

const practice = (overrides: Record<string, unknown> = {}) => ({
  title: 'Centro de Referência e Atendimento a Imigrantes',
  description:
    'Atendimento em espanhol, francês e crioulo haitiano, com orientação sobre documentos e encaminhamento à rede de serviços.',
  group: 'transparency',
  link: 'https://prefeitura.poa.br/crai',
  startYear: 2018,
  ...overrides,
});

describe('good practices: recorded in the diagnosis, reviewed, published as practice sheets', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let poa: string;
  let canoas: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    t.poa = await createUser(app, t.admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    t.canoas = await createUser(app, t.admin, 'focal@canoas.test', 'official', CANOAS);
    await createEdition(app, t.admin, 2025);
    poa = (await enrol(app, t.poa, 2025, PORTO_ALEGRE)).id;
    canoas = (await enrol(app, t.canoas, 2025, CANOAS)).id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const post = (id: string, body: unknown, token: string) =>
    app.request('POST', `/api/assessments/${id}/good-practices`, body, auth(token));
  const review = (id: string, body: unknown, token: string) =>
    app.request('PUT', `/api/good-practices/${id}/review`, body, auth(token));
  const fields = (r: { body: { errors?: { field: string }[] } }) =>
    [...new Set((r.body.errors ?? []).map((e) => e.field))].sort();

  it('refuses bad input with 400, naming each field at fault', async () => {
    const bad = await post(
      poa,
      { title: 'abc', description: 'curta', group: 'Saúde', link: 'ftp://exemplo.org', startYear: 1800, extra: 1 },
      t.poa,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(fields(bad)).toEqual(['description', 'extra', 'group', 'link', 'startYear', 'title']);
    const title = bad.body.errors.find((e: { field: string }) => e.field === 'title');
    expect([title.message, title.messageEn]).toEqual([
      'deve ter ao menos 5 caracteres',
      'must be at least 5 characters long',
    ]);

    const unknownGroup = await post(poa, practice({ group: 'housing' }), t.poa);
    expect(unknownGroup.status).toBe(400);
    expect(fields(unknownGroup)).toEqual(['group']);
    expect(unknownGroup.body.errors[0].allowed).toContain('transparency');
    expect(unknownGroup.body.errors[0].message).toBe('este grupo de indicadores não faz parte desta avaliação');

    const future = await post(poa, practice({ startYear: new Date().getFullYear() + 1 }), t.poa);
    expect(future.status).toBe(400);
    expect(fields(future)).toEqual(['startYear']);

    const blank = await post(poa, practice({ title: '      ' }), t.poa);
    expect(fields(blank)).toEqual(['title']);
  });

  it('lets only the government\u2019s own officials record practices', async () => {
    expect((await post(poa, practice(), t.canoas)).status).toBe(403);
    expect((await post(poa, practice(), t.reviewer)).status).toBe(403);
    expect((await app.request('POST', `/api/assessments/${poa}/good-practices`, practice())).status).toBe(401);
  });

  it('records practices as pending review, seen by the government and the reviewers but not by others', async () => {
    for (const [name, body] of Object.entries({
      crai: practice(),
      classes: practice({
        title: 'Português como língua de acolhimento nas escolas',
        group: 'education',
        link: undefined,
        startYear: undefined,
      }),
      fair: practice({ title: 'Feira gastronômica sem participação de migrantes', group: 'participation' }),
    })) {
      const r = await post(poa, body, t.poa);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        title: body.title,
        status: 'pending',
        reviewComment: null,
        group: { slug: body.group },
      });
      ids[name] = r.body.id;
    }
    expect(
      (await post(canoas, practice({ title: 'Comitê municipal de migrantes', group: 'governance' }), t.canoas)).status,
    ).toBe(201);

    const mine = await app.request('GET', `/api/assessments/${poa}/good-practices`, undefined, auth(t.poa));
    expect(mine.body.map((p: { title: string; status: string }) => [p.title, p.status])).toEqual([
      ['Centro de Referência e Atendimento a Imigrantes', 'pending'],
      ['Português como língua de acolhimento nas escolas', 'pending'],
      ['Feira gastronômica sem participação de migrantes', 'pending'],
    ]);
    expect(mine.body[0].group).toMatchObject({
      slug: 'transparency',
      number: 4,
      title: { 'pt-BR': 'Transparência e acesso à informação para migrantes' },
    });
    expect(
      (await app.request('GET', `/api/assessments/${poa}/good-practices`, undefined, auth(t.certifier))).body,
    ).toHaveLength(3);
    expect((await app.request('GET', `/api/assessments/${poa}/good-practices`, undefined, auth(t.canoas))).status).toBe(
      403,
    );
    expect((await app.request('GET', '/api/good-practices')).body).toEqual({
      total: 0,
      limit: 20,
      offset: 0,
      items: [],
    });
  });

  it('refuses to approve a practice while its diagnosis has not been submitted, naming the state in words', async () => {
    const early = await review(ids.crai, { decision: 'approve' }, t.reviewer);
    expect([early.status, early.body.code, early.body.details]).toEqual([
      409,
      'DIAGNOSIS_NOT_SUBMITTED',
      { currentState: 'enrolled' },
    ]);
    expect(early.body.message).toBe(
      'Uma boa prática só pode ser aprovada depois que o governo envia o diagnóstico; a avaliação está "inscrito".',
    );
    expect(early.body.messageEn).toContain('the assessment is "enrolled"');
    const seen = (await app.request('GET', `/api/assessments/${poa}/good-practices`, undefined, auth(t.poa))).body;
    expect(seen.find((p: { id: string }) => p.id === ids.crai).status).toBe('pending');
    expect((await app.request('GET', '/api/good-practices')).body.total).toBe(0);
  });

  it('takes no new practices once the diagnosis is submitted', async () => {
    await answerAndSubmit(app, t.poa, poa);
    const late = await post(poa, practice({ title: 'Prática enviada depois do prazo' }), t.poa);
    expect([late.status, late.body.code]).toEqual([409, 'ASSESSMENT_LOCKED']);
    expect(late.body.message).toContain('durante o diagnóstico');
  });

  it('lets reviewers approve, or reject with a comment the government reads', async () => {
    expect((await review(ids.crai, { decision: 'approve' }, t.poa)).status).toBe(403);
    const noComment = await review(ids.fair, { decision: 'reject' }, t.reviewer);
    expect(noComment.status).toBe(400);
    expect(fields(noComment)).toEqual(['comment']);
    expect(fields(await review(ids.fair, { decision: 'maybe' }, t.reviewer))).toEqual(['decision']);
    const unknown = await review('00000000-0000-0000-0000-000000000000', { decision: 'approve' }, t.reviewer);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'GOOD_PRACTICE_NOT_FOUND']);

    expect(
      (await review(ids.crai, { decision: 'approve', comment: 'Serviço consolidado.' }, t.reviewer)).body,
    ).toMatchObject({ status: 'approved' });
    expect((await review(ids.classes, { decision: 'approve' }, t.admin)).body).toMatchObject({
      status: 'approved',
      reviewComment: null,
    });
    expect(
      (
        await review(
          ids.fair,
          { decision: 'reject', comment: 'A prática não envolve a população migrante.' },
          t.reviewer,
        )
      ).body,
    ).toMatchObject({ status: 'rejected' });

    const seen = (await app.request('GET', `/api/assessments/${poa}/good-practices`, undefined, auth(t.poa))).body;
    expect(seen.find((p: { id: string }) => p.id === ids.fair)).toMatchObject({
      status: 'rejected',
      reviewComment: 'A prática não envolve a população migrante.',
    });
    const trail = (await app.request('GET', `/api/assessments/${poa}/audit`, undefined, auth(t.reviewer))).body;
    const actions = trail
      .filter((e: { entity: string }) => e.entity === 'good-practice')
      .map((e: { action: string; actorRole: string }) => `${e.action} by ${e.actorRole}`);
    expect(actions).toEqual([
      'good-practice.create by official',
      'good-practice.create by official',
      'good-practice.create by official',
      'good-practice.approve by reviewer',
      'good-practice.approve by admin',
      'good-practice.reject by reviewer',
    ]);
  });

  it('publishes only approved practices, with the government, state and edition, filtered and paginated', async () => {
    const all = (await app.request('GET', '/api/good-practices')).body;
    expect(all.total).toBe(2);
    expect(all.items.map((p: { title: string }) => p.title).sort()).toEqual([
      'Centro de Referência e Atendimento a Imigrantes',
      'Português como língua de acolhimento nas escolas',
    ]);
    expect(all.items.find((p: { id: string }) => p.id === ids.crai)).toMatchObject({
      description: practice().description,
      group: { slug: 'transparency', number: 4 },
      link: 'https://prefeitura.poa.br/crai',
      startYear: 2018,
      editionYear: 2025,
      government: { ibgeCode: PORTO_ALEGRE, name: 'Porto Alegre', uf: 'RS', kind: 'municipality' },
    });
    expect(JSON.stringify(all)).not.toContain('Feira gastronômica');
    expect(JSON.stringify(all)).not.toContain('Comitê municipal');

    expect(
      (await app.request('GET', '/api/good-practices?group=education')).body.items.map((p: { id: string }) => p.id),
    ).toEqual([ids.classes]);
    expect((await app.request('GET', '/api/good-practices?uf=rs&edition=2025')).body.total).toBe(2);
    expect((await app.request('GET', '/api/good-practices?uf=SP')).body.total).toBe(0);
    expect((await app.request('GET', '/api/good-practices?edition=2024')).body.total).toBe(0);
    const page = (await app.request('GET', '/api/good-practices?limit=1&offset=1')).body;
    expect([page.total, page.limit, page.offset, page.items.length]).toEqual([2, 1, 1, 1]);
    const bad = await app.request('GET', '/api/good-practices?limit=0&uf=R');
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['limit', 'uf']);

    const html = await app.request('GET', '/boas-praticas?uf=rs&limit=1');
    expect(html.status).toBe(200);
    expect(html.text).toContain('2 fichas (RS)');
    expect(html.text).toContain('Porto Alegre (RS) · edição 2025');
    expect(html.text.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')).toContain(
      'href="/boas-praticas?uf=RS&limit=1&offset=1"',
    );
    expect(html.text).not.toContain('Feira gastronômica');
    const badUf = await app.request('GET', '/boas-praticas?uf=R');
    expect(badUf.status).toBe(400);
    expect(badUf.text).toContain('UF: use a sigla do estado');
    expect(badUf.text).toMatch(/id="uf" name="uf"[^>]*aria-invalid="true"/);
  });
});
