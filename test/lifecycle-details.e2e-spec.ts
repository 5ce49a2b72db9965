import { DataSource } from 'typeorm';
import { sampleDocx, samplePng } from './fixtures/sample-files';
import { ADMIN, auth, createEdition, createUser, enrol, login, samplePdf } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

describe('lifecycle details: course, evidence files, reopening, reminders, outbox, audit', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let admin: string;
  let official: string;
  let reviewer: string;
  let assessment: any;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    // No SMTP_URL: messages stay in the in-app outbox.
    app = await bootApp(testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
    admin = await login(app, ADMIN.email, ADMIN.password);
    official = await createUser(app, admin, 'focal@canoas.test', 'official', '4304606');
    reviewer = await createUser(app, admin, 'rev@oim.test', 'reviewer');
    await createEdition(app, admin, 2025);
    assessment = await enrol(app, official, 2025, '4304606');
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('records the focal person\u2019s course completion with its certificate', async () => {
    const form = new FormData();
    form.append('completedAt', '2025-04-10');
    form.append('certificate', new Blob([samplePng()], { type: 'image/png' }), 'certificado-enap.png');
    const r = await app.upload(`/api/assessments/${assessment.id}/course-completion`, form, auth(official));
    expect(r.status).toBe(201);
    expect(r.body.course).toMatchObject({
      completedAt: '2025-04-10',
      certificate: { mime: 'image/png', fileName: 'certificado-enap.png' },
    });
  });

  it('takes an evidence file, attaches it to an answer, and lets the reviewer download it', async () => {
    const form = new FormData();
    form.append('file', new Blob([sampleDocx()]), 'ata-comite.docx');
    const uploaded = await app.upload(`/api/assessments/${assessment.id}/evidence`, form, auth(official));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: 'ata-comite.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(uploaded.body.file).toMatch(/^[a-f0-9]{64}$/);
    const saved = await app.request(
      'PUT',
      `/api/assessments/${assessment.id}/answers`,
      {
        answers: [
          {
            group: 'governance',
            itemKey: 'intersectoral-committee',
            value: 'yes',
            expectedVersion: 0,
            evidence: [{ file: uploaded.body.file, fileName: 'ata-comite.docx' }],
          },
        ],
      },
      auth(official),
    );
    expect(saved.status).toBe(200);
    const download = await fetch(`${app.baseUrl}/api/assessments/${assessment.id}/files/${uploaded.body.file}`, {
      headers: auth(reviewer),
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(sampleDocx())).toBe(true);
    expect(download.headers.get('content-disposition')).toContain('ata-comite.docx');
  });

  it('reminds governments that have not submitted, seven days before the deadline, once', async () => {
    const edition = (await app.request('GET', '/api/editions/2025')).body;
    const deadline = new Date(`${edition.calendar.diagnosisDeadline}T00:00:00Z`);
    const sevenBefore = new Date(deadline.getTime() - 7 * 86400_000).toISOString().slice(0, 10);
    const eightBefore = new Date(deadline.getTime() - 8 * 86400_000).toISOString().slice(0, 10);
    expect(
      (await app.request('POST', `/api/jobs/deadline-reminders?today=${eightBefore}`, undefined, auth(admin))).body,
    ).toEqual({ reminded: 0 });
    await app.request('POST', `/api/jobs/deadline-reminders?today=${sevenBefore}`, undefined, auth(admin));
    await app.request('POST', `/api/jobs/deadline-reminders?today=${sevenBefore}`, undefined, auth(admin));
    const mine = (await app.request('GET', '/api/notifications', undefined, auth(official))).body;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'deadline-reminder', status: 'outbox', recipient: 'focal@canoas.test' });
    expect(mine[0].subject).toBe('MigraCidades 2025: o prazo do diagnóstico termina em 7 dias');
    expect(mine[0].body).toContain('Canoas');
    const everyone = (await app.request('GET', '/api/notifications', undefined, auth(admin))).body;
    expect(everyone.map((n: { recipient: string }) => n.recipient).sort()).toEqual([
      'focal-4304606@gov.test',
      'focal@canoas.test',
    ]);
  });

  it('reminds a government whose deadline was extended seven days before its own deadline, not the edition\u2019s', async () => {
    const edition = (await app.request('GET', '/api/editions/2025')).body;
    const day = (offset: number) =>
      new Date(new Date(`${edition.calendar.diagnosisDeadline}T00:00:00Z`).getTime() + offset * 86400_000)
        .toISOString()
        .slice(0, 10);
    const extended = await app.request(
      'POST',
      '/api/editions/2025/deadline-extensions',
      { governmentCode: '4304606', until: day(14), reason: 'Sistema municipal fora do ar por duas semanas.' },
      auth(admin),
    );
    expect(extended.status).toBe(201);
    const run = async (today: string) =>
      (await app.request('POST', `/api/jobs/deadline-reminders?today=${today}`, undefined, auth(admin))).body;
    expect(await run(day(-7))).toEqual({ reminded: 0 });
    expect(await run(day(7))).toEqual({ reminded: 1 });
    const mine = (await app.request('GET', '/api/notifications', undefined, auth(official))).body;
    const latest = mine.find(
      (n: any) => n.kind === 'deadline-reminder' && n.body.includes(day(14).split('-').reverse().join('/')),
    );
    expect(latest).toBeDefined();
  });

  it('reopens an approved diagnosis only with a recorded reason', async () => {
    const { bestSaves } = await import('./support/answers');
    const view = (await app.request('GET', `/api/assessments/${assessment.id}`, undefined, auth(official))).body;
    const saves = [];
    for (const g of view.groups) {
      const q = (await app.request('GET', `/api/indicator-groups/${g.group}/versions/${g.questionnaireVersion}`)).body;
      for (const save of bestSaves(q)) {
        const current = g.items.find((i: { key: string }) => i.key === save.itemKey).answer;
        saves.push({ ...save, expectedVersion: current.version });
      }
    }
    expect(
      (await app.request('PUT', `/api/assessments/${assessment.id}/answers`, { answers: saves }, auth(official)))
        .status,
    ).toBe(200);
    expect(
      (await app.request('POST', `/api/assessments/${assessment.id}/submit`, undefined, auth(official))).status,
    ).toBe(200);
    await app.request('POST', `/api/assessments/${assessment.id}/review/start`, undefined, auth(reviewer));
    const reviewed = (await app.request('GET', `/api/assessments/${assessment.id}`, undefined, auth(reviewer))).body;
    const decisions = reviewed.groups.flatMap((g: any) =>
      g.items
        .filter((i: any) => i.visible && i.answer.value !== null)
        .map((i: any) => ({ group: g.group, itemKey: i.key, decision: 'accept' })),
    );
    await app.request('PUT', `/api/assessments/${assessment.id}/review/items`, { decisions }, auth(reviewer));
    expect(
      (await app.request('POST', `/api/assessments/${assessment.id}/review/approve`, undefined, auth(reviewer))).status,
    ).toBe(200);

    const reason = 'A lei apresentada foi revogada em maio; rever o grupo 1.';
    const reopened = await app.request('POST', `/api/assessments/${assessment.id}/reopen`, { reason }, auth(reviewer));
    expect(reopened.body).toEqual({ id: assessment.id, state: 'in-review' });
    expect(
      (await app.request('GET', `/api/assessments/${assessment.id}`, undefined, auth(reviewer))).body.scoreSnapshot,
    ).toBeNull();
    const trail = (await app.request('GET', `/api/assessments/${assessment.id}/audit`, undefined, auth(reviewer))).body;
    expect(trail[trail.length - 1]).toMatchObject({
      action: 'assessment.reopen',
      before: { state: 'approved' },
      after: { state: 'in-review', reason },
    });
  });

  it('keeps the audit trail append-only, at the database itself', async () => {
    const db = app.app.get(DataSource);
    await expect(db.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'forged'`);
    expect(Number(n)).toBe(0);
  });

  it('refuses evidence uploads while the assessment is locked for review', async () => {
    const send = () => {
      const form = new FormData();
      form.append('file', new Blob([samplePdf('mesma lei')], { type: 'application/pdf' }), 'lei.pdf');
      return app.upload(`/api/assessments/${assessment.id}/evidence`, form, auth(official));
    };
    // The assessment is in review now: uploads are refused while it is locked.
    const locked = await send();
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('ASSESSMENT_LOCKED');
  });
});
