import { DEMO_PASSWORD, DEMO_USERS } from '../src/core/demo/demo-data.service';
import { auth, enrol, login } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const BOA_VISTA = '1400100';
const RIO_GRANDE_DO_SUL = '43';
const SAO_PAULO = '3550308';

/**
 * The demo as a person finds it on three different days: the machine's, and two the clock is started on
 * (CLOCK_START), one in the middle of a year and one near the end of another.
 */
describe.each([
  ['today', undefined],
  ['2027-03-15', '2027-03-15'],
  ['2029-09-20', '2029-09-20'],
])('demo data (DEMO_DATA=1) started on %s', (_day, clockStart) => {
  let app: RunningApp;
  let dir: string;
  let cleanup: () => void;
  let reviewer: string;
  let today: string;
  let current: number;

  const get = async (path: string, token = reviewer) => {
    const r = await app.request('GET', path, undefined, auth(token));
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  /** A government's assessments, oldest edition first. */
  const assessmentsOf = async (code: string) =>
    (await get(`/api/assessments?government=${code}&sort=edition`)).items as {
      id: string;
      editionYear: number;
      state: string;
    }[];
  const viewsOf = async (code: string) =>
    Promise.all((await assessmentsOf(code)).map((a) => get(`/api/assessments/${a.id}`)));

  beforeAll(async () => {
    ({ dir, cleanup } = scratchDir());
    app = await bootApp(testConfig(dir, { DEMO_DATA: '1', ...(clockStart ? { CLOCK_START: clockStart } : {}) }));
    reviewer = await login(app, 'revisora@oim.local', DEMO_PASSWORD);
    today = clockStart ?? new Date().toISOString().slice(0, 10);
    current = Math.max(Number(today.slice(0, 4)), 2025);
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('has a user of each role, who can log in with the README\u2019s password', async () => {
    for (const user of DEMO_USERS) {
      const me = await app.request('GET', '/api/auth/me', undefined, auth(await login(app, user.email, DEMO_PASSWORD)));
      expect(me.body).toMatchObject({ email: user.email, role: user.role });
    }
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(['admin', 'reviewer', 'certifier', 'official']));
  });

  it('has the programme\u2019s editions with their versions, and the current one open for enrolment today', async () => {
    const editions = (await app.request('GET', '/api/editions')).body;
    expect(editions.map((e: { year: number }) => e.year)).toEqual([2020, 2021, 2022, 2024, current]);
    const pins = Object.fromEntries(
      editions.map((e: { year: number; pinnedVersions: Record<string, number> }) => [
        e.year,
        [e.pinnedVersions.protection, e.pinnedVersions['social-assistance'], e.pinnedVersions.health],
      ]),
    );
    expect(pins).toEqual({ 2020: [1, 1, 1], 2021: [2, 2, 1], 2022: [2, 2, 1], 2024: [2, 2, 2], [current]: [2, 2, 2] });
    const { calendar } = editions[4];
    expect(calendar.enrolmentOpens <= today && today <= calendar.enrolmentCloses).toBe(true);
    // Porto Alegre has not enrolled in the current edition yet: its focal person can, today.
    const official = await login(app, 'focal@portoalegre.local', DEMO_PASSWORD);
    const enrolled = await enrol(app, official, current, PORTO_ALEGRE);
    expect(enrolled.state).toBe('enrolled');
  });

  it('has São Paulo filling its diagnosis within the deadline, and Rio Grande do Sul\u2019s submitted', async () => {
    const edition = (await app.request('GET', `/api/editions/${current}`)).body;
    expect(edition.calendar.diagnosisDeadline > today).toBe(true);
    const saoPaulo = (await assessmentsOf(SAO_PAULO)).find((a) => a.editionYear === current)!;
    expect(saoPaulo.state).toBe('diagnosis-in-progress');
    const official = await login(app, 'focal@saopaulo.local', DEMO_PASSWORD);
    const view = await get(`/api/assessments/${saoPaulo.id}`, official);
    expect(view.missing.length).toBeGreaterThan(0);
    expect(view.diagnosisDeadline).toMatchObject({ deadline: edition.calendar.diagnosisDeadline, extended: false });
    // The focal person can go on: she confirms an answer carried from 2024.
    const group = view.groups[view.groups.length - 1];
    const carried = group.items.find((i: { answer: { carried: boolean } }) => i.answer.carried);
    const saved = await app.request(
      'PUT',
      `/api/assessments/${saoPaulo.id}/answers`,
      {
        answers: [
          {
            group: group.group,
            itemKey: carried.key,
            value: carried.answer.value,
            expectedVersion: carried.answer.version,
          },
        ],
      },
      auth(official),
    );
    expect(saved.status).toBe(200);
    const rs = (await assessmentsOf(RIO_GRANDE_DO_SUL)).find((a) => a.editionYear === current)!;
    expect(rs.state).toBe('submitted');
  });

  it('has Porto Alegre renewing every real edition, approved, with its index rising and progress reported', async () => {
    const list = await assessmentsOf(PORTO_ALEGRE);
    expect(list.filter((a) => a.editionYear <= 2024).map((a) => [a.editionYear, a.state])).toEqual([
      [2020, 'priorities-set'],
      [2021, 'priorities-set'],
      [2022, 'priorities-set'],
      [2024, 'certified'],
    ]);
    const views = await viewsOf(PORTO_ALEGRE);
    expect(views[3].scoreSnapshot.index.index).toBeGreaterThan(views[0].scoreSnapshot.index.index);
    // 2022 went through a round of changes: one item sent back, corrected with a document, then accepted.
    expect(views[2].round).toBe(2);
    const items = views.flatMap((v) => v.groups.flatMap((g: { items: unknown[] }) => g.items));
    expect(items.some((i: any) => i.answer.reviewStatus === 'adjusted' && i.answer.reviewNote.length > 20)).toBe(true);
    const { previousEditionPriorities } = await get(`/api/assessments/${list[3].id}/priorities`);
    expect(previousEditionPriorities.length).toBeGreaterThan(0);
    expect(previousEditionPriorities.every((p: { progressStatus: string | null }) => p.progressStatus !== null)).toBe(
      true,
    );
  });

  it('counts every positive answer that needs evidence: each has evidence the reviewer accepted', async () => {
    for (const code of [PORTO_ALEGRE, BOA_VISTA, RIO_GRANDE_DO_SUL, SAO_PAULO]) {
      for (const view of await viewsOf(code)) {
        if (!view.scoreSnapshot) continue;
        const unproven = view.scoreSnapshot.groups.flatMap((g: { items: { status: string }[] }) =>
          g.items.filter((i) => /evidence/.test(i.status)),
        );
        expect(unproven).toEqual([]);
      }
    }
  });

  it('has valid seals for 2024, issued through the university, that the public pages count', async () => {
    const seals = (await app.request('GET', '/api/editions/2024/certificates')).body;
    // The numbers the README names.
    expect(seals.map((s: { number: string; ibgeCode: string }) => [s.number, s.ibgeCode])).toEqual([
      ['MC-2024-00001', PORTO_ALEGRE],
      ['MC-2024-00002', RIO_GRANDE_DO_SUL],
      ['MC-2024-00003', SAO_PAULO],
    ]);
    for (const seal of seals) {
      const verified = (await app.request('GET', `/api/verify/${seal.number}`)).body;
      expect(verified).toMatchObject({ status: 'valid', authentic: true, editionYear: 2024 });
      expect(verified.validUntil >= today).toBe(true);
      expect(verified.level).not.toBeNull();
    }
    const pdf = await app.request('GET', '/api/certificates/MC-2024-00001/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    const page = await app.request('GET', '/certificados/2024');
    expect(page.text).toMatch(/<strong>3<\/strong> governos com selo válido/);
  });

  it('has renewals crossing questionnaire versions: groups 8 and 10 in 2021, health in 2024', async () => {
    const versionsOf = async (code: string, group: string) =>
      (await viewsOf(code)).map((v) => [
        v.editionYear,
        v.groups.find((g: { group: string }) => g.group === group).questionnaireVersion,
      ]);
    expect(await versionsOf(BOA_VISTA, 'protection')).toEqual([
      [2020, 1],
      [2021, 2],
    ]);
    expect(await versionsOf(BOA_VISTA, 'social-assistance')).toEqual([
      [2020, 1],
      [2021, 2],
    ]);
    expect((await versionsOf(PORTO_ALEGRE, 'health')).slice(2, 4)).toEqual([
      [2022, 1],
      [2024, 2],
    ]);
  });

  it('reads like a real government\u2019s: commitments, people, services and years', async () => {
    const governments = [PORTO_ALEGRE, BOA_VISTA, RIO_GRANDE_DO_SUL, SAO_PAULO];
    // Porto Alegre's enrolment in the current edition is the test's own (above), not the demo's.
    const views = (await Promise.all(governments.map(viewsOf)))
      .flat()
      .filter((v) => !(v.government.ibgeCode === PORTO_ALEGRE && v.editionYear === current));
    // What betrays generated text: the old placeholder, item keys and group slugs.
    const codes = new Set(
      views.flatMap((v) =>
        v.groups.flatMap((g: { group: string; items: { key: string }[] }) => [g.group, ...g.items.map((i) => i.key)]),
      ),
    );
    const written = [];
    for (const view of views) {
      const { priorities, previousEditionPriorities } = await get(`/api/assessments/${view.id}/priorities`);
      written.push(...priorities.map((p: { commitment: string }) => p.commitment));
      written.push(
        ...previousEditionPriorities
          .map((p: { progressNote: string | null }) => p.progressNote)
          .filter((note: string | null) => note !== null),
      );
      for (const g of view.groups) for (const i of g.items) if (i.answer.reviewNote) written.push(i.answer.reviewNote);
    }
    expect(written.length).toBeGreaterThan(20);
    for (const text of written) {
      expect(text).not.toMatch(/Avançar em/);
      for (const code of codes) expect(text).not.toContain(code);
    }
    for (const view of views) {
      const { focalPerson, substitutes, migrantService } = view.enrolment;
      for (const person of [focalPerson, ...substitutes]) {
        expect(person.name).not.toMatch(/Ponto focal|Suplente/);
        expect(person.department).toMatch(/^(Secretaria|Fundação)/);
      }
      expect(migrantService.address).toMatch(/\d{5}-\d{3}$/);
      const policyYear = view.groups
        .find((g: { group: string }) => g.group === 'governance')
        .items.find((i: { key: string }) => i.key === 'local-policy-year').answer.value;
      expect(policyYear === null || (policyYear >= 2010 && policyYear <= view.editionYear)).toBe(true);
    }
  });

  if (clockStart === undefined) {
    it('loads once: a restart adds nothing', async () => {
      const admin = await login(app, 'admin@migracidades.local', DEMO_PASSWORD);
      const before = (await app.request('GET', '/api/users', undefined, auth(admin))).body.length;
      await app.close();
      app = await bootApp(testConfig(dir, { DEMO_DATA: '1' }));
      const after = (
        await app.request(
          'GET',
          '/api/users',
          undefined,
          auth(await login(app, 'admin@migracidades.local', DEMO_PASSWORD)),
        )
      ).body.length;
      expect(after).toBe(before);
      expect((await app.request('GET', '/api/editions')).body).toHaveLength(5);
    });

    it('takes a password of its own with DEMO_PASSWORD, which then replaces the public one', async () => {
      await app.close();
      const own = 'senha-propria-da-demonstracao-7Q';
      app = await bootApp(testConfig(dir, { DEMO_DATA: '1', DEMO_PASSWORD: own }));
      for (const user of DEMO_USERS) {
        const publicOne = await app.request('POST', '/api/auth/login', { email: user.email, password: DEMO_PASSWORD });
        expect(publicOne.status).toBe(401);
        expect(typeof (await login(app, user.email, own))).toBe('string');
      }
    });
  }
});

describe('demo data on the network (DEMO_DATA=1 on another interface)', () => {
  it('is refused with the public password, and served with DEMO_PASSWORD', () => {
    const { dir, cleanup } = scratchDir();
    try {
      expect(() => testConfig(dir, { DEMO_DATA: '1', HOST: '0.0.0.0' })).toThrow(
        "DEMO_DATA on HOST=0.0.0.0: the demo users' password is public",
      );
      expect(() => testConfig(dir, { DEMO_DATA: '1', HOST: '0.0.0.0', DEMO_PASSWORD: 'curta' })).toThrow(
        'DEMO_PASSWORD must have at least 12 characters',
      );
      expect(
        testConfig(dir, { DEMO_DATA: '1', HOST: '0.0.0.0', DEMO_PASSWORD: 'senha-da-oficina-2026' }),
      ).toMatchObject({
        host: '0.0.0.0',
        demoData: true,
      });
      expect(testConfig(dir, { DEMO_DATA: '1' })).toMatchObject({ host: '127.0.0.1', demoData: true });
    } finally {
      cleanup();
    }
  });
});
