import { DEMO_PASSWORD, DEMO_USERS } from '../src/core/demo/demo-data.service';
import { auth, login } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

describe('demo data (DEMO_DATA=1, as the quick start runs)', () => {
  let app: RunningApp;
  let dir: string;
  let cleanup: () => void;
  let reviewer: string;

  beforeAll(async () => {
    ({ dir, cleanup } = scratchDir());
    app = await bootApp(testConfig(dir, { DEMO_DATA: '1' }));
    reviewer = await login(app, 'revisora@oim.local', DEMO_PASSWORD);
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

  it('has the programme\u2019s editions, and Porto Alegre renewing every year with its index rising', async () => {
    expect((await app.request('GET', '/api/editions')).body.map((e: { year: number }) => e.year)).toEqual([
      2020, 2021, 2022, 2024,
    ]);
    const list = (await app.request('GET', '/api/assessments?government=4314902', undefined, auth(reviewer))).body;
    expect(list.map((a: { editionYear: number }) => a.editionYear)).toEqual([2020, 2021, 2022, 2024]);
    const indexes = [];
    for (const a of list) {
      const view = (await app.request('GET', `/api/assessments/${a.id}`, undefined, auth(reviewer))).body;
      indexes.push(view.scoreSnapshot.index.index);
    }
    expect(indexes[3]).toBeGreaterThan(indexes[0]);
    const { body: priorities } = await app.request(
      'GET',
      `/api/assessments/${list[3].id}/priorities`,
      undefined,
      auth(reviewer),
    );
    expect(
      priorities.previousEditionPriorities.every((p: { progressStatus: string | null }) => p.progressStatus !== null),
    ).toBe(true);
  });

  it('has Boa Vista crossing group 10 from v1 (2020) to v2 (2021)', async () => {
    const list = (await app.request('GET', '/api/assessments?government=1400100', undefined, auth(reviewer))).body;
    const versions = [];
    for (const a of list) {
      const view = (await app.request('GET', `/api/assessments/${a.id}`, undefined, auth(reviewer))).body;
      versions.push([
        view.editionYear,
        view.groups.find((g: { group: string }) => g.group === 'protection').questionnaireVersion,
      ]);
    }
    expect(versions).toEqual([
      [2020, 1],
      [2021, 2],
    ]);
  });

  it('loads once: a restart adds nothing', async () => {
    const before = (
      await app.request(
        'GET',
        '/api/users',
        undefined,
        auth(await login(app, 'admin@migracidades.local', DEMO_PASSWORD)),
      )
    ).body.length;
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
    expect((await app.request('GET', '/api/editions')).body).toHaveLength(4);
  });
});
