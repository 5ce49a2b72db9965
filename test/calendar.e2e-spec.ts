import { DataSource } from 'typeorm';
import { answerAndSubmit, reviewAndApprove, setPriorities } from './support/diagnosis';
import {
  ADMIN,
  auth,
  createEdition,
  createUser,
  enrol,
  enrolmentForm,
  login,
  recordCourse,
  samplePdf,
} from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const SP = '3550308';
const POA = '4314902';
const CANOAS = '4304606';

const EMAILS: Record<string, string> = {
  reviewer: 'revisora@oim.test',
  certifier: 'certificadora@ufrgs.test',
  sp: 'focal@sp.test',
  poa: 'focal@poa.test',
  canoas: 'focal@canoas.test',
};

const CALENDAR_2024 = {
  enrolmentOpens: '2024-03-01',
  enrolmentCloses: '2024-04-15',
  diagnosisDeadline: '2024-06-30',
  reviewDeadline: '2024-08-31',
  certificationDate: '2024-10-15',
};

/** The first governance item that takes no evidence, and its view entry. */
async function someItem(app: RunningApp, token: string, id: string) {
  const view = (await app.request('GET', `/api/assessments/${id}`, undefined, auth(token))).body;
  const governance = view.groups.find((g: any) => g.group === 'governance');
  const item = governance.items.find((i: any) => i.type === 'yes-partial-no' && i.visible && i.evidence !== 'required');
  return { view, item };
}

describe('the calendar: enrolment window, diagnosis deadline and its extensions; the stages of a seal', () => {
  const scratch = scratchDir();
  let app: RunningApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let sentBack: { group: string; itemKey: string };

  const boot = async (clock: string) => {
    app = await bootApp(
      testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, CLOCK_START: clock }),
    );
  };

  beforeAll(async () => {
    // Before the deadline (20 June 2024): SP submits and gets an item sent back, Porto Alegre starts answering.
    await boot('2024-06-20T12:00:00Z');
    t.admin = await login(app, ADMIN.email, ADMIN.password);
    t.reviewer = await createUser(app, t.admin, EMAILS.reviewer, 'reviewer');
    t.certifier = await createUser(app, t.admin, EMAILS.certifier, 'certifier');
    t.sp = await createUser(app, t.admin, EMAILS.sp, 'official', SP);
    t.poa = await createUser(app, t.admin, EMAILS.poa, 'official', POA);
    t.canoas = await createUser(app, t.admin, EMAILS.canoas, 'official', CANOAS);
    const edition = await app.request('POST', '/api/editions', { year: 2024, calendar: CALENDAR_2024 }, auth(t.admin));
    if (edition.status !== 201) throw new Error(`edition 2024: ${edition.text}`);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    scratch.cleanup();
  });

  it('refuses an official\u2019s enrolment outside its window with a code of its own naming the dates', async () => {
    const r = await app.upload('/api/editions/2024/enrolments', enrolmentForm(CANOAS), auth(t.canoas));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ENROLMENT_CLOSED');
    expect(r.body.message).toContain('01/03/2024');
    expect(r.body.message).toContain('15/04/2024');
    expect(r.body.messageEn).toContain('1 Mar 2024');
    expect(r.body.details).toMatchObject({ enrolmentOpens: '2024-03-01', enrolmentCloses: '2024-04-15' });
    // An administrator may still enrol a government late.
    for (const [code, key] of [
      [SP, 'sp'],
      [POA, 'poa'],
      [CANOAS, 'canoas'],
    ])
      ids[key] = (await enrol(app, t.admin, 2024, code)).id;
  }, 60_000);

  it('lets the diagnosis run while its deadline holds', async () => {
    await answerAndSubmit(app, t.sp, ids.sp);
    expect(
      (await app.request('POST', `/api/assessments/${ids.sp}/review/start`, undefined, auth(t.reviewer))).status,
    ).toBe(200);
    const { item } = await someItem(app, t.reviewer, ids.sp);
    sentBack = { group: 'governance', itemKey: item.key };
    const decided = await app.request(
      'PUT',
      `/api/assessments/${ids.sp}/review/items`,
      { decisions: [{ ...sentBack, decision: 'send-back', note: 'Explique melhor a resposta.' }] },
      auth(t.reviewer),
    );
    expect(decided.status).toBeLessThan(300);
    const sent = await app.request(
      'POST',
      `/api/assessments/${ids.sp}/review/request-changes`,
      undefined,
      auth(t.reviewer),
    );
    expect(sent.status).toBe(200);

    const { item: poaItem } = await someItem(app, t.poa, ids.poa);
    const saved = await app.request(
      'PUT',
      `/api/assessments/${ids.poa}/answers`,
      { answers: [{ group: 'governance', itemKey: poaItem.key, value: 'yes', expectedVersion: 0 }] },
      auth(t.poa),
    );
    expect(saved.status).toBe(200);
    await app.close();
  }, 120_000);

  it('refuses saving, uploading and submitting after the deadline, naming the date', async () => {
    await boot('2024-07-10T12:00:00Z');
    t.admin = await login(app, ADMIN.email, ADMIN.password);
    for (const [k, email] of Object.entries(EMAILS)) t[k] = await login(app, email);
    const { item } = await someItem(app, t.poa, ids.poa);
    const save = await app.request(
      'PUT',
      `/api/assessments/${ids.poa}/answers`,
      { answers: [{ group: 'governance', itemKey: item.key, value: 'partial', expectedVersion: item.answer.version }] },
      auth(t.poa),
    );
    expect(save.status).toBe(409);
    expect(save.body.code).toBe('DIAGNOSIS_CLOSED');
    expect(save.body.message).toContain('30/06/2024');
    expect(save.body.messageEn).toContain('30 Jun 2024');
    expect(save.body.details).toEqual({ deadline: '2024-06-30', extended: false });

    const submit = await app.request('POST', `/api/assessments/${ids.poa}/submit`, undefined, auth(t.poa));
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('DIAGNOSIS_CLOSED');

    const form = new FormData();
    form.append('file', new Blob([samplePdf('Decreto municipal')], { type: 'application/pdf' }), 'decreto.pdf');
    const upload = await app.upload(`/api/assessments/${ids.poa}/evidence`, form, auth(t.poa));
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe('DIAGNOSIS_CLOSED');

    const view = (await app.request('GET', `/api/assessments/${ids.poa}`, undefined, auth(t.poa))).body;
    expect(view.diagnosisDeadline).toEqual({
      deadline: '2024-06-30',
      editionDeadline: '2024-06-30',
      extended: false,
      extension: null,
    });
  }, 120_000);

  it('still lets officials answer the items sent back after the deadline: the review is not their delay', async () => {
    const { item } = await someItem(app, t.sp, ids.sp);
    expect(item.key).toBe(sentBack.itemKey);
    const save = await app.request(
      'PUT',
      `/api/assessments/${ids.sp}/answers`,
      { answers: [{ ...sentBack, value: 'partial', expectedVersion: item.answer.version }] },
      auth(t.sp),
    );
    expect(save.status).toBe(200);
    const resubmit = await app.request('POST', `/api/assessments/${ids.sp}/submit`, undefined, auth(t.sp));
    expect(resubmit.status).toBe(200);
    expect(resubmit.body.state).toBe('resubmitted');
  });

  it('lets an administrator extend the deadline for one government, with a reason recorded and audited', async () => {
    const body = { governmentCode: POA, until: '2024-07-31', reason: 'Enchentes fecharam a prefeitura por semanas.' };
    const path = '/api/editions/2024/deadline-extensions';
    expect((await app.request('POST', path, body, auth(t.reviewer))).status).toBe(403);
    expect((await app.request('POST', path, body, auth(t.poa))).status).toBe(403);
    const noReason = await app.request('POST', path, { governmentCode: POA, until: '2024-07-31' }, auth(t.admin));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: any) => e.field)).toContain('reason');
    const earlier = await app.request('POST', path, { ...body, until: '2024-06-01' }, auth(t.admin));
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors[0]).toMatchObject({ field: 'until' });
    expect(earlier.body.errors[0].message).toContain('30/06/2024');

    const granted = await app.request('POST', path, body, auth(t.admin));
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ editionYear: 2024, governmentCode: POA, until: '2024-07-31' });
    expect(granted.body.createdAt.slice(0, 10)).toBe('2024-07-10');

    const listed = (await app.request('GET', path, undefined, auth(t.admin))).body;
    expect(listed.filter((x: any) => x.governmentCode === POA)).toHaveLength(1);
    expect(listed[0]).toMatchObject({ reason: body.reason, until: '2024-07-31' });
    expect(listed[0].createdBy).toBeTruthy();
    const trail = (await app.request('GET', `/api/assessments/${ids.poa}/audit`, undefined, auth(t.admin))).body;
    const entry = trail.find((e: any) => e.action === 'edition.deadline-extension');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain(body.reason);

    const view = (await app.request('GET', `/api/assessments/${ids.poa}`, undefined, auth(t.poa))).body;
    expect(view.diagnosisDeadline).toMatchObject({
      deadline: '2024-07-31',
      editionDeadline: '2024-06-30',
      extended: true,
    });
    const { item } = await someItem(app, t.poa, ids.poa);
    const save = await app.request(
      'PUT',
      `/api/assessments/${ids.poa}/answers`,
      { answers: [{ group: 'governance', itemKey: item.key, value: 'partial', expectedVersion: item.answer.version }] },
      auth(t.poa),
    );
    expect(save.status).toBe(200);

    // Only that government: Canoas is still past the edition's deadline.
    const { item: canoasItem } = await someItem(app, t.canoas, ids.canoas);
    const refused = await app.request(
      'PUT',
      `/api/assessments/${ids.canoas}/answers`,
      { answers: [{ group: 'governance', itemKey: canoasItem.key, value: 'yes', expectedVersion: 0 }] },
      auth(t.canoas),
    );
    expect(refused.body.code).toBe('DIAGNOSIS_CLOSED');

    // A state's deadline can be extended too (its IBGE code has two digits); a malformed code is refused.
    const state = await app.request('POST', path, { ...body, governmentCode: '43' }, auth(t.admin));
    expect(state.status).toBe(201);
    expect(state.body).toMatchObject({ governmentCode: '43', until: '2024-07-31' });
    const malformed = await app.request('POST', path, { ...body, governmentCode: '431' }, auth(t.admin));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: any) => e.field)).toContain('governmentCode');
  });

  it('says which stage is missing: without the focal person\u2019s ENAP course there is no seal', async () => {
    await createEdition(app, t.admin, 2025);
    const id = (await enrol(app, t.poa, 2025, POA, { course: false })).id;
    // Budget line left partly met: the gap the government commits to.
    await answerAndSubmit(app, t.poa, id, (group, item) =>
      group === 'governance' && item.key === 'budget-line' ? 'partial' : undefined,
    );
    await reviewAndApprove(app, t.reviewer, id);
    await setPriorities(app, t.poa, id, [
      { group: 'governance', itemKey: 'budget-line', commitment: 'Criar ação orçamentária própria no PPA.' },
    ]);

    const stages = (await app.request('GET', `/api/assessments/${id}`, undefined, auth(t.poa))).body.stages;
    expect(stages.map((s: any) => [s.stage, s.status])).toEqual([
      ['enrolment', 'missing'],
      ['diagnosis', 'complete'],
      ['prioritisation', 'complete'],
      ['certification', 'current'],
      ['monitoring', 'upcoming'],
    ]);
    expect(stages[0].missing[0]['pt-BR']).toBe('conclusão do curso da ENAP pelo ponto focal');

    const refused = await app.request('POST', `/api/assessments/${id}/certificate`, undefined, auth(t.certifier));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.message).toContain('etapa "Inscrição" incompleta: falta conclusão do curso da ENAP');
    expect(refused.body.details.missingStages).toEqual([
      {
        stage: 'enrolment',
        label: { 'pt-BR': 'Inscrição', en: 'Enrolment' },
        missing: [{ 'pt-BR': 'conclusão do curso da ENAP pelo ponto focal', en: expect.stringContaining('ENAP') }],
      },
    ]);

    const readiness = async () =>
      (await app.request('GET', '/api/editions/2025/certification-readiness', undefined, auth(t.certifier))).body;
    expect(
      (await app.request('GET', '/api/editions/2025/certification-readiness', undefined, auth(t.poa))).status,
    ).toBe(403);
    const before = await readiness();
    expect(before).toMatchObject({ editionYear: 2025, total: 1, eligible: 0 });
    expect(before.assessments[0]).toMatchObject({
      assessmentId: id,
      government: { name: 'Porto Alegre' },
      eligible: false,
      missingStages: [{ stage: 'enrolment' }],
    });

    await recordCourse(app, t.poa, id);
    const after = await readiness();
    expect(after.eligible).toBe(1);
    expect(after.assessments[0]).toMatchObject({ eligible: true, missingStages: [] });
    const complete = (await app.request('GET', `/api/assessments/${id}`, undefined, auth(t.poa))).body.stages;
    expect(complete[0].status).toBe('complete');
  }, 120_000);

  it('records an edition\u2019s change in the trail only when something changes', async () => {
    const db = app.app.get(DataSource);
    const updates = async () =>
      Number(
        ((await db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'edition.update'`)) as { n: unknown }[])[0]
          .n,
      );
    const before = await updates();
    const edition = (await app.request('GET', '/api/editions/2024')).body;
    for (const body of [{}, { calendar: edition.calendar }]) {
      const r = await app.request('PATCH', '/api/editions/2024', body, auth(t.admin));
      expect(r.status).toBe(200);
      expect(r.body.calendar).toEqual(edition.calendar);
    }
    expect(await updates()).toBe(before);
    const later = { ...edition.calendar, certificationDate: '2024-10-30' };
    expect((await app.request('PATCH', '/api/editions/2024', { calendar: later }, auth(t.admin))).status).toBe(200);
    expect(await updates()).toBe(before + 1);
  });
});
