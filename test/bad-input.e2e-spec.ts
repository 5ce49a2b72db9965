import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, auth, createEdition, createUser, enrol, enrolmentForm, login, samplePdf } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}

describe('bad input gets a 4xx naming the problem, and changes nothing', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let dataDir: string;
  let official: string;
  let reviewer: string;
  let admin: string;
  let assessmentId: string;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    dataDir = join(scratch.dir, 'data');
    app = await bootApp(
      testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, MAX_UPLOAD_MB: '0.05' }),
    );
    admin = await login(app, ADMIN.email, ADMIN.password);
    official = await createUser(app, admin, 'focal@poa.test', 'official', '4314902');
    reviewer = await createUser(app, admin, 'rev@oim.test', 'reviewer');
    await createEdition(app, admin, 2025);
    assessmentId = (await enrol(app, official, 2025, '4314902')).id;
    await app.request(
      'PUT',
      `/api/assessments/${assessmentId}/answers`,
      { answers: [{ group: 'governance', itemKey: 'focal-body', value: 'yes', expectedVersion: 0 }] },
      auth(official),
    );
  });
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  async function state() {
    const view = await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(official));
    const audit = await app.request('GET', `/api/assessments/${assessmentId}/audit`, undefined, auth(reviewer));
    const list = await app.request('GET', '/api/assessments?government=4314902', undefined, auth(official));
    return {
      view: view.body,
      audit: audit.body.length,
      assessments: list.body.total,
      files: listFiles(join(dataDir, 'files')),
    };
  }

  const save = (body: unknown) => app.request('PUT', `/api/assessments/${assessmentId}/answers`, body, auth(official));

  // Every row has five entries: a shorter row would make Jest pass `done` as the last argument.
  it.each<[string, () => Promise<{ status: number; body: any }>, number, string, string | undefined]>([
    ['malformed JSON', () => save('{"answers": [{"group": '), 400, 'MALFORMED_REQUEST', 'body'],
    [
      'an answer of the wrong type',
      () => save({ answers: [{ group: 'governance', itemKey: 'local-policy', value: 42, expectedVersion: 0 }] }),
      400,
      'INVALID_ANSWERS',
      'answers.0.value',
    ],
    [
      'an option that does not exist',
      () =>
        save({
          answers: [
            { group: 'governance', itemKey: 'local-policy-instrument', value: 'constitution', expectedVersion: 0 },
          ],
        }),
      400,
      'INVALID_ANSWERS',
      'answers.0.value',
    ],
    [
      'an unknown item key',
      () => save({ answers: [{ group: 'governance', itemKey: 'no-such-item', value: 'yes', expectedVersion: 0 }] }),
      400,
      'INVALID_ANSWERS',
      'answers.0.value',
    ],
    [
      'an unknown group',
      () => save({ answers: [{ group: 'astrology', itemKey: 'x', value: 'yes', expectedVersion: 0 }] }),
      400,
      'INVALID_ANSWERS',
      'answers.0.group',
    ],
    [
      'an unknown field',
      () =>
        save({
          answers: [{ group: 'governance', itemKey: 'budget-line', value: 'yes', expectedVersion: 0, colour: 'red' }],
        }),
      400,
      'VALIDATION_FAILED',
      'answers.0.colour',
    ],
    [
      'a missing expectedVersion',
      () => save({ answers: [{ group: 'governance', itemKey: 'budget-line', value: 'yes' }] }),
      400,
      'VALIDATION_FAILED',
      'answers.0.expectedVersion',
    ],
    [
      'a good save batched with a bad one',
      () =>
        save({
          answers: [
            { group: 'governance', itemKey: 'budget-line', value: 'yes', expectedVersion: 0 },
            { group: 'governance', itemKey: 'migrant-data', value: 'sim', expectedVersion: 0 },
          ],
        }),
      400,
      'INVALID_ANSWERS',
      'answers.1.value',
    ],
    [
      'evidence with a javascript: link',
      () =>
        save({
          answers: [
            {
              group: 'governance',
              itemKey: 'budget-line',
              value: 'yes',
              expectedVersion: 0,
              evidence: [{ url: 'javascript:alert(1)' }],
            },
          ],
        }),
      400,
      'INVALID_ANSWERS',
      'answers.0.evidence.0',
    ],
    [
      'evidence naming a file never uploaded',
      () =>
        save({
          answers: [
            {
              group: 'governance',
              itemKey: 'budget-line',
              value: 'yes',
              expectedVersion: 0,
              evidence: [{ file: 'a'.repeat(64) }],
            },
          ],
        }),
      400,
      'INVALID_ANSWERS',
      'answers.0.evidence.0',
    ],
    [
      'a stale save',
      () => save({ answers: [{ group: 'governance', itemKey: 'focal-body', value: 'no', expectedVersion: 0 }] }),
      409,
      'STALE_ANSWER',
      'answers.governance.focal-body',
    ],
    [
      'an evidence file over the size limit',
      () => {
        const form = new FormData();
        form.append(
          'file',
          new Blob([Buffer.concat([samplePdf(), Buffer.alloc(80 * 1024, 32)])], { type: 'application/pdf' }),
          'lei.pdf',
        );
        return app.upload(`/api/assessments/${assessmentId}/evidence`, form, auth(official));
      },
      413,
      'UPLOAD_TOO_LARGE',
      'file',
    ],
    [
      'an HTML page named .pdf',
      () => {
        const form = new FormData();
        form.append('file', new Blob([HTML], { type: 'application/pdf' }), 'lei.pdf');
        return app.upload(`/api/assessments/${assessmentId}/evidence`, form, auth(official));
      },
      415,
      'UPLOAD_REJECTED',
      'file',
    ],
    [
      'a PNG sent as a letter of intent (PDF only)',
      () =>
        app.upload(
          '/api/editions/2025/enrolments',
          enrolmentForm('4304606', PNG, 'carta.png', 'image/png'),
          auth(admin),
        ),
      415,
      'UPLOAD_REJECTED',
      'letterOfIntent',
    ],
    [
      'an enrolment for another government',
      () => app.upload('/api/editions/2025/enrolments', enrolmentForm('4304606'), auth(official)),
      403,
      'FORBIDDEN',
      undefined,
    ],
    [
      'an enrolment without the JSON data',
      () => {
        const form = new FormData();
        form.append('letterOfIntent', new Blob([samplePdf()], { type: 'application/pdf' }), 'carta.pdf');
        return app.upload('/api/editions/2025/enrolments', form, auth(official));
      },
      400,
      'VALIDATION_FAILED',
      'data',
    ],
    [
      'an approval before submission (illegal transition)',
      () => app.request('POST', `/api/assessments/${assessmentId}/review/approve`, undefined, auth(reviewer)),
      409,
      'ILLEGAL_TRANSITION',
      undefined,
    ],
    [
      'a review start before submission',
      () => app.request('POST', `/api/assessments/${assessmentId}/review/start`, undefined, auth(reviewer)),
      409,
      'ILLEGAL_TRANSITION',
      undefined,
    ],
    [
      'a reopen without a reason',
      () => app.request('POST', `/api/assessments/${assessmentId}/reopen`, {}, auth(reviewer)),
      400,
      'VALIDATION_FAILED',
      'reason',
    ],
    [
      'a NUL character in a text answer (no database can keep it in JSON)',
      () =>
        save({
          answers: [{ group: 'governance', itemKey: 'governance-notes', value: 'a\u0000b', expectedVersion: 0 }],
        }),
      400,
      'VALIDATION_FAILED',
      'answers.0.value',
    ],
    [
      'a lone surrogate in any text of a request',
      () => app.request('POST', `/api/assessments/${assessmentId}/reopen`, { reason: 'x\ud800' }, auth(reviewer)),
      400,
      'VALIDATION_FAILED',
      'reason',
    ],
  ])('%s', async (_name, send, status, code, field) => {
    const before = await state();
    const r = await send();
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    expect(r.body.message).toBeTruthy();
    expect(r.body.messageEn).toBeTruthy();
    expect(field === undefined || r.body.errors.some((e: { field: string }) => e.field === field)).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('refuses a mislabelled letter of intent at enrolment with 415, storing nothing', async () => {
    const before = listFiles(join(dataDir, 'files'));
    const r = await app.upload(
      '/api/editions/2025/enrolments',
      enrolmentForm('4304606', HTML, 'carta.pdf'),
      auth(admin),
    );
    expect(r.status).toBe(415);
    expect(r.body.errors[0]).toMatchObject({ field: 'letterOfIntent', code: 'MISLABELLED' });
    expect(listFiles(join(dataDir, 'files'))).toEqual(before);
    expect((await app.request('GET', '/api/assessments?government=4304606', undefined, auth(admin))).body.total).toBe(
      0,
    );
  });
});
