import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { PNG } from 'pngjs';
import { ADMIN, auth, createEdition, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const PUBLIC_URL = 'https://migracidades.ufrgs.test';

/** Renders the first page with poppler and decodes its QR code with jsQR. */
function decodeQr(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'seal-qr-'));
  try {
    writeFileSync(join(dir, 'seal.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'seal.pdf'), join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files embedded in a PDF, extracted with poppler's pdfdetach. */
function attachments(pdf: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'seal-att-'));
  try {
    writeFileSync(join(dir, 'seal.pdf'), pdf);
    execFileSync('pdfdetach', ['-saveall', '-o', dir, join(dir, 'seal.pdf')]);
    return Object.fromEntries(
      ['credential.jwt', 'credential.json'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('certification: the Selo MigraCidades', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let poa: string;
  let canoas: string;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(
      testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, PUBLIC_URL }),
    );
    t.admin = await login(app, ADMIN.email, ADMIN.password);
    t.reviewer = await createUser(app, t.admin, 'rev@oim.test', 'reviewer');
    t.certifier = await createUser(app, t.admin, 'cert@ufrgs.test', 'certifier');
    t.poa = await createUser(app, t.admin, 'focal@poa.test', 'official', '4314902');
    t.canoas = await createUser(app, t.admin, 'focal@canoas.test', 'official', '4304606');
    await createEdition(app, t.admin, 2025);
    poa = (await enrol(app, t.poa, 2025, '4314902')).id;
    canoas = (await enrol(app, t.canoas, 2025, '4304606')).id;
    await driveToPriorities(app, { official: t.poa, reviewer: t.reviewer }, poa);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  let seal: any;
  let pdf: Buffer;

  it('refuses non-certifiers and governments that do not meet the edition\u2019s rule', async () => {
    expect((await app.request('POST', `/api/assessments/${poa}/certificate`, undefined, auth(t.reviewer))).status).toBe(
      403,
    );
    expect((await app.request('POST', `/api/assessments/${poa}/certificate`, undefined, auth(t.poa))).status).toBe(403);
    const ineligible = await app.request(
      'POST',
      `/api/assessments/${canoas}/certificate`,
      undefined,
      auth(t.certifier),
    );
    expect(ineligible.status).toBe(422);
    expect(ineligible.body.code).toBe('NOT_ELIGIBLE');
    expect(ineligible.body.message).toContain('etapa "Diagnóstico" incompleta');
    expect(ineligible.body.details.missingStages.map((s: any) => s.stage)).toEqual(['diagnosis', 'prioritisation']);
  });

  it('issues a one-page seal whose text says who, what, when and until when', async () => {
    const r = await app.request('POST', `/api/assessments/${poa}/certificate`, undefined, auth(t.certifier));
    expect(r.status).toBe(201);
    seal = r.body;
    expect(seal).toMatchObject({
      number: 'MC-2025-00001',
      status: 'valid',
      authentic: true,
      government: { name: 'Porto Alegre' },
      editionYear: 2025,
      level: 'reference',
      levelLabel: { 'pt-BR': 'Referência', en: 'Reference' },
    });
    expect(seal.validFrom).toBe(seal.issuedAt.slice(0, 10));
    const download = await fetch(`${app.baseUrl}/api/certificates/${seal.number}/pdf`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    pdf = Buffer.from(await download.arrayBuffer());
    const parsed = await pdfParse(pdf);
    expect(parsed.numpages).toBe(1);
    const text = parsed.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Selo MigraCidades 2025',
      'Porto Alegre (RS)',
      'Município',
      'Certificado nº MC-2025-00001',
      'Governança Migratória',
      'concluiu todas as etapas',
      'Organização Internacional para as Migrações',
      'Universidade Federal do Rio Grande do Sul',
    ]) {
      expect(text).toContain(expected);
    }
    // Labels are set in small capitals.
    expect(text.toLowerCase()).toContain('nível de maturidade referência');
    // The verification URL is printed whole, on one line.
    expect(parsed.text).toContain(`${PUBLIC_URL}/verify/MC-2025-00001`);
    const [y, m, d] = seal.validUntil.split('-');
    expect(text).toContain(`Válido até ${d}/${m}/${y}`);
    const state = (await app.request('GET', `/api/assessments/${poa}`, undefined, auth(t.poa))).body.state;
    expect(state).toBe('certified');
    const mail = (await app.request('GET', '/api/notifications', undefined, auth(t.poa))).body.find(
      (n: any) => n.kind === 'seal-issued',
    );
    expect(mail.subject).toBe('Selo MigraCidades 2025 emitido: Porto Alegre');
  });

  it('carries a QR code that decodes to the public verification URL', () => {
    expect(decodeQr(pdf)).toBe(`${PUBLIC_URL}/verify/MC-2025-00001`);
  });

  it('embeds a credential signed with Ed25519 that an independent library verifies against the published key', async () => {
    const { 'credential.jwt': jwt, 'credential.json': json } = attachments(pdf);
    const jwks = (await app.request('GET', '/.well-known/jwks.json')).body;
    const did = (await app.request('GET', '/.well-known/did.json')).body;
    expect(did.id).toBe('did:web:migracidades.ufrgs.test');
    expect(did.verificationMethod[0].publicKeyJwk).toEqual(jwks.keys[0]);
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
      issuer: did.id,
      algorithms: ['EdDSA'],
    });
    expect(protectedHeader.kid).toBe(did.assertionMethod[0]);
    const vc = payload.vc as any;
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.credentialSubject).toMatchObject({
      id: 'urn:ibge:4314902',
      name: 'Porto Alegre (RS)',
      achievement: { name: 'Selo MigraCidades 2025' },
    });
    expect(vc.id).toBe(`${PUBLIC_URL}/verify/MC-2025-00001`);
    expect(JSON.parse(json)).toEqual(vc);
  });

  it('verifies publicly by number (JSON and HTML), and by document', async () => {
    expect((await app.request('GET', '/api/verify/MC-2025-00001')).body).toMatchObject({
      status: 'valid',
      authentic: true,
      government: { name: 'Porto Alegre' },
    });
    const page = await app.request('GET', '/verify/MC-2025-00001');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Selo válido');
    expect(page.text).toContain('Porto Alegre (RS)');
    const unknown = await app.request('GET', '/api/verify/MC-2025-99999');
    expect(unknown.body).toEqual({ number: 'MC-2025-99999', status: 'unknown', authentic: false });
    expect((await app.request('GET', '/verify/MC-2025-99999')).status).toBe(404);

    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'selo.pdf');
    expect((await app.upload('/api/verify', form)).body).toMatchObject({
      status: 'valid',
      authentic: true,
      number: 'MC-2025-00001',
    });
    const { 'credential.jwt': jwt } = attachments(pdf);
    expect((await app.request('POST', '/api/verify', { credential: jwt })).body).toMatchObject({
      status: 'valid',
      authentic: true,
    });
  });

  it('reports a tampered PDF or credential as not authentic', async () => {
    const tampered = Buffer.from(pdf.toString('latin1').replace('Porto Alegre', 'Porto Alegri'), 'latin1');
    const form = new FormData();
    form.append(
      'file',
      new Blob([tampered.equals(pdf) ? Buffer.concat([pdf, Buffer.from('\n% edited\n')]) : tampered], {
        type: 'application/pdf',
      }),
      'selo.pdf',
    );
    const r = await app.upload('/api/verify', form);
    expect(r.body).toMatchObject({ status: 'not-authentic', authentic: false });

    const { 'credential.jwt': jwt } = attachments(pdf);
    const [h, p, s] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    claims.vc.credentialSubject.name = 'Canoas (RS)';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    expect((await app.request('POST', '/api/verify', { credential: forged })).body).toMatchObject({
      status: 'not-authentic',
      authentic: false,
    });
  });

  it('re-issues a seal: the earlier one is revoked, points to the new one, and its URL keeps working', async () => {
    expect(
      (
        await app.request(
          'POST',
          `/api/certificates/MC-2025-00001/reissue`,
          { reason: 'Correção do nome do ponto focal.' },
          auth(t.reviewer),
        )
      ).status,
    ).toBe(403);
    const r = await app.request(
      'POST',
      `/api/certificates/MC-2025-00001/reissue`,
      { reason: 'Correção do nome do ponto focal.' },
      auth(t.certifier),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ number: 'MC-2025-00002', status: 'valid' });
    const old = (await app.request('GET', '/api/verify/MC-2025-00001')).body;
    expect(old).toMatchObject({
      status: 'revoked',
      replacedBy: 'MC-2025-00002',
      revocationReason: 'Reemitido: Correção do nome do ponto focal.',
    });
    expect(old.revokedAt).toBeTruthy();
    const page = await app.request('GET', '/verify/MC-2025-00001');
    expect(page.text).toContain('Selo revogado');
    expect(page.text).toContain('/verify/MC-2025-00002');
  });

  it('lists the certified governments of an edition on a public page, each once, under its newest seal', async () => {
    const page = await app.request('GET', '/certificados/2025');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Porto Alegre');
    expect(page.text).toContain(`href="${PUBLIC_URL}/verify/MC-2025-00002"`);
    expect(page.text).toContain('/verify/MC-2025-00002"');
    expect(page.text).not.toContain('MC-2025-00001');
    expect(page.text).toMatch(/<strong>1<\/strong> governos com selo válido/);
    expect((await app.request('GET', '/certificados/2025?uf=sp')).text).toContain(
      'Nenhum selo emitido nesta edição em SP',
    );
    const unknown = await app.request('GET', '/certificados/2019');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('A edição 2019 não existe.');
    const badUf = await app.request('GET', '/certificados/2025?uf=Rio');
    expect(badUf.status).toBe(400);
    // The field at fault is named in the error summary and marked on the filter form.
    expect(badUf.text).toContain('UF: use a sigla do estado');
    expect(badUf.text).toMatch(/id="uf" name="uf"[^>]*aria-invalid="true"/);
  });

  it('revokes a seal with a reason and date', async () => {
    const r = await app.request(
      'POST',
      `/api/certificates/MC-2025-00002/revoke`,
      { reason: 'Informações falsas no diagnóstico.' },
      auth(t.certifier),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'revoked', revocationReason: 'Informações falsas no diagnóstico.' });
    expect(
      (
        await app.request(
          'POST',
          `/api/certificates/MC-2025-00002/revoke`,
          { reason: 'De novo, por engano.' },
          auth(t.certifier),
        )
      ).status,
    ).toBe(409);
  });
});
