import { minimalPdf } from '../../src/core/demo/minimal-pdf';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire.types';
import { bootApp, type HttpClient as RunningApp, scratchDir, testConfig } from './test-app';

export const ADMIN = { email: 'admin@migracidades.test', password: 'admin-password-123' };
export const PASSWORD = 'correct-horse-battery';

/** A small but real PDF (what a signed letter of intent looks like to the content check). */
export const samplePdf = (text = 'Carta de intencao') => minimalPdf(text);

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function login(app: RunningApp, email: string, password = PASSWORD): Promise<string> {
  const r = await app.request('POST', '/api/auth/login', { email, password });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.text}`);
  return r.body.accessToken;
}

export async function createUser(
  app: RunningApp,
  adminToken: string,
  email: string,
  role: string,
  governmentCode?: string,
): Promise<string> {
  const r = await app.request(
    'POST',
    '/api/users',
    { email, name: email.split('@')[0], password: PASSWORD, role, ...(governmentCode ? { governmentCode } : {}) },
    auth(adminToken),
  );
  if (r.status !== 201) throw new Error(`create user ${email}: ${r.status} ${r.text}`);
  return login(app, email);
}

/** The server's today, as its clock sees it: `CLOCK_START` when the app was booted with one (it barely moves in a test). */
export function serverToday(app: RunningApp | { config?: { clockStart?: Date } }): Date {
  return ('config' in app && app.config?.clockStart) || new Date();
}

/** A day `offset` days from the server's today, as YYYY-MM-DD. */
export const dayFrom = (app: RunningApp, offset: number) =>
  new Date(serverToday(app).getTime() + offset * 86400_000).toISOString().slice(0, 10);

/**
 * An edition whose enrolment is open on the server's today, with its diagnosis deadline 60 days ahead, so that
 * the default flows run within the calendar; `extra` adds or overrides fields (e.g. `sealValidity`).
 */
export async function createEdition(
  app: RunningApp,
  adminToken: string,
  year: number,
  pinnedVersions: Record<string, number> = {},
  extra: Record<string, unknown> = {},
) {
  const r = await app.request(
    'POST',
    '/api/editions',
    {
      year,
      calendar: {
        enrolmentOpens: dayFrom(app, -10),
        enrolmentCloses: dayFrom(app, 20),
        diagnosisDeadline: dayFrom(app, 60),
        reviewDeadline: dayFrom(app, 90),
        certificationDate: dayFrom(app, 120),
      },
      pinnedVersions,
      ...extra,
    },
    auth(adminToken),
  );
  if (r.status !== 201) throw new Error(`edition ${year}: ${r.status} ${r.text}`);
  return r.body;
}

export function enrolmentForm(
  governmentCode: string,
  letter: Buffer = samplePdf(),
  fileName = 'carta-de-intencao.pdf',
  mime = 'application/pdf',
): FormData {
  const form = new FormData();
  form.append(
    'data',
    JSON.stringify({
      governmentCode,
      focalPerson: {
        name: 'Ana Ponto Focal',
        email: `focal-${governmentCode}@gov.test`,
        phone: '+55 51 3289-0000',
        department: 'Secretaria de Direitos Humanos',
      },
      substitutes: [
        {
          name: 'Bruno Suplente',
          email: `suplente-${governmentCode}@gov.test`,
          department: 'Secretaria de Assistência Social',
        },
      ],
      migrantService: {
        name: 'Centro de Referência para Migrantes',
        phone: '(51) 3289-1111',
        email: `crai-${governmentCode}@gov.test`,
        address: 'Rua dos Andradas, 1000, Centro',
      },
    }),
  );
  form.append('letterOfIntent', new Blob([letter], { type: mime }), fileName);
  return form;
}

/** Records the focal person's ENAP course completion (the enrolment stage needs it for a seal). */
export async function recordCourse(app: RunningApp, token: string, assessmentId: string, completedAt?: string) {
  const form = new FormData();
  form.append('completedAt', completedAt ?? dayFrom(app, -1));
  form.append(
    'certificate',
    new Blob([samplePdf('Certificado do curso ENAP')], { type: 'application/pdf' }),
    'enap.pdf',
  );
  const r = await app.upload(`/api/assessments/${assessmentId}/course-completion`, form, auth(token));
  if (r.status !== 201) throw new Error(`course ${assessmentId}: ${r.status} ${r.text}`);
  return r.body;
}

/** Enrols a government and, unless `course: false`, records its focal person's course completion. */
export async function enrol(
  app: RunningApp,
  token: string,
  year: number,
  governmentCode: string,
  options: { course?: boolean } = {},
) {
  const r = await app.upload(`/api/editions/${year}/enrolments`, enrolmentForm(governmentCode), auth(token));
  if (r.status !== 201) throw new Error(`enrol ${governmentCode}: ${r.status} ${r.text}`);
  if (options.course === false) return r.body;
  await recordCourse(app, token, r.body.id);
  return (await app.request('GET', `/api/assessments/${r.body.id}`, undefined, auth(token))).body;
}

/** The questionnaires an assessment uses, fetched from the public API. */
export async function questionnairesOf(
  app: RunningApp,
  assessment: { groups: { group: string; questionnaireVersion: number }[] },
): Promise<Questionnaire[]> {
  return Promise.all(
    assessment.groups.map(
      async (g) =>
        (await app.request('GET', `/api/indicator-groups/${g.group}/versions/${g.questionnaireVersion}`)).body,
    ),
  );
}

/**
 * Takes an enrolled government through diagnosis (best answers), review (all accepted), approval and priorities,
 * recording the focal person's course if it is missing: afterwards every stage before the seal is complete.
 */
export async function driveToPriorities(
  app: RunningApp,
  tokens: { official: string; reviewer: string },
  assessmentId: string,
): Promise<void> {
  const { bestAnswers } = await import('./answers');
  const view = (await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(tokens.official))).body;
  // Every stage complete: the focal person's course too, if the enrolment did not record it.
  if (!view.enrolment.course) await recordCourse(app, tokens.official, assessmentId);
  const questionnaires = await questionnairesOf(app, view);
  const answers = questionnaires.flatMap((q) =>
    Object.entries(bestAnswers(q)).map(([itemKey, value]) => {
      const current = view.groups
        .find((g: { group: string }) => g.group === q.group)
        .items.find((i: { key: string }) => i.key === itemKey).answer;
      const item = q.items.find((i) => i.key === itemKey)!;
      // Evidence (a link) wherever it is required, so that the submission and the review's acceptance hold.
      const evidence =
        item.evidence === 'required' && item.type !== 'evidence'
          ? [{ url: `https://leismunicipais.test/evidencia/${itemKey}.pdf` }]
          : undefined;
      // One item left partly met, so that there is a gap to prioritise.
      return {
        group: q.group,
        itemKey,
        value: q.group === 'governance' && itemKey === 'budget-line' ? 'partial' : value,
        expectedVersion: current.version,
        ...(evidence ? { evidence } : {}),
      };
    }),
  );
  const steps: [string, string, unknown, string][] = [
    ['PUT', `/api/assessments/${assessmentId}/answers`, { answers }, tokens.official],
    ['POST', `/api/assessments/${assessmentId}/submit`, undefined, tokens.official],
    ['POST', `/api/assessments/${assessmentId}/review/start`, undefined, tokens.reviewer],
  ];
  for (const [method, path, body, token] of steps) {
    const r = await app.request(method, path, body, auth(token));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  }
  const reviewed = (await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(tokens.reviewer)))
    .body;
  const decisions = reviewed.groups.flatMap((g: any) =>
    g.items
      .filter((i: any) => i.visible && i.answer.value !== null)
      .map((i: any) => ({ group: g.group, itemKey: i.key, decision: 'accept' })),
  );
  for (const [method, path, body, token] of [
    ['PUT', `/api/assessments/${assessmentId}/review/items`, { decisions }, tokens.reviewer],
    ['POST', `/api/assessments/${assessmentId}/review/approve`, undefined, tokens.reviewer],
    [
      'PUT',
      `/api/assessments/${assessmentId}/priorities`,
      {
        priorities: [
          { group: 'governance', itemKey: 'budget-line', commitment: 'Criar ação orçamentária própria no PPA.' },
        ],
      },
      tokens.official,
    ],
  ] as [string, string, unknown, string][]) {
    const r = await app.request(method, path, body, auth(token));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  }
}

/** The app booted on a scratch folder, its administrator signed in, and a reviewer and a certifier created. */
export async function bootWithStaff(env: Record<string, string> = {}) {
  const scratch = scratchDir();
  const app = await bootApp(
    testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env }),
  );
  const admin = await login(app, ADMIN.email, ADMIN.password);
  const reviewer = await createUser(app, admin, 'revisora@oim.test', 'reviewer');
  const certifier = await createUser(app, admin, 'certificadora@ufrgs.test', 'certifier');
  return { app, cleanup: scratch.cleanup, tokens: { admin, reviewer, certifier } };
}
