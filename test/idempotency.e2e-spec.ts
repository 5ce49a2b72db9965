import { randomUUID } from 'node:crypto';
import {
  auth,
  bootWithStaff,
  createEdition,
  createUser,
  driveToPriorities,
  enrol,
  enrolmentForm,
  PASSWORD,
  samplePdf,
} from './support/lifecycle';
import type { RunningApp } from './support/test-app';
import { signIn } from '../src/bench/page-timing';

const YEAR = 2025;
/** Porto Alegre enrols through the API with keys; the others go through to the seal. */
const POA = '4314902';
const ISSUED_ALONE = '4304606';
const IN_BATCH = ['4305108', '4309209', '4318705', '4316907'];
/** Through the pages: Pelotas enrols with the form; Novo Hamburgo gets its seal and Rio Grande the batch. */
const PELOTAS = '4314407';
const ISSUED_ON_PAGE = '4313409';
const BATCH_ON_PAGE = '4315602';

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

type Response = { status: number; body: any; text: string; headers: Headers };

describe('idempotent operations: one running batch per edition, Idempotency-Key on issuing and enrolling', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let tokens: { admin: string; reviewer: string; certifier: string };
  let poa: string;
  let poaDeputy: string;
  let poaAssessment: string;

  /** The raw response, headers included (the helpers keep only status and body). */
  async function send(method: string, path: string, init: { token: string; key?: string; body?: FormData }) {
    const headers: Record<string, string> = { ...auth(init.token) };
    if (init.key !== undefined) headers['idempotency-key'] = init.key;
    const res = await fetch(app.baseUrl + path, { method, headers, body: init.body });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text, headers: res.headers } as Response;
  }

  const enrolPoa = (token: string, key?: string, form = enrolmentForm(POA)) =>
    send('POST', `/api/editions/${YEAR}/enrolments`, { token, key, body: form });
  const issue = (assessmentId: string, key?: string) =>
    send('POST', `/api/assessments/${assessmentId}/certificate`, { token: tokens.certifier, key });
  const startBatch = (key?: string) =>
    send('POST', `/api/editions/${YEAR}/certificate-batches`, { token: tokens.certifier, key });
  const seals = async () =>
    (await app.request('GET', `/api/editions/${YEAR}/certificates`)).body as { number: string; ibgeCode: string }[];

  async function readyForSeal(code: string, n: number): Promise<string> {
    const official = await createUser(app, tokens.admin, `focal${n}@${code}.test`, 'official', code);
    const { id } = await enrol(app, official, YEAR, code);
    await driveToPriorities(app, { official, reviewer: tokens.reviewer }, id);
    return id;
  }

  beforeAll(async () => {
    // One page at a time and one seal per print: the batch runs long enough to be asked for again.
    ({ app, cleanup, tokens } = await bootWithStaff({ RENDER_PAGES: '1', CERTIFICATE_BATCH_SIZE: '1' }));
    await createEdition(app, tokens.admin, YEAR);
    poa = await createUser(app, tokens.admin, 'focal@poa.test', 'official', POA);
    poaDeputy = await createUser(app, tokens.admin, 'suplente@poa.test', 'official', POA);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('refuses a malformed key with a 400 naming the header, before any work', async () => {
    for (const key of ['', 'two words', 'x'.repeat(256), 'chave-ção', '""']) {
      const r = await enrolPoa(poa, key);
      expect({ key, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
        key,
        status: 400,
        field: 'Idempotency-Key',
      });
      expect(r.body.message).toContain('Idempotency-Key');
      expect(r.body.messageEn).toContain('Idempotency-Key');
    }
    const list = await app.request('GET', `/api/assessments?edition=${YEAR}`, undefined, auth(tokens.admin));
    expect(list.body.total).toBe(0);
  });

  it('enrols once under a key: the repeat gets the same response, another body 422, another user no replay', async () => {
    const key = randomUUID();
    const first = await enrolPoa(poa, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await enrolPoa(poa, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    // The same key, quoted as the draft's structured-field string, is the same key.
    const quoted = await enrolPoa(poa, `"${key}"`);
    expect(quoted.status).toBe(201);
    expect(quoted.body.id).toBe(first.body.id);

    const otherLetter = await enrolPoa(poa, key, enrolmentForm(POA, undefined, 'outra-carta.pdf'));
    expect(otherLetter.status).toBe(422);
    expect(otherLetter.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(otherLetter.body.errors[0].field).toBe('Idempotency-Key');
    expect(otherLetter.body.messageEn).toContain('Idempotency-Key');

    // Keys belong to their user: another official of the same government with the same key is not replayed.
    const deputy = await enrolPoa(poaDeputy, key);
    expect(deputy.status).toBe(409);
    expect(deputy.body.code).toBe('ALREADY_EXISTS');
    expect(deputy.headers.get('idempotent-replayed')).toBeNull();

    // Without a key, a repeat is refused as before; nothing was enrolled twice.
    expect((await enrolPoa(poa)).status).toBe(409);
    const list = await app.request('GET', `/api/assessments?edition=${YEAR}`, undefined, auth(tokens.admin));
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
    poaAssessment = first.body.id;
  }, 60_000);

  it('issues a seal once under a key: one seal, one number, also when both requests arrive together', async () => {
    const id = await readyForSeal(ISSUED_ALONE, 0);
    const key = randomUUID();
    const both = await Promise.all([issue(id, key), issue(id, key)]);
    const fresh = both.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'));
    expect(fresh).toHaveLength(1);
    const [winner] = fresh;
    // The one that came second either found the first still working (409) or got its response.
    const other = both.find((r) => r !== winner)!;
    const outcome =
      other.status === 409
        ? { status: 409, code: other.body.code }
        : { status: other.status, number: other.body.number, replayed: other.headers.get('idempotent-replayed') };
    expect([
      { status: 409, code: 'IDEMPOTENCY_KEY_IN_PROGRESS' },
      { status: 201, number: winner.body.number, replayed: 'true' },
    ]).toContainEqual(outcome);

    const again = await issue(id, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.number).toBe(winner.body.number);
    expect((await seals()).filter((s) => s.ibgeCode === ISSUED_ALONE).map((s) => s.number)).toEqual([
      winner.body.number,
    ]);

    // The key belongs to that request: issuing for another assessment under it is refused.
    const reused = await issue(poaAssessment, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  }, 120_000);

  it('runs one batch per edition: concurrent and repeated requests get the running one, then nothing to issue', async () => {
    for (const [i, code] of IN_BATCH.entries()) await readyForSeal(code, i + 1);
    const [a, b] = await Promise.all([startBatch(), startBatch()]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const started = a.status === 201 ? a : b;
    expect(started.body).toMatchObject({ alreadyRunning: false, total: IN_BATCH.length });
    expect(started.headers.get('location')).toBe(`/api/certificate-batches/${started.body.id}`);

    const key = randomUUID();
    const again = await startBatch(key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: started.body.id, alreadyRunning: true });
    expect(again.headers.get('location')).toBe(`/api/certificate-batches/${started.body.id}`);
    const replayed = await startBatch(key);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(again.body);

    for (;;) {
      const p = await send('GET', `/api/certificate-batches/${started.body.id}`, { token: tokens.certifier });
      if (p.body.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const issued = await seals();
    expect(issued.filter((s) => IN_BATCH.includes(s.ibgeCode))).toHaveLength(IN_BATCH.length);
    expect(new Set(issued.map((s) => s.number)).size).toBe(issued.length);

    // Everything ready is certified (Porto Alegre never reached the review): no empty job, each time.
    for (let i = 0; i < 3; i++) {
      const none = await startBatch();
      expect(none.status).toBe(422);
      expect(none.body.code).toBe('NOTHING_TO_ISSUE');
      expect(none.body.message).toContain(String(YEAR));
    }
  }, 240_000);

  it('does the work of a page form once when it is sent twice (a double click): enrolment, a seal, the batch', async () => {
    const page = (path: string, cookie: string) =>
      fetch(app.baseUrl + path, { headers: { cookie } }).then((r) => r.text());
    const post = (path: string, cookie: string, body: URLSearchParams | FormData) =>
      fetch(app.baseUrl + path, { method: 'POST', headers: { cookie }, body, redirect: 'manual' });

    await createUser(app, tokens.admin, 'focal@pelotas.test', 'official', PELOTAS);
    const official = (await signIn(app.baseUrl, 'focal@pelotas.test', PASSWORD)).cookie;
    const form = await page(`/edicoes/${YEAR}/inscricao`, official);
    const action = /id="enrolment-form" method="post" action="([^"]+)"/.exec(form)![1].replace(/&amp;/g, '&');
    const enrolment = () => {
      const data = new FormData();
      data.append('idempotencyKey', hidden(form, 'idempotencyKey')!);
      const fields: Record<string, string> = {
        'focalPerson.name': 'Paula Ponto Focal',
        'focalPerson.email': 'paula@pelotas.rs.gov.br',
        'focalPerson.department': 'Secretaria de Assistência Social',
        'migrantService.name': 'CRAI Pelotas',
        'migrantService.phone': '(53) 3222-0000',
        'migrantService.email': 'crai@pelotas.rs.gov.br',
        'migrantService.address': 'Rua XV de Novembro, 100',
      };
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      data.append('letterOfIntent', new Blob([samplePdf()], { type: 'application/pdf' }), 'carta.pdf');
      return data;
    };
    const enrolled = await Promise.all([post(action, official, enrolment()), post(action, official, enrolment())]);
    expect(enrolled.map((r) => r.status)).toEqual([303, 303]);
    expect(enrolled[0].headers.get('location')).toMatch(/^\/avaliacoes\/[0-9a-f-]{36}\/curso\?inscricao=1$/);
    expect(enrolled[1].headers.get('location')).toBe(enrolled[0].headers.get('location'));
    const list = await app.request('GET', `/api/assessments?edition=${YEAR}`, undefined, auth(tokens.admin));
    expect(list.body.items.filter((a: any) => a.government.ibgeCode === PELOTAS)).toHaveLength(1);

    const issuedAlone = await readyForSeal(ISSUED_ON_PAGE, 10);
    await readyForSeal(BATCH_ON_PAGE, 11);
    const certifier = (await signIn(app.baseUrl, 'certificadora@ufrgs.test', PASSWORD)).cookie;
    const home = await page(`/certificacao?ano=${YEAR}`, certifier);
    const csrf = hidden(home, '_csrf')!;
    const issueKey = new RegExp(
      `name="assessmentId" value="${issuedAlone}">\\s*<input type="hidden" name="idempotencyKey" value="([^"]+)"`,
    ).exec(home)![1];
    const issueForm = () => new URLSearchParams({ _csrf: csrf, assessmentId: issuedAlone, idempotencyKey: issueKey });
    const issued = await Promise.all([
      post('/certificacao/emitir', certifier, issueForm()),
      post('/certificacao/emitir', certifier, issueForm()),
    ]);
    expect(issued.map((r) => r.status)).toEqual([303, 303]);
    expect(issued[0].headers.get('location')).toMatch(new RegExp(`^/certificacao\\?ano=${YEAR}&emitido=MC-`));
    expect(issued[1].headers.get('location')).toBe(issued[0].headers.get('location'));
    expect((await seals()).filter((s) => s.ibgeCode === ISSUED_ON_PAGE)).toHaveLength(1);

    const batchForm = (key?: string) =>
      new URLSearchParams({ _csrf: csrf, ano: String(YEAR), ...(key ? { idempotencyKey: key } : {}) });
    const batchKey = /name="ano" value="\d+">\s*<input type="hidden" name="idempotencyKey" value="([^"]+)"/.exec(
      home,
    )![1];
    const batches = await Promise.all([
      post('/certificacao/lotes', certifier, batchForm(batchKey)),
      post('/certificacao/lotes', certifier, batchForm(batchKey)),
    ]);
    const batchPage = batches[0].headers.get('location')!;
    expect(batchPage).toMatch(/^\/certificacao\/lotes\/[0-9a-f-]{36}$/);
    expect(batches[1].headers.get('location')).toBe(batchPage);
    for (;;) {
      const p = await send('GET', `/api/certificate-batches/${batchPage.split('/').pop()}`, {
        token: tokens.certifier,
      });
      if (p.body.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await seals()).filter((s) => s.ibgeCode === BATCH_ON_PAGE)).toHaveLength(1);

    // The same form again leads to the same batch; a new one finds nothing to issue, and the page says so.
    expect((await post('/certificacao/lotes', certifier, batchForm(batchKey))).headers.get('location')).toBe(batchPage);
    const nothing = await post('/certificacao/lotes', certifier, batchForm(randomUUID()));
    expect(nothing.headers.get('location')).toBe(`/certificacao?ano=${YEAR}&lote=nenhum`);
    expect(await page(nothing.headers.get('location')!, certifier)).toContain(
      `Não há selos a emitir na edição ${YEAR}`,
    );
  }, 240_000);
});
