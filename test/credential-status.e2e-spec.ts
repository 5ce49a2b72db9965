import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import { createApp } from '../src/app.factory';
import { freePort } from '../src/bench/free-port';
import { ADMIN, auth, createEdition, createUser, driveToPriorities, enrol, login } from './support/lifecycle';
import { bootApp, type HttpClient, httpClient, type RunningApp, scratchDir, testConfig } from './support/test-app';

/**
 * A seal checked as a verifier outside the engine would: the credential's signature with jose against the key of
 * the issuer's did:web document, then its revocation status by following credentialStatus to the published
 * Bitstring Status List, whose signature is checked the same way and whose bit is read by Digital Bazaar's
 * reference implementation of the spec (@digitalbazaar/vc-bitstring-status-list, ESM-only, hence run in a child
 * process).
 */

const ROOT = resolve(__dirname, '..');

/** did:web → the URL of its document, as the did:web method says (http here: the test server has no TLS). */
function didDocumentLocation(did: string): string {
  const [host, ...path] = did
    .replace(/^did:web:/, '')
    .split(':')
    .map(decodeURIComponent);
  return `http://${host}/${path.length > 0 ? path.join('/') : '.well-known'}/did.json`;
}

/** The credential embedded in a seal's PDF, extracted with poppler's pdfdetach. */
function embeddedJwt(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'seal-status-'));
  try {
    writeFileSync(join(dir, 'seal.pdf'), pdf);
    execFileSync('pdfdetach', ['-saveall', '-o', dir, join(dir, 'seal.pdf')]);
    return readFileSync(join(dir, 'credential.jwt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The reference implementation's verdict on a credential's status, given the (already verified) status list credential. */
function referenceStatus(
  credential: object,
  statusListCredential: object,
): { verified: boolean; status: boolean; length: number; error?: string } {
  const script = `
    import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const { credential, statusListCredential } = JSON.parse(input);
    const documentLoader = async (url) => {
      if (url !== statusListCredential.id) throw new Error('unexpected document ' + url);
      return { document: statusListCredential, documentUrl: url };
    };
    // The list's signature (a VC-JWT) was checked with jose; the library checks everything else.
    const result = await checkStatus({ credential, documentLoader, verifyBitstringStatusListCredential: false });
    const list = await decodeList({ encodedList: statusListCredential.credentialSubject.encodedList });
    process.stdout.write(JSON.stringify({
      verified: result.verified,
      status: result.results?.[0]?.status,
      length: list.length,
      error: result.error?.message,
    }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify({ credential, statusListCredential }),
  });
  return JSON.parse(out.toString('utf8'));
}

/** Verifies a VC-JWT with jose against the key its header names in the did:web document of its issuer. */
async function verifyWithDid(jwt: string, expectedIssuer: string) {
  const { kid } = decodeProtectedHeader(jwt);
  const did = kid!.split('#')[0];
  expect(did).toBe(expectedIssuer);
  const document = (await (await fetch(didDocumentLocation(did))).json()) as any;
  expect(document.id).toBe(did);
  const method = document.verificationMethod.find((m: { id: string }) => m.id === kid);
  expect(document.assertionMethod).toContain(kid);
  const key = await importJWK(method.publicKeyJwk as JWK, 'EdDSA');
  const { payload, protectedHeader } = await jwtVerify(jwt, key, { issuer: did, algorithms: ['EdDSA'] });
  expect(protectedHeader.typ).toBe('vc+jwt');
  return payload.vc as any;
}

describe('credential status: a seal verified and its revocation read with independent libraries', () => {
  let nest: NestFastifyApplication;
  let app: HttpClient;
  let cleanup: () => void;
  let publicUrl: string;
  let port: number;
  const t: Record<string, string> = {};
  const seals: Record<string, { number: string; jwt: string }> = {};

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    nest = await createApp(
      testConfig(scratch.dir, {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PORT: String(port),
        PUBLIC_URL: publicUrl,
      }),
    );
    await nest.listen(port, '127.0.0.1');
    app = httpClient(publicUrl);
    t.admin = await login(app, ADMIN.email, ADMIN.password);
    t.reviewer = await createUser(app, t.admin, 'rev@oim.test', 'reviewer');
    t.certifier = await createUser(app, t.admin, 'cert@ufrgs.test', 'certifier');
    await createEdition(app, t.admin, 2025);
    for (const [name, code] of [
      ['poa', '4314902'],
      ['canoas', '4304606'],
    ]) {
      t[name] = await createUser(app, t.admin, `focal@${name}.test`, 'official', code);
      const assessment = await enrol(app, t[name], 2025, code);
      await driveToPriorities(app, { official: t[name], reviewer: t.reviewer }, assessment.id);
      const issued = await app.request(
        'POST',
        `/api/assessments/${assessment.id}/certificate`,
        undefined,
        auth(t.certifier),
      );
      if (issued.status !== 201) throw new Error(`issue ${name}: ${issued.status} ${issued.text}`);
      const pdf = Buffer.from(
        await (await fetch(`${publicUrl}/api/certificates/${issued.body.number}/pdf`)).arrayBuffer(),
      );
      seals[name] = { number: issued.body.number, jwt: embeddedJwt(pdf) };
    }
  }, 180_000);
  afterAll(async () => {
    await nest?.close();
    cleanup?.();
  });

  /** Follows a seal's credentialStatus: the list fetched, its signature verified, the bit read by the reference library. */
  async function revocationOf(name: string) {
    const credential = await verifyWithDid(seals[name].jwt, issuerDid());
    const url = credential.credentialStatus.statusListCredential;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vc+jwt');
    const list = await verifyWithDid(await response.text(), issuerDid());
    const result = referenceStatus(credential, list);
    expect(result).toMatchObject({ verified: true });
    expect(result.length).toBeGreaterThanOrEqual(131_072);
    return result.status;
  }

  const issuerDid = () => `did:web:127.0.0.1%3A${port}`;

  it('signs each seal as issued by the did:web of PUBLIC_URL, with a standard credentialStatus', async () => {
    const credential = await verifyWithDid(seals.poa.jwt, issuerDid());
    expect(credential.issuer.id).toBe(issuerDid());
    const listUrl = `${publicUrl}/credentials/status/1`;
    expect(credential.credentialStatus).toEqual({
      id: `${listUrl}#${credential.credentialStatus.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: listUrl,
    });
    const other = await verifyWithDid(seals.canoas.jwt, issuerDid());
    expect(other.credentialStatus.statusListIndex).not.toBe(credential.credentialStatus.statusListIndex);
    const did = (await app.request('GET', '/.well-known/did.json')).body;
    expect(did.id).toBe(issuerDid());
    expect((await app.request('GET', '/did.json')).body).toEqual(did);
  });

  it('publishes the list as a BitstringStatusListCredential of the same issuer', async () => {
    const list = await verifyWithDid(await (await fetch(`${publicUrl}/credentials/status/1`)).text(), issuerDid());
    expect(list).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `${publicUrl}/credentials/status/1`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuerDid(),
      credentialSubject: {
        id: `${publicUrl}/credentials/status/1#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: expect.stringMatching(/^u[A-Za-z0-9_-]+$/),
      },
    });
  });

  it('reads 0 for seals in force, 1 once revoked, and leaves the other seals at 0', async () => {
    expect(await revocationOf('poa')).toBe(false);
    expect(await revocationOf('canoas')).toBe(false);
    const revoked = await app.request(
      'POST',
      `/api/certificates/${seals.poa.number}/revoke`,
      { reason: 'Dados do diagnóstico corrigidos após auditoria.' },
      auth(t.certifier),
    );
    expect(revoked.status).toBe(200);
    expect(await revocationOf('poa')).toBe(true);
    expect(await revocationOf('canoas')).toBe(false);
    // The engine's own verification agrees.
    expect((await app.request('GET', `/api/verify/${seals.poa.number}`)).body.status).toBe('revoked');
    expect((await app.request('POST', '/api/verify', { credential: seals.poa.jwt })).body).toMatchObject({
      authentic: true,
      status: 'revoked',
    });
  });

  it('sets the earlier seal\u2019s bit when a seal is re-issued, and the new seal starts at 0', async () => {
    const reissued = await app.request(
      'POST',
      `/api/certificates/${seals.canoas.number}/reissue`,
      { reason: 'Nome do órgão responsável corrigido.' },
      auth(t.certifier),
    );
    expect(reissued.status).toBe(201);
    const pdf = Buffer.from(
      await (await fetch(`${publicUrl}/api/certificates/${reissued.body.number}/pdf`)).arrayBuffer(),
    );
    seals.canoasNew = { number: reissued.body.number, jwt: embeddedJwt(pdf) };
    expect(await revocationOf('canoas')).toBe(true);
    expect(await revocationOf('canoasNew')).toBe(false);
    expect(await revocationOf('poa')).toBe(true);
  });

  it('answers 404 for a list that does not exist', async () => {
    const r = await app.request('GET', '/credentials/status/2');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('STATUS_LIST_NOT_FOUND');
    expect(r.body.message).toBe('A lista de revogação 2 não existe.');
  });
});

describe('credential status: a PUBLIC_URL with a path, behind a proxy that strips it', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let proxy: Server;
  let publicUrl: string;
  let did: string;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}/migracidades`;
    did = `did:web:127.0.0.1%3A${port}:migracidades`;
    app = await bootApp(testConfig(scratch.dir, { PUBLIC_URL: publicUrl }));
    const upstream = new URL(app.baseUrl);
    // What a reverse proxy publishing the engine under /migracidades does.
    proxy = createHttpServer((req, res) => {
      if (!req.url?.startsWith('/migracidades/')) {
        res.writeHead(404).end();
        return;
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url.slice('/migracidades'.length),
          method: req.method,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>((res) => proxy.listen(port, '127.0.0.1', res));
  }, 60_000);
  afterAll(async () => {
    await new Promise((res) => proxy?.close(res));
    await app?.close();
    cleanup?.();
  });

  it('names the issuer did:web:<host>:<path>, resolvable at <path>/did.json, and signs the list with its key', async () => {
    expect(didDocumentLocation(did)).toBe(`${publicUrl}/did.json`);
    const response = await fetch(`${publicUrl}/credentials/status/1`);
    expect(response.status).toBe(200);
    const list = await verifyWithDid(await response.text(), did);
    expect(list).toMatchObject({ id: `${publicUrl}/credentials/status/1`, issuer: did });
  });
});
