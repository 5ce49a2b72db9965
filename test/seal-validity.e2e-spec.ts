import { ADMIN, auth, createEdition, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const POA = '4314902';
const CANOAS = '4304606';

const calendar = (year: number) => ({
  enrolmentOpens: `${year}-03-01`,
  enrolmentCloses: `${year}-04-15`,
  diagnosisDeadline: `${year}-06-30`,
  reviewDeadline: `${year}-08-31`,
  certificationDate: `${year}-10-15`,
});

describe('seal validity: valid from the day of issue, never issued already expired, counted apart from issued', () => {
  const scratch = scratchDir();
  let app: RunningApp;
  const t: Record<string, string> = {};
  let old: string;
  let seal: any;

  const boot = async (clock: string) => {
    app = await bootApp(
      testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, CLOCK_START: clock }),
    );
    t.admin = await login(app, ADMIN.email, ADMIN.password);
  };

  beforeAll(async () => {
    await boot('2026-12-01T12:00:00Z');
    t.reviewer = await createUser(app, t.admin, 'revisora@oim.test', 'reviewer');
    t.certifier = await createUser(app, t.admin, 'certificadora@ufrgs.test', 'certifier');
    t.poa = await createUser(app, t.admin, 'focal@poa.test', 'official', POA);
    t.canoas = await createUser(app, t.admin, 'focal@canoas.test', 'official', CANOAS);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    scratch.cleanup();
  });

  it('validates an edition\u2019s seal validity', async () => {
    const r = await app.request(
      'POST',
      '/api/editions',
      { year: 2023, calendar: calendar(2023), sealValidity: { kind: 'fixed' } },
      auth(t.admin),
    );
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => e.field)).toEqual(['sealValidity.until']);
  });

  it('refuses a seal that would already be expired on the day, naming the dates, single and batch', async () => {
    for (const [year, sealValidity] of [
      [2024, { kind: 'until-next-certification' }],
      [2025, undefined],
    ] as const) {
      const r = await app.request(
        'POST',
        '/api/editions',
        { year, calendar: calendar(year), ...(sealValidity ? { sealValidity } : {}) },
        auth(t.admin),
      );
      expect(r.status).toBe(201);
    }
    expect((await app.request('GET', '/api/editions/2025')).body.sealValidity).toEqual({ kind: 'one-year' });
    // A late 2024 diagnosis: enrolled by the administration, its deadline extended for the government.
    old = (await enrol(app, t.admin, 2024, CANOAS)).id;
    const extended = await app.request(
      'POST',
      '/api/editions/2024/deadline-extensions',
      { governmentCode: CANOAS, until: '2026-12-31', reason: 'Diagnóstico retomado após a troca de gestão.' },
      auth(t.admin),
    );
    expect(extended.status).toBe(201);
    await driveToPriorities(app, { official: t.canoas, reviewer: t.reviewer }, old);

    const refused = await app.request('POST', `/api/assessments/${old}/certificate`, undefined, auth(t.certifier));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SEAL_WOULD_BE_EXPIRED');
    expect(refused.body.message).toContain('01/12/2026');
    expect(refused.body.message).toContain('15/10/2025');
    expect(refused.body.messageEn).toContain('15 Oct 2025');
    expect(refused.body.details).toMatchObject({ issueDate: '2026-12-01', validUntil: '2025-10-15' });
    expect((await app.request('GET', `/api/assessments/${old}`, undefined, auth(t.canoas))).body.state).toBe(
      'priorities-set',
    );

    const batch = await app.request('POST', '/api/editions/2024/certificate-batches', undefined, auth(t.certifier));
    expect(batch.status).toBe(422);
    expect(batch.body.code).toBe('SEAL_WOULD_BE_EXPIRED');
    expect(batch.body.message).toContain('15/10/2025');
  }, 180_000);

  it('issues a seal valid from its issue day for a year, stating the level its index reaches', async () => {
    await createEdition(app, t.admin, 2026);
    const id = (await enrol(app, t.poa, 2026, POA)).id;
    await driveToPriorities(app, { official: t.poa, reviewer: t.reviewer }, id);
    const index = (await app.request('GET', `/api/assessments/${id}`, undefined, auth(t.poa))).body.scoreSnapshot.index
      .index;
    expect(index).toBeGreaterThanOrEqual(75);
    const r = await app.request('POST', `/api/assessments/${id}/certificate`, undefined, auth(t.certifier));
    expect(r.status).toBe(201);
    seal = r.body;
    expect(seal).toMatchObject({
      status: 'valid',
      validFrom: '2026-12-01',
      validUntil: '2027-12-01',
      level: 'reference',
      levelLabel: { 'pt-BR': 'Referência', en: 'Reference' },
    });
    const page = await app.request('GET', `/verify/${seal.number}`);
    expect(page.text).toContain('Selo válido');
    expect(page.text).toContain('01/12/2026 a 01/12/2027');
    expect(page.text).toContain('Referência');
    const mail = (await app.request('GET', '/api/notifications', undefined, auth(t.poa))).body.find(
      (n: any) => n.kind === 'seal-issued',
    );
    expect(mail.body).toContain('válido de 01/12/2026 até 01/12/2027');
  }, 180_000);

  it('counts valid seals apart from issued ones on the dashboard and the public page', async () => {
    const dashboard = (await app.request('GET', '/api/dashboard/national?edition=2026')).body;
    expect(dashboard.seals).toEqual({ issued: 1, valid: 1, expired: 0, revoked: 0 });
    expect(dashboard.editions.find((e: any) => e.year === 2026)).toMatchObject({ certified: 1, validSeals: 1 });
    expect((await app.request('GET', '/painel?edition=2026')).text).toMatch(/<strong>1<\/strong>selos válidos hoje/);
    const page = (await app.request('GET', '/certificados/2026')).text;
    expect(page).toMatch(/<strong>1<\/strong> governos com selo válido/);
    expect(page).toContain('Referência');
    await app.close();
  });

  it('shows the same seal expired once its validity has passed, and counts it so', async () => {
    await boot('2028-01-15T12:00:00Z');
    expect((await app.request('GET', `/api/verify/${seal.number}`)).body).toMatchObject({
      status: 'expired',
      validUntil: '2027-12-01',
    });
    expect((await app.request('GET', `/verify/${seal.number}`)).text).toContain('Selo expirado');
    const dashboard = (await app.request('GET', '/api/dashboard/national?edition=2026')).body;
    expect(dashboard.seals).toEqual({ issued: 1, valid: 0, expired: 1, revoked: 0 });
    expect(dashboard.totals.certified).toBe(1);
    const page = (await app.request('GET', '/certificados/2026')).text;
    expect(page).toMatch(/<strong>0<\/strong> governos com selo válido/);
    expect(page).toMatch(/Selos emitidos: <strong class="issued">1<\/strong>/);
    expect(page).toMatch(/expirados: <strong class="expired">1<\/strong>/);
  }, 60_000);
});
