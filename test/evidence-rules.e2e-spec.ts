import { DataSource } from 'typeorm';
import { bestSaves } from './support/answers';
import { auth, bootWithStaff, createEdition, createUser, enrol, questionnairesOf } from './support/lifecycle';
import type { RunningApp } from './support/test-app';
import { rawQuery } from '../src/database/portable-sql';

const CANOAS = '4304606';
// Governance, as the questionnaire numbers it: 1.1 focal-body, 1.3 local-policy, 1.7 budget-line (all need evidence).
const LOCAL_POLICY = 'answers.governance.local-policy';

describe('evidence rules: a positive answer that needs evidence counts only with evidence a reviewer accepted', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let id: string;

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    t.official = await createUser(app, t.admin, 'focal@canoas.test', 'official', CANOAS);
    await createEdition(app, t.admin, 2025);
    id = (await enrol(app, t.official, 2025, CANOAS)).id;
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  const view = async (token = t.official) =>
    (await app.request('GET', `/api/assessments/${id}`, undefined, auth(token))).body;
  const item = (v: any, group: string, key: string) =>
    v.groups.find((g: any) => g.group === group).items.find((i: any) => i.key === key);

  it('refuses a submission with a "Sim" that needs evidence and has none, naming the item; nothing changes', async () => {
    const questionnaires = await questionnairesOf(app, await view());
    const saves = questionnaires.flatMap((q) =>
      bestSaves(q).map((s) => {
        if (s.group !== 'governance') return s;
        // "Sim" without evidence; "Não" needs none.
        if (s.itemKey === 'local-policy') return { ...s, evidence: undefined };
        if (s.itemKey === 'budget-line') return { ...s, value: 'no', evidence: undefined };
        return s;
      }),
    );
    expect(
      (await app.request('PUT', `/api/assessments/${id}/answers`, { answers: saves }, auth(t.official))).status,
    ).toBe(200);
    const auditBefore = (await app.request('GET', `/api/assessments/${id}/audit`, undefined, auth(t.reviewer))).body;

    const refused = await app.request('POST', `/api/assessments/${id}/submit`, undefined, auth(t.official));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SUBMISSION_INCOMPLETE');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: LOCAL_POLICY, code: 'EVIDENCE_MISSING' })]);
    expect(refused.body.details.evidenceMissing).toEqual(['governance.local-policy']);
    const [problem] = refused.body.errors;
    expect(problem.message).toContain('item 1.3');
    expect(problem.message).toContain('O governo possui política, plano ou estratégia formal');
    expect(problem.message).toContain('«Sim»');
    expect(problem.messageEn).toContain('item 1.3');
    expect(`${problem.message} ${problem.messageEn} ${refused.body.message}`).not.toContain('local-policy');
    expect(refused.body.message).toContain('1 sem evidência');

    const after = await view();
    expect(after.state).toBe('diagnosis-in-progress');
    expect(after.submittedAt).toBeNull();
    expect(after.missing).toEqual([{ item: 'governance.local-policy', reason: 'EVIDENCE_MISSING' }]);
    const auditAfter = (await app.request('GET', `/api/assessments/${id}/audit`, undefined, auth(t.reviewer))).body;
    expect(auditAfter).toHaveLength(auditBefore.length);
  });

  it('accepts the submission once the answer carries evidence', async () => {
    const current = item(await view(), 'governance', 'local-policy').answer;
    const saved = await app.request(
      'PUT',
      `/api/assessments/${id}/answers`,
      {
        answers: [
          {
            group: 'governance',
            itemKey: 'local-policy',
            value: 'yes',
            expectedVersion: current.version,
            evidence: [{ url: 'https://leismunicipais.test/canoas/lei-6500' }],
          },
        ],
      },
      auth(t.official),
    );
    expect(saved.status).toBe(200);
    const submitted = await app.request('POST', `/api/assessments/${id}/submit`, undefined, auth(t.official));
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
  });

  it('refuses a reviewer\u2019s "accept" of an answer without evidence; "accept every pending item" leaves it pending', async () => {
    // A diagnosis answered before the rule existed (as the demo's São Paulo 2024): its evidence is not there.
    const db = app.app.get(DataSource);
    await rawQuery(db, `UPDATE answers SET evidence = NULL WHERE assessment_id = ? AND item_key = 'local-policy'`, [
      id,
    ]);

    const accept = await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      { decisions: [{ group: 'governance', itemKey: 'local-policy', decision: 'accept' }] },
      auth(t.reviewer),
    );
    expect(accept.status).toBe(400);
    expect(accept.body.errors).toEqual([
      expect.objectContaining({ field: 'decisions.0.decision', code: 'EVIDENCE_MISSING' }),
    ]);
    expect(accept.body.errors[0].message).toContain('item 1.3');
    expect(accept.body.errors[0].message).toMatch(/ajuste a nota ou devolva/);
    expect(item(await view(t.reviewer), 'governance', 'local-policy').answer.reviewStatus).toBe('pending');

    const pending = await app.request(
      'POST',
      `/api/assessments/${id}/review/accept-pending`,
      undefined,
      auth(t.reviewer),
    );
    expect(pending.status).toBe(200);
    expect(pending.body.state).toBe('in-review'); // taken into review without a separate review/start
    expect(pending.body.accepted).toBeGreaterThan(40);
    expect(pending.body.leftPending).toEqual([
      expect.objectContaining({ group: 'governance', itemKey: 'local-policy', reason: 'EVIDENCE_MISSING' }),
    ]);
    const reviewed = await view(t.reviewer);
    expect(item(reviewed, 'governance', 'focal-body').answer.reviewStatus).toBe('accepted');
    expect(item(reviewed, 'governance', 'local-policy').answer.reviewStatus).toBe('pending');

    const approve = await app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(t.reviewer));
    expect(approve.status).toBe(422);
    expect(approve.body.code).toBe('REVIEW_INCOMPLETE');
    expect(approve.body.errors).toEqual([expect.objectContaining({ field: LOCAL_POLICY, code: 'PENDING' })]);
    expect(approve.body.errors[0].message).toContain('item 1.3');
  });

  it('scores without the unproven item: adjusted without evidence, it counts 0 and says why', async () => {
    const adjust = await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      {
        decisions: [
          {
            group: 'governance',
            itemKey: 'local-policy',
            decision: 'adjust',
            rating: 'partial',
            note: 'O plano existe em minuta, sem publicação oficial.',
          },
        ],
      },
      auth(t.reviewer),
    );
    expect(adjust.status).toBe(200);
    const approved = await app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(t.reviewer));
    expect(approved.status).toBe(200);
    const governance = approved.body.scoreSnapshot.groups.find((g: any) => g.group === 'governance');
    expect(governance.items.find((i: any) => i.key === 'local-policy')).toMatchObject({
      status: 'missing-evidence',
      counted: true,
      points: 0,
    });
    expect(governance.items.find((i: any) => i.key === 'focal-body')).toMatchObject({ status: 'scored', points: 100 });
    // Weights 3, 4, 1, 3, 2, 2, 1: everything met but the unproven policy (4) and the budget line answered "Não" (2).
    expect(governance.score).toBe(62.5);
    expect((await view()).scoreSnapshot.groups.find((g: any) => g.group === 'governance').score).toBe(62.5);

    // The stand-alone calculation keeps its input: without the evidence list, an unaccepted item is "pending".
    const q = (await app.request('GET', '/api/indicator-groups/governance/versions/1')).body;
    const alone = await app.request('POST', '/api/indicator-groups/governance/versions/1/score', {
      answers: { 'focal-body': 'yes' },
    });
    expect(alone.status).toBe(200);
    expect(alone.body.items.find((i: any) => i.key === 'focal-body').status).toBe('pending-evidence');
    expect(q.items.find((i: any) => i.key === 'focal-body').evidence).toBe('required');
  });

  it('counts the item once its evidence is given and accepted', async () => {
    const reason = 'Rever o plano municipal: o governo enviará a lei publicada.';
    expect((await app.request('POST', `/api/assessments/${id}/reopen`, { reason }, auth(t.reviewer))).status).toBe(200);
    await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      {
        decisions: [
          {
            group: 'governance',
            itemKey: 'local-policy',
            decision: 'send-back',
            note: 'Anexe a lei ou o decreto que institui a política municipal.',
          },
        ],
      },
      auth(t.reviewer),
    );
    expect(
      (await app.request('POST', `/api/assessments/${id}/review/request-changes`, undefined, auth(t.reviewer))).status,
    ).toBe(200);
    const current = item(await view(), 'governance', 'local-policy').answer;
    expect(
      (
        await app.request(
          'PUT',
          `/api/assessments/${id}/answers`,
          {
            answers: [
              {
                group: 'governance',
                itemKey: 'local-policy',
                value: 'yes',
                expectedVersion: current.version,
                evidence: [{ url: 'https://leismunicipais.test/canoas/lei-6500' }],
              },
            ],
          },
          auth(t.official),
        )
      ).status,
    ).toBe(200);
    expect((await app.request('POST', `/api/assessments/${id}/submit`, undefined, auth(t.official))).body.state).toBe(
      'resubmitted',
    );
    const accept = await app.request(
      'PUT',
      `/api/assessments/${id}/review/items`,
      { decisions: [{ group: 'governance', itemKey: 'local-policy', decision: 'accept' }] },
      auth(t.reviewer),
    );
    expect(accept.status).toBe(200);
    const approved = await app.request('POST', `/api/assessments/${id}/review/approve`, undefined, auth(t.reviewer));
    expect(approved.status).toBe(200);
    const governance = approved.body.scoreSnapshot.groups.find((g: any) => g.group === 'governance');
    expect(governance.items.find((i: any) => i.key === 'local-policy')).toMatchObject({
      status: 'scored',
      points: 100,
    });
    expect(governance.score).toBe(87.5);
  });
});
