import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { bestSaves } from './support/answers';
import {
  ADMIN,
  auth,
  createEdition,
  createUser,
  enrol,
  enrolmentForm,
  login,
  questionnairesOf,
} from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

interface Mail {
  to: string[];
  subject: string;
  body: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeMime(subject), body: raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

/** Subjects with accents arrive as RFC 2047 encoded words. */
function decodeMime(header: string): string {
  return header
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

async function until<T>(what: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const PORTO_ALEGRE = '4314902';
const SAO_PAULO_STATE = '35';

describe('a whole edition over HTTP: two governments, then a renewal', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(
      testConfig(scratch.dir, {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      }),
    );
    tokens.admin = await login(app, ADMIN.email, ADMIN.password);
    tokens.reviewer = await createUser(app, tokens.admin, 'revisora@oim.test', 'reviewer');
    tokens.poa = await createUser(app, tokens.admin, 'focal@portoalegre.test', 'official', PORTO_ALEGRE);
    tokens.poa2 = await createUser(app, tokens.admin, 'equipe@portoalegre.test', 'official', PORTO_ALEGRE);
    tokens.sp = await createUser(app, tokens.admin, 'focal@sp.test', 'official', SAO_PAULO_STATE);
    await createEdition(app, tokens.admin, 2025, { protection: 1 });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    cleanup?.();
  });

  let poa: any;
  let sp: any;

  it('enrols both governments with their letters of intent', async () => {
    poa = await enrol(app, tokens.poa, 2025, PORTO_ALEGRE);
    sp = await enrol(app, tokens.sp, 2025, SAO_PAULO_STATE);
    expect(poa).toMatchObject({ state: 'enrolled', editionYear: 2025, government: { name: 'Porto Alegre', uf: 'RS' } });
    expect(poa.enrolment.letterOfIntent).toMatchObject({ mime: 'application/pdf', fileName: 'carta-de-intencao.pdf' });
    expect(poa.groups.find((g: { group: string }) => g.group === 'protection').questionnaireVersion).toBe(1);
    const letter = await fetch(`${app.baseUrl}/api/assessments/${poa.id}/files/${poa.enrolment.letterOfIntent.file}`, {
      headers: auth(tokens.poa),
    });
    expect(letter.status).toBe(200);
    expect(
      Buffer.from(await letter.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // The same government cannot enrol twice, and an official cannot enrol another government.
    expect(
      (await app.upload('/api/editions/2025/enrolments', enrolmentForm(PORTO_ALEGRE), auth(tokens.poa))).status,
    ).toBe(409);
    expect((await app.upload('/api/editions/2025/enrolments', enrolmentForm('3550308'), auth(tokens.poa))).status).toBe(
      403,
    );
  });

  it('autosaves answers, and refuses a stale save with 409 and the current value', async () => {
    const questionnaires = await questionnairesOf(app, poa);
    const saves = questionnaires.flatMap((q) => bestSaves(q));
    const first = await app.request('PUT', `/api/assessments/${poa.id}/answers`, { answers: saves }, auth(tokens.poa));
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('diagnosis-in-progress');

    const mine = await app.request(
      'PUT',
      `/api/assessments/${poa.id}/answers`,
      { answers: [{ group: 'governance', itemKey: 'budget-line', value: 'partial', expectedVersion: 1 }] },
      auth(tokens.poa),
    );
    expect(mine.body.saved).toEqual([{ group: 'governance', itemKey: 'budget-line', version: 2 }]);
    const stale = await app.request(
      'PUT',
      `/api/assessments/${poa.id}/answers`,
      { answers: [{ group: 'governance', itemKey: 'budget-line', value: 'no', expectedVersion: 1 }] },
      auth(tokens.poa2),
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'STALE_ANSWER',
      details: {
        conflicts: [expect.objectContaining({ itemKey: 'budget-line', currentVersion: 2, currentValue: 'partial' })],
      },
    });
    const view = await app.request('GET', `/api/assessments/${poa.id}`, undefined, auth(tokens.poa));
    const item = view.body.groups[0].items.find((i: { key: string }) => i.key === 'budget-line');
    expect(item.answer).toMatchObject({ value: 'partial', version: 2 });
  });

  it('refuses a submission with required items missing, listing their keys, then accepts it', async () => {
    const refused = await app.request('POST', `/api/assessments/${sp.id}/submit`, undefined, auth(tokens.sp));
    expect(refused.status).toBe(409); // still "enrolled": nothing answered yet
    const partial = await app.request(
      'PUT',
      `/api/assessments/${sp.id}/answers`,
      { answers: [{ group: 'governance', itemKey: 'focal-body', value: 'no', expectedVersion: 0 }] },
      auth(tokens.sp),
    );
    expect(partial.status).toBe(200);
    const incomplete = await app.request('POST', `/api/assessments/${sp.id}/submit`, undefined, auth(tokens.sp));
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('SUBMISSION_INCOMPLETE');
    expect(incomplete.body.details.missing).toEqual(
      expect.arrayContaining(['governance.local-policy', 'health.sus-registration', 'protection.network-open']),
    );
    expect(incomplete.body.details.missing).not.toContain('governance.focal-body');

    const questionnaires = await questionnairesOf(app, sp);
    const rest = questionnaires.flatMap((q) =>
      bestSaves(q).filter((a) => !(a.group === 'governance' && a.itemKey === 'focal-body')),
    );
    expect(
      (await app.request('PUT', `/api/assessments/${sp.id}/answers`, { answers: rest }, auth(tokens.sp))).status,
    ).toBe(200);
    expect((await app.request('POST', `/api/assessments/${sp.id}/submit`, undefined, auth(tokens.sp))).body.state).toBe(
      'submitted',
    );
    expect(
      (await app.request('POST', `/api/assessments/${poa.id}/submit`, undefined, auth(tokens.poa))).body.state,
    ).toBe('submitted');
  });

  it('reviews item by item: sends one back, the official answers, the reviewer sees the change and approves', async () => {
    const queue = await app.request('GET', '/api/review/queue?edition=2025', undefined, auth(tokens.reviewer));
    expect(queue.body.map((q: { governmentName: string }) => q.governmentName).sort()).toEqual([
      'Porto Alegre',
      'São Paulo',
    ]);
    expect(
      (await app.request('POST', `/api/assessments/${poa.id}/review/start`, undefined, auth(tokens.reviewer))).body
        .state,
    ).toBe('in-review');

    const view = (await app.request('GET', `/api/assessments/${poa.id}`, undefined, auth(tokens.reviewer))).body;
    const answered = view.groups.flatMap((g: any) =>
      g.items
        .filter((i: any) => i.visible && i.answer.value !== null)
        .map((i: any) => ({ group: g.group, itemKey: i.key })),
    );
    const decisions = answered.map((a: any) =>
      a.itemKey === 'local-policy'
        ? { ...a, decision: 'send-back', note: 'O decreto anexado não trata de migração; envie a lei municipal.' }
        : a.itemKey === 'focal-body'
          ? { ...a, decision: 'adjust', rating: 'partial', note: 'A portaria designa só uma pessoa, sem equipe.' }
          : { ...a, decision: 'accept' },
    );
    expect(
      (await app.request('PUT', `/api/assessments/${poa.id}/review/items`, { decisions }, auth(tokens.reviewer)))
        .status,
    ).toBe(200);
    const changes = await app.request(
      'POST',
      `/api/assessments/${poa.id}/review/request-changes`,
      undefined,
      auth(tokens.reviewer),
    );
    expect(changes.body).toMatchObject({
      state: 'changes-requested',
      round: 2,
      sentBack: [{ group: 'governance', itemKey: 'local-policy' }],
    });

    // One e-mail per person concerned: both officials, the focal person and the substitute.
    const mails = await until(() => {
      const found = smtp.mails.filter((m) => m.subject.includes('itens devolvidos'));
      return found.length >= 4 ? found : undefined;
    });
    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      'equipe@portoalegre.test',
      `focal-${PORTO_ALEGRE}@gov.test`,
      'focal@portoalegre.test',
      `suplente-${PORTO_ALEGRE}@gov.test`,
    ]);
    expect(mails[0].subject).toBe('MigraCidades 2025: itens devolvidos para ajuste (Porto Alegre)');
    expect(mails[0].body).toContain('lei municipal');

    const official = (await app.request('GET', `/api/assessments/${poa.id}`, undefined, auth(tokens.poa))).body;
    const sentBack = official.groups[0].items.find((i: any) => i.key === 'local-policy');
    expect(sentBack.answer).toMatchObject({
      reviewStatus: 'sent-back',
      reviewNote: expect.stringContaining('lei municipal'),
    });
    const locked = await app.request(
      'PUT',
      `/api/assessments/${poa.id}/answers`,
      { answers: [{ group: 'governance', itemKey: 'budget-line', value: 'yes', expectedVersion: 2 }] },
      auth(tokens.poa),
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('ASSESSMENT_LOCKED');
    const fix = await app.request(
      'PUT',
      `/api/assessments/${poa.id}/answers`,
      {
        answers: [
          {
            group: 'governance',
            itemKey: 'local-policy',
            value: 'partial',
            expectedVersion: sentBack.answer.version,
            evidence: [{ url: 'https://leismunicipais.test/poa/lei-13000' }],
          },
        ],
      },
      auth(tokens.poa),
    );
    expect(fix.status).toBe(200);
    expect(
      (await app.request('POST', `/api/assessments/${poa.id}/submit`, undefined, auth(tokens.poa))).body.state,
    ).toBe('resubmitted');

    await app.request('POST', `/api/assessments/${poa.id}/review/start`, undefined, auth(tokens.reviewer));
    const diff = await app.request(
      'GET',
      `/api/assessments/${poa.id}/review/changes`,
      undefined,
      auth(tokens.reviewer),
    );
    expect(diff.body).toEqual({
      round: 2,
      changes: [
        expect.objectContaining({
          group: 'governance',
          itemKey: 'local-policy',
          before: 'yes',
          now: 'partial',
          nowEvidence: [{ url: 'https://leismunicipais.test/poa/lei-13000' }],
        }),
      ],
    });
    const notYet = await app.request(
      'POST',
      `/api/assessments/${poa.id}/review/approve`,
      undefined,
      auth(tokens.reviewer),
    );
    expect(notYet.status).toBe(422);
    expect(notYet.body.errors).toEqual([expect.objectContaining({ field: 'answers.governance.local-policy' })]);
    await app.request(
      'PUT',
      `/api/assessments/${poa.id}/review/items`,
      { decisions: [{ group: 'governance', itemKey: 'local-policy', decision: 'accept' }] },
      auth(tokens.reviewer),
    );
    const approved = await app.request(
      'POST',
      `/api/assessments/${poa.id}/review/approve`,
      undefined,
      auth(tokens.reviewer),
    );
    expect(approved.status).toBe(200);
    const governance = approved.body.scoreSnapshot.groups.find((g: any) => g.group === 'governance');
    // The reviewer's "Parcial" for focal-body and the partial policy count; the official's answers are kept.
    expect(governance.items.find((i: any) => i.key === 'focal-body').points).toBe(50);
    expect(governance.items.find((i: any) => i.key === 'local-policy').points).toBe(50);
    expect(governance.score).toBeLessThan(100);
    expect(approved.body.scoreSnapshot.index.index).toBeGreaterThan(90);
    expect(governance).toMatchObject({ questionnaireVersion: 1, scoringVersion: 'engine-1/standard-1' });
    await until(() => smtp.mails.find((m) => m.subject.includes('diagnóstico aprovado')));

    // São Paulo: everything accepted in one pass.
    await app.request('POST', `/api/assessments/${sp.id}/review/start`, undefined, auth(tokens.reviewer));
    const spView = (await app.request('GET', `/api/assessments/${sp.id}`, undefined, auth(tokens.reviewer))).body;
    const all = spView.groups.flatMap((g: any) =>
      g.items
        .filter((i: any) => i.visible && i.answer.value !== null)
        .map((i: any) => ({ group: g.group, itemKey: i.key, decision: 'accept' })),
    );
    await app.request('PUT', `/api/assessments/${sp.id}/review/items`, { decisions: all }, auth(tokens.reviewer));
    expect(
      (await app.request('POST', `/api/assessments/${sp.id}/review/approve`, undefined, auth(tokens.reviewer))).body
        .state,
    ).toBe('approved');
  });

  it('lets the government choose priorities among its gaps, and refuses illegal transitions with 409', async () => {
    const fullyMet = await app.request(
      'PUT',
      `/api/assessments/${poa.id}/priorities`,
      {
        priorities: [
          {
            group: 'health',
            itemKey: 'sus-registration',
            commitment: 'Manter o cadastro no SUS sem exigir documentos.',
          },
        ],
      },
      auth(tokens.poa),
    );
    expect(fullyMet.status).toBe(400);
    expect(fullyMet.body.errors[0]).toMatchObject({ field: 'priorities.0.itemKey', code: 'NOT_A_GAP' });
    const set = await app.request(
      'PUT',
      `/api/assessments/${poa.id}/priorities`,
      {
        priorities: [
          {
            group: 'governance',
            itemKey: 'focal-body',
            commitment: 'Publicar decreto criando a coordenação de políticas para migrantes com equipe própria.',
          },
        ],
      },
      auth(tokens.poa),
    );
    expect(set.status).toBe(200);
    expect((await app.request('GET', `/api/assessments/${poa.id}`, undefined, auth(tokens.poa))).body.state).toBe(
      'priorities-set',
    );

    const illegal = await app.request('POST', `/api/assessments/${poa.id}/submit`, undefined, auth(tokens.poa));
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { currentState: 'priorities-set' } });
    expect(illegal.body.message).toContain('prioridades definidas');
  });

  it('keeps an audit trail that reviewers read and officials cannot', async () => {
    const trail = await app.request('GET', `/api/assessments/${poa.id}/audit`, undefined, auth(tokens.reviewer));
    expect(trail.status).toBe(200);
    const budget = trail.body.filter((e: any) => e.entityId.endsWith('/governance/budget-line'));
    expect(budget[1]).toMatchObject({
      action: 'answer.save',
      actorRole: 'official',
      before: { value: 'yes', version: 1 },
      after: { value: 'partial', version: 2 },
    });
    expect(trail.body.map((e: any) => e.action)).toEqual(
      expect.arrayContaining([
        'assessment.enrol',
        'assessment.submit',
        'review.decide',
        'assessment.request-changes',
        'assessment.approve',
        'priorities.set',
      ]),
    );
    expect((await app.request('GET', `/api/assessments/${poa.id}/audit`, undefined, auth(tokens.poa))).status).toBe(
      403,
    );
  });

  it('renews in the next edition: answers carried through the key maps (protection v1 → v2), priorities reported on', async () => {
    await createEdition(app, tokens.admin, 2026);
    const next = await enrol(app, tokens.poa, 2026, PORTO_ALEGRE);
    expect(next.previousAssessmentId).toBe(poa.id);
    const protection = next.groups.find((g: any) => g.group === 'protection');
    expect(protection.questionnaireVersion).toBe(2);
    const byKey = Object.fromEntries(protection.items.map((i: any) => [i.key, i.answer]));
    expect(byKey['network-open']).toMatchObject({ value: 'yes', carried: true });
    expect(byKey['rights-campaigns']).toMatchObject({ value: 'yes', carried: true }); // renamed from awareness-campaigns
    expect(byKey['lgbtiq-access']).toMatchObject({ value: null }); // new in v2: nothing to carry
    const governance = next.groups
      .find((g: any) => g.group === 'governance')
      .items.find((i: any) => i.key === 'local-policy');
    expect(governance.answer).toMatchObject({
      value: 'partial',
      carried: true,
      evidence: [{ url: 'https://leismunicipais.test/poa/lei-13000' }],
    });

    const saved = await app.request(
      'PUT',
      `/api/assessments/${next.id}/answers`,
      { answers: [{ group: 'protection', itemKey: 'lgbtiq-access', value: 'partial', expectedVersion: 0 }] },
      auth(tokens.poa),
    );
    expect(saved.status).toBe(200);
    const refused = await app.request('POST', `/api/assessments/${next.id}/submit`, undefined, auth(tokens.poa));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ field: 'answers.protection.network-open', code: 'CARRIED_NOT_CONFIRMED' }),
    );

    const { body: priorities } = await app.request(
      'GET',
      `/api/assessments/${next.id}/priorities`,
      undefined,
      auth(tokens.poa),
    );
    expect(priorities.previousEditionPriorities).toHaveLength(1);
    const report = await app.request(
      'PUT',
      `/api/assessments/${next.id}/priority-progress`,
      {
        reports: [
          {
            priorityId: priorities.previousEditionPriorities[0].id,
            status: 'achieved',
            note: 'Decreto 21.000/2026 criou a coordenação.',
          },
        ],
      },
      auth(tokens.poa),
    );
    expect(report.status).toBe(200);
    expect(report.body[0]).toMatchObject({ progressStatus: 'achieved', progressReportedIn: next.id });
  });
});
