import { answerAndSubmit, reviewAndApprove } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const CANOAS = '4304606';

interface Mail {
  kind: string;
  recipient: string;
  userId: string | null;
  subject: string;
  subjectKey: string | null;
  body: string;
  link: string | null;
  status: string;
}

/** Without SMTP_URL (the test configuration has none) every e-mail stays in the in-app outbox. */
describe('notifications without SMTP: each official reads the messages addressed to them', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  const me: Record<string, string> = {};
  let poa: string;
  let canoas: string;

  const inbox = async (token: string): Promise<Mail[]> => {
    const r = await app.request('GET', '/api/notifications', undefined, auth(token));
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    // The focal person named in the enrolment form has an account with the same address (as in the demo).
    t.focal = await createUser(app, t.admin, `focal-${PORTO_ALEGRE}@gov.test`, 'official', PORTO_ALEGRE);
    t.team = await createUser(app, t.admin, 'equipe@portoalegre.test', 'official', PORTO_ALEGRE);
    t.canoas = await createUser(app, t.admin, 'focal@canoas.test', 'official', CANOAS);
    for (const who of ['focal', 'team', 'canoas']) {
      me[who] = (await app.request('GET', '/api/auth/me', undefined, auth(t[who]))).body.id;
    }
    await createEdition(app, t.admin, 2025);
    poa = (await enrol(app, t.focal, 2025, PORTO_ALEGRE)).id;
    canoas = (await enrol(app, t.canoas, 2025, CANOAS)).id;
    await answerAndSubmit(app, t.focal, poa);
    await answerAndSubmit(app, t.canoas, canoas);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('shows the focal person the items sent back, stored with their user although addressed by e-mail', async () => {
    await app.request('POST', `/api/assessments/${poa}/review/start`, undefined, auth(t.reviewer));
    const sendBack = await app.request(
      'PUT',
      `/api/assessments/${poa}/review/items`,
      {
        decisions: [
          {
            group: 'governance',
            itemKey: 'local-policy',
            decision: 'send-back',
            note: 'O decreto anexado não trata de migração; envie a lei municipal.',
          },
        ],
      },
      auth(t.reviewer),
    );
    expect(sendBack.status).toBe(200);
    const changes = await app.request(
      'POST',
      `/api/assessments/${poa}/review/request-changes`,
      undefined,
      auth(t.reviewer),
    );
    expect(changes.body.state).toBe('changes-requested');

    const focal = await inbox(t.focal);
    expect(focal.map((m) => [m.kind, m.recipient, m.status])).toEqual([
      ['items-sent-back', `focal-${PORTO_ALEGRE}@gov.test`, 'outbox'],
    ]);
    expect(focal[0].subject).toBe('MigraCidades 2025: itens devolvidos para ajuste (Porto Alegre)');
    // The e-mail and the home page lead to the diagnosis page, not to the API.
    expect(focal[0].link).toBe(`/avaliacoes/${poa}?filtro=devolvidos`);
    expect(focal[0].body).toContain(`${app.config.publicUrl}/avaliacoes/${poa}?filtro=devolvidos`);
    expect(focal[0].body).not.toContain('/api/');
    expect(focal[0].subjectKey).toBe('review.mail.sent-back.subject');
    expect(focal[0].userId).toBe(me.focal);
    expect((await inbox(t.team)).map((m) => [m.kind, m.recipient])).toEqual([
      ['items-sent-back', 'equipe@portoalegre.test'],
    ]);
  });

  it('shows the officials the approval, once each, and nothing of another government', async () => {
    const view = (await app.request('GET', `/api/assessments/${poa}`, undefined, auth(t.focal))).body;
    const item = view.groups
      .find((g: { group: string }) => g.group === 'governance')
      .items.find((i: { key: string }) => i.key === 'local-policy');
    const fix = await app.request(
      'PUT',
      `/api/assessments/${poa}/answers`,
      {
        answers: [
          {
            group: 'governance',
            itemKey: 'local-policy',
            value: 'partial',
            expectedVersion: item.answer.version,
            evidence: [{ url: 'https://leismunicipais.test/poa/lei-13000' }],
          },
        ],
      },
      auth(t.focal),
    );
    expect(fix.status).toBe(200);
    expect((await app.request('POST', `/api/assessments/${poa}/submit`, undefined, auth(t.focal))).status).toBe(200);
    await reviewAndApprove(app, t.reviewer, poa);

    for (const token of [t.focal, t.team]) {
      expect((await inbox(token)).map((m) => m.kind)).toEqual(['diagnosis-approved', 'items-sent-back']);
    }
    expect((await inbox(t.focal))[0].subject).toBe('MigraCidades 2025: diagnóstico aprovado (Porto Alegre)');
    // Canoas was neither sent back nor approved: its official reads nothing of Porto Alegre's.
    expect(await inbox(t.canoas)).toEqual([]);
  });

  it('keeps the outbox whole for administrators, with the addresses that have no account', async () => {
    const all = await inbox(t.admin);
    const sentBack = all.filter((m) => m.kind === 'items-sent-back').map((m) => [m.recipient, m.userId !== null]);
    expect(sentBack.sort()).toEqual([
      ['equipe@portoalegre.test', true],
      [`focal-${PORTO_ALEGRE}@gov.test`, true],
      [`suplente-${PORTO_ALEGRE}@gov.test`, false],
    ]);
    expect(await inbox(t.reviewer)).toEqual([]);
  });
});
