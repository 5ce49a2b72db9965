import { auth, bootWithStaff, createEdition, createUser, enrol, enrolmentForm } from './support/lifecycle';
import { internalCodeSet, internalCodes, languageProblems } from './support/language-check';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const CANOAS = '4304606';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  messageEn: string;
  errors?: { field: string; message: string; messageEn: string }[];
}

/** Real errors as a person reads them: Portuguese only in `message`, English only in `messageEn`, no codes. */
describe('error messages, provoked on the real app', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let poa: string;
  const { codes } = internalCodeSet();

  /** Every text of the body a person reads, in each language, checked; returns the body for further checks. */
  const readable = (body: ErrorBody): ErrorBody => {
    const texts = [
      { pt: body.message, en: body.messageEn },
      ...(body.errors ?? []).map((e) => ({ pt: e.message, en: e.messageEn })),
    ];
    for (const { pt, en } of texts) {
      expect({ pt, problems: [...languageProblems(pt, 'pt-BR'), ...internalCodes(pt, 'pt-BR', codes)] }).toEqual({
        pt,
        problems: [],
      });
      expect({ en, problems: [...languageProblems(en, 'en'), ...internalCodes(en, 'en', codes)] }).toEqual({
        en,
        problems: [],
      });
    }
    return body;
  };

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    t.poa = await createUser(app, t.admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    t.canoas = await createUser(app, t.admin, 'focal@canoas.test', 'official', CANOAS);
    await createEdition(app, t.admin, 2025);
    poa = (await enrol(app, t.poa, 2025, PORTO_ALEGRE)).id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  it('a text too short: the limit in words of each language, the field only in `field`', async () => {
    const r = await app.request(
      'POST',
      '/api/users',
      { email: 'nova@poa.test', name: 'Nova', password: 'curta', role: 'official', governmentCode: '43' },
      auth(t.admin),
    );
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const body = readable(r.body);
    expect(body.errors).toEqual([
      {
        field: 'password',
        code: 'minLength',
        message: 'deve ter ao menos 12 caracteres',
        messageEn: 'must be at least 12 characters long',
      },
    ]);
    expect([body.message, body.messageEn]).toEqual([
      'Dados inválidos em 1 campo(s); veja o problema de cada um.',
      'Invalid input in 1 field(s); see the problem with each.',
    ]);
  });

  it('a value outside a list: the accepted values apart from the message', async () => {
    const r = await app.request(
      'POST',
      '/api/users',
      { email: 'nova@poa.test', name: 'Nova', password: 'uma-senha-longa', role: 'mayor' },
      auth(t.admin),
    );
    expect(r.status).toBe(400);
    const role = readable(r.body).errors!.find((e) => e.field === 'role')!;
    expect(role).toMatchObject({
      message: 'não é um dos valores aceitos',
      allowed: expect.arrayContaining(['official']),
    });
  });

  it('a commitment too short, as the issue saw it: the limit in words, the field path only in `field`', async () => {
    const r = await app.request(
      'PUT',
      `/api/assessments/${poa}/priorities`,
      { priorities: [{ group: 'governance', itemKey: 'budget-line', commitment: 'Melhorar' }] },
      auth(t.poa),
    );
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(readable(r.body).errors).toEqual([
      {
        field: 'priorities.0.commitment',
        code: 'minLength',
        message: 'deve ter ao menos 10 caracteres',
        messageEn: 'must be at least 10 characters long',
      },
    ]);
  });

  it('an action the assessment\u2019s stage does not allow: the stage in words and what comes next', async () => {
    const r = await app.request(
      'PUT',
      `/api/assessments/${poa}/priorities`,
      { priorities: [{ group: 'governance', itemKey: 'budget-line', commitment: 'Criar uma rubrica no orçamento.' }] },
      auth(t.poa),
    );
    expect([r.status, r.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const body = readable(r.body);
    expect(body.message).toBe(
      'Não é possível definir as prioridades: a avaliação está "inscrito", e esta ação só vale quando ela está em ' +
        'uma destas etapas: aprovado, prioridades definidas. O próximo passo é o governo começar a responder o diagnóstico.',
    );
    expect(body.messageEn).toBe(
      'Cannot set the priorities: the assessment is "enrolled", and this action is possible only at one of these ' +
        'stages: approved, priorities set. Next, the government starts answering the diagnosis.',
    );
    expect(r.body.details).toEqual({ currentState: 'enrolled', allowedFrom: ['approved', 'priorities-set'] });
  });

  it('an action for another role, and another government\u2019s data', async () => {
    const role = await app.request('GET', '/api/users', undefined, auth(t.poa));
    expect([role.status, role.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(readable(role.body).message).toBe('Acesso negado: esta ação é reservada a administradores.');
    const other = await app.request('GET', `/api/assessments/${poa}`, undefined, auth(t.canoas));
    expect(readable(other.body).messageEn).toBe('You may only access your own government\u2019s data.');
    const anonymous = await app.request('GET', '/api/users');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    readable(anonymous.body);
  });

  it('an unknown route, a body that is not JSON, and an unsupported content type', async () => {
    const missing = await app.request('GET', '/api/nothing-here');
    expect([missing.status, missing.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    expect(readable(missing.body).message).toBe('Recurso não encontrado.');

    const broken = await app.request('POST', '/api/auth/login', '{"email": "admin@', {
      'content-type': 'application/json',
    });
    expect([broken.status, broken.body.code]).toEqual([400, 'MALFORMED_REQUEST']);
    expect(readable(broken.body).message).toBe('Requisição malformada: o corpo não pôde ser lido.');
    // The parser's own words stay for developers, apart from the messages.
    expect(broken.body.details.reason).toEqual(expect.any(String));

    // A NUL character in the address, in the path or the query, is refused before any route reads it.
    for (const path of ['/api/assessments/%00', '/api/governments?uf=%00SP']) {
      const nul = await app.request('GET', path, undefined, auth(t.canoas));
      expect([path, nul.status, nul.body.code]).toEqual([path, 400, 'MALFORMED_REQUEST']);
      expect(readable(nul.body).errors![0]).toMatchObject({
        field: 'url',
        message: 'o endereço contém um caractere NUL (%00), que nenhum campo pode conter',
      });
    }

    const xml = await app.request('POST', '/api/auth/login', '<login/>', { 'content-type': 'application/xml' });
    expect([xml.status, xml.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    readable(xml.body);
  });

  it('an upload whose content is not what its name says', async () => {
    const form = enrolmentForm(CANOAS, Buffer.from('apenas texto, sem assinatura'), 'carta.pdf');
    const r = await app.upload('/api/editions/2025/enrolments', form, auth(t.canoas));
    expect([r.status, r.body.code]).toEqual([415, 'UPLOAD_REJECTED']);
    const body = readable(r.body);
    expect(body.message).toBe('Pela extensão .pdf, o arquivo se diz PDF, mas o conteúdo é texto simples.');
    expect(body.messageEn).toBe('By its .pdf extension, the file claims to be PDF, but its content is plain text.');
    expect(body.errors![0].field).toBe('letterOfIntent');
  });

  it('a form field that is not JSON', async () => {
    const form = new FormData();
    form.append('data', '{"governmentCode":');
    const r = await app.upload('/api/editions/2025/enrolments', form, auth(t.canoas));
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(readable(r.body).errors).toEqual([
      expect.objectContaining({ field: 'data', message: 'este campo do formulário não contém um JSON válido' }),
    ]);
  });
});
