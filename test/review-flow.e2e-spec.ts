import { answerAndSubmit } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PELOTAS = '4314407';
// Governance item 1.7, "budget-line", requires evidence.
const BUDGET = { group: 'governance', itemKey: 'budget-line' };
const BRASILIA_TIME = /às \d{2}:\d{2} \(horário de Brasília\) de \d{2}\/\d{2}\/\d{4}/;

describe('answering and reviewing: stale saves that say who, clearing an answer, review without extra steps', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let id: string;

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    t.focal = await createUser(app, t.admin, 'marta@pelotas.test', 'official', PELOTAS);
    t.team = await createUser(app, t.admin, 'joao@pelotas.test', 'official', PELOTAS);
    await createEdition(app, t.admin, 2025);
    id = (await enrol(app, t.focal, 2025, PELOTAS)).id;
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const save = (token: string, answer: Record<string, unknown>) =>
    app.request('PUT', `/api/assessments/${id}/answers`, { answers: [{ ...BUDGET, ...answer }] }, auth(token));
  const budget = async () =>
    (await app.request('GET', `/api/assessments/${id}`, undefined, auth(t.focal))).body.groups
      .find((g: any) => g.group === 'governance')
      .items.find((i: any) => i.key === 'budget-line').answer;
  const me = async (token: string) => (await app.request('GET', '/api/auth/me', undefined, auth(token))).body;

  it('a stale save by the same person says "you changed this item in another tab", with when', async () => {
    expect((await save(t.focal, { value: 'partial', expectedVersion: 0 })).status).toBe(200);
    // The same official, in a second tab opened before that save.
    const stale = await save(t.focal, { value: 'yes', expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_ANSWER');
    const focal = await me(t.focal);
    expect(stale.body.details).toMatchObject({
      changedBy: { id: focal.id, name: 'marta' },
      changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
      byYou: true,
      conflicts: [expect.objectContaining({ itemKey: 'budget-line', currentVersion: 1, currentValue: 'partial' })],
    });
    expect(stale.body.message).toMatch(/^Você alterou o item 1\.\d+ \(«[^»]+»\) em outra aba ou janela /);
    expect(stale.body.message).toMatch(BRASILIA_TIME);
    expect(stale.body.message).not.toContain('Outra pessoa');
    expect(stale.body.message).not.toContain('budget-line');
    expect(stale.body.messageEn).toMatch(
      /^You changed item 1\.\d+ \("[^"]+"\) in another tab or window at \d{2}:\d{2}/,
    );
  });

  it('a stale save after a colleague\u2019s names the colleague', async () => {
    const stale = await save(t.team, { value: 'no', expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toMatchObject({ changedBy: { name: 'marta' }, byYou: false });
    expect(stale.body.message).toMatch(/^marta alterou o item 1\.\d+ /);
    expect(stale.body.message).toMatch(BRASILIA_TIME);
    expect(stale.body.messageEn).toMatch(
      /^marta changed item 1\.\d+ .* at \d{2}:\d{2} \(Brasília time\) on \d{1,2} \w{3} \d{4}/,
    );
    expect((await budget()).value).toBe('partial');
  });

  it('lets an official clear an answer and its evidence (null), with the version check and an audit entry', async () => {
    const withEvidence = await save(t.team, {
      value: 'yes',
      expectedVersion: 1,
      evidence: [{ url: 'https://leismunicipais.test/pelotas/loa-2025' }],
    });
    expect(withEvidence.status).toBe(200);
    expect(await budget()).toMatchObject({ value: 'yes', version: 2, evidence: [{ url: expect.any(String) }] });

    const stale = await save(t.focal, { value: null, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toMatchObject({ changedBy: { name: 'joao' }, byYou: false });

    const cleared = await save(t.focal, { value: null, expectedVersion: 2 });
    expect(cleared.status).toBe(200);
    expect(cleared.body.saved).toEqual([{ ...BUDGET, version: 3 }]);
    expect(await budget()).toMatchObject({ value: null, evidence: null, version: 3 });
    const trail = (await app.request('GET', `/api/assessments/${id}/audit`, undefined, auth(t.reviewer))).body;
    expect(trail[trail.length - 1]).toMatchObject({
      action: 'answer.clear',
      entityId: `${id}/governance/budget-line`,
      before: { value: 'yes', version: 2 },
      after: { value: null, evidence: null, version: 3 },
    });
    // Still required: the submission lists it again; a missing value (not null) is still refused.
    const missing = await app.request(
      'PUT',
      `/api/assessments/${id}/answers`,
      { answers: [{ ...BUDGET, expectedVersion: 3 }] },
      auth(t.focal),
    );
    expect(missing.status).toBe(400);
  });

  it('approves right after a submission and after a resubmission, without a separate review/start', async () => {
    await answerAndSubmit(app, t.focal, id);
    // "Accept every pending item" takes the diagnosis into review by itself, recorded as any start.
    const all = await app.request('POST', `/api/assessments/${id}/review/accept-pending`, undefined, auth(t.reviewer));
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ state: 'in-review', leftPending: [] });
    expect(all.body.accepted).toBeGreaterThan(40);
    const sendBack = await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      { decisions: [{ ...BUDGET, decision: 'send-back', note: 'Anexe a lei orçamentária com a ação própria.' }] },
      auth(t.reviewer),
    );
    expect(sendBack.status).toBe(200);
    expect(sendBack.body.state).toBe('in-review');
    // The same verdict sent again (the page's script saved it, then its form was sent) is one act in the trail.
    const again = await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      { decisions: [{ ...BUDGET, decision: 'send-back', note: 'Anexe a lei orçamentária com a ação própria.' }] },
      auth(t.reviewer),
    );
    expect(again.status).toBe(200);
    const trail = (await app.request('GET', `/api/assessments/${id}/audit`, undefined, auth(t.reviewer))).body;
    expect(trail.filter((e: any) => e.action === 'assessment.start-review')).toHaveLength(1);
    expect(
      trail.filter((e: any) => e.action === 'review.decide' && e.entityId === `${id}/governance/budget-line`),
    ).toHaveLength(2);
    expect(
      (await app.request('POST', `/api/assessments/${id}/review/request-changes`, undefined, auth(t.reviewer))).status,
    ).toBe(200);

    // While the government makes changes, the reviewer is told what comes next, in words.
    const early = await app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(t.reviewer));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_TRANSITION');
    expect(early.body.message).toContain('«ajustes solicitados»');
    expect(early.body.message).toContain('quando ele for reenviado');
    expect(early.body.messageEn).toContain('once it is resubmitted');
    expect(`${early.body.message} ${early.body.messageEn}`).not.toMatch(/changes-requested|in-review|"approve"/);

    const current = await budget();
    const fixed = await save(t.focal, {
      value: 'yes',
      expectedVersion: current.version,
      evidence: [{ url: 'https://leismunicipais.test/pelotas/loa-2025-acao-migrantes' }],
    });
    expect(fixed.status).toBe(200);
    expect((await app.request('POST', `/api/assessments/${id}/submit`, undefined, auth(t.focal))).body.state).toBe(
      'resubmitted',
    );

    // Approving with the changed item still unreviewed names it (and changes nothing); accepting it, then approving, works.
    const incomplete = await app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(t.reviewer));
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toEqual([expect.objectContaining({ field: 'answers.governance.budget-line' })]);
    const pending = await app.request(
      'POST',
      `/api/assessments/${id}/review/accept-pending`,
      undefined,
      auth(t.reviewer),
    );
    expect(pending.body).toMatchObject({ state: 'in-review', accepted: 1, leftPending: [] });
    const approved = await app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(t.reviewer));
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    const after = (await app.request('GET', `/api/assessments/${id}/audit`, undefined, auth(t.reviewer))).body;
    expect(after.filter((e: any) => e.action === 'assessment.start-review')).toHaveLength(2);
    expect(after.filter((e: any) => e.action === 'assessment.approve')).toHaveLength(1);
  });

  it('tells a reviewer plainly why an approved diagnosis cannot be reviewed again', async () => {
    const again = await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      { decisions: [{ ...BUDGET, decision: 'accept' }] },
      auth(t.reviewer),
    );
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('já foi aprovado');
    expect(again.body.message).toContain('reabra-o informando o motivo');
    expect(again.body.details).toEqual({ currentState: 'approved' });
  });
});
