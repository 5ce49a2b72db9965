import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { ADMIN, auth, bootWithStaff, createUser, login, PASSWORD } from './support/lifecycle';
import { SignInsService } from '../src/core/auth/sign-ins.service';
import { bootApp, type RunningApp } from './support/test-app';

const REVIEWER = 'revisora@oim.test';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: any;
  readonly text: string;
}

/**
 * Sign-in throttling, the sign-in record, sign-out and the password policy, over HTTP. Clients come from
 * several loopback addresses (127.0.0.x: the socket is bound to it), as different machines would.
 */
describe('sign-in: throttled, recorded, revocable, with a password policy', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let admin: string;
  const counts = {
    wrong: 0,
    slowed: 0,
    refused: 0,
    acceptedWhileThrottled: 0,
    sprayed: 0,
    spraySlowed: 0,
    sprayRefused: 0,
  };

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    admin = boot.tokens.admin;
    await createUser(app, admin, 'focal@poa.test', 'official', '4314902');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  /** A JSON request from a client at `address`. */
  function from(address: string) {
    return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      new Promise<Answer>((resolve, reject) => {
        const url = new URL(app.baseUrl + path);
        const data = body === undefined ? undefined : JSON.stringify(body);
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname + url.search,
            method,
            localAddress: address,
            headers: { ...(data ? { 'content-type': 'application/json' } : {}), ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let parsed: unknown;
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = undefined;
              }
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
            });
          },
        );
        req.on('error', reject);
        req.end(data);
      });
  }

  const record = async (query: string) =>
    (await app.request('GET', `/api/auth/sign-ins?limit=500&${query}`, undefined, auth(admin))).body as {
      total: number;
      items: { email: string; outcome: string; address: string; delayMs: number; userAgent: string | null }[];
    };

  const cookieOf = (r: Response, name: string) =>
    r.headers
      .getSetCookie()
      .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
      .find((v) => v !== undefined);

  /** Signs in through the page's form; the session and CSRF cookies it sets. */
  async function pageSignIn(email: string, password: string) {
    const form = await fetch(`${app.baseUrl}/entrar`);
    const csrf = cookieOf(form, 'mc_csrf')!;
    const r = await fetch(`${app.baseUrl}/entrar`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `mc_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password, _csrf: decodeURIComponent(csrf) }),
    });
    return { r, text: await r.text(), session: cookieOf(r, 'mc_session'), csrf: cookieOf(r, 'mc_csrf') ?? csrf };
  }

  const page = (path: string, cookie: string) =>
    fetch(`${app.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });

  it('slows down, then refuses with 429 and Retry-After, 40 wrong passwords in a row; the right one is refused too', async () => {
    const attacker = from('127.0.0.10');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await attacker('POST', '/api/auth/login', { email: ADMIN.email, password: `guess-number-${i}` });
      counts.wrong++;
      statuses.push(r.status);
      if (r.status !== 429) continue;
      counts.refused++;
      expect(r.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', statusCode: 429 });
      expect(r.body.message).toMatch(/Tente de novo em \d+ min, a partir das \d{2}:\d{2} \(horário de Brasília\)/);
      expect(r.body.messageEn).toMatch(/Try again in \d+ min, from \d{2}:\d{2} \(Brasília time\)/);
      const retryAfter = Number(r.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(30).fill(429)]);

    const right = await attacker('POST', '/api/auth/login', ADMIN);
    expect(right.status).toBe(429);
    if (right.status === 200) counts.acceptedWhileThrottled++;
    // The account is refused from any address, and on the page too (its error summary, status 429).
    const elsewhere = await from('127.0.0.11')('POST', '/api/auth/login', ADMIN);
    expect(elsewhere.status).toBe(429);
    const viaPage = await pageSignIn(ADMIN.email, ADMIN.password);
    expect(viaPage.r.status).toBe(429);
    expect(viaPage.r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(viaPage.session).toBeUndefined();
    expect(viaPage.text).toContain('id="error-summary"');
    expect(viaPage.text).toContain('Muitas tentativas de entrada sem sucesso');

    const attempts = await record(`email=${encodeURIComponent(ADMIN.email)}&address=127.0.0.10`);
    counts.slowed = attempts.items.filter((a) => a.delayMs > 0).length;
    expect(attempts.total).toBe(41);
    expect(counts.slowed).toBe(5);
    const outcomes = attempts.items.map((a) => a.outcome).reverse();
    expect(outcomes).toEqual([...Array(10).fill('wrong-password'), ...Array(31).fill('throttled')]);
  }, 120_000);

  it('throttles one address trying many accounts, and only that address', async () => {
    const sprayer = from('127.0.0.20');
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await sprayer('POST', '/api/auth/login', { email: `nobody-${i}@spray.test`, password: PASSWORD });
      counts.sprayed++;
      statuses.push(r.status);
      if (r.status === 429) counts.sprayRefused++;
    }
    expect(statuses).toEqual([...Array(50).fill(401), ...Array(10).fill(429)]);
    // A real account with its right password: refused from that address, accepted from another.
    expect((await sprayer('POST', '/api/auth/login', { email: REVIEWER, password: PASSWORD })).status).toBe(429);
    expect((await from('127.0.0.21')('POST', '/api/auth/login', { email: REVIEWER, password: PASSWORD })).status).toBe(
      200,
    );
    const sprayed = await record('address=127.0.0.20');
    counts.spraySlowed = sprayed.items.filter((a) => a.delayMs > 0).length;
    expect(sprayed.total).toBe(61);
    expect(counts.spraySlowed).toBe(10);
    expect(sprayed.items.every((a) => a.address === '127.0.0.20')).toBe(true);
    expect((await record('address=127.0.0.20&outcome=unknown-account')).total).toBe(50);
    expect((await record('address=127.0.0.20&outcome=throttled')).total).toBe(11);
  }, 120_000);

  it('records every attempt for administrators only, on the API and on the page /admin/acessos', async () => {
    const success = await record(`email=${encodeURIComponent(REVIEWER)}&outcome=success`);
    expect(success.items[0]).toMatchObject({ email: REVIEWER, outcome: 'success', address: '127.0.0.21' });
    const official = await login(app, 'focal@poa.test');
    expect((await app.request('GET', '/api/auth/sign-ins', undefined, auth(official))).status).toBe(403);
    const bad = await app.request('GET', '/api/auth/sign-ins?outcome=maybe', undefined, auth(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);

    const pt = await fetch(`${app.baseUrl}/admin/acessos?endereco=127.0.0.20&resultado=throttled`, {
      headers: auth(admin),
    });
    expect(pt.status).toBe(200);
    const html = await pt.text();
    expect(html).toContain('<h1');
    expect(html).toContain('Acessos');
    expect(html).toContain('Recusada (muitas tentativas)');
    expect(html).toContain('Página 1 de 1 (11 tentativas)');
    expect(html).toContain('As tentativas são guardadas por 365 dias e depois apagadas.');
    const en = await fetch(`${app.baseUrl}/admin/acessos?lang=en&email=${encodeURIComponent(ADMIN.email)}`, {
      headers: auth(admin),
    });
    const english = await en.text();
    expect(english).toContain('Refused (too many attempts)');
    expect(english).toContain('Attempts are kept for 365 days, then deleted.');
    expect((await fetch(`${app.baseUrl}/admin/acessos`, { headers: auth(official) })).status).toBe(403);
    const home = await (await fetch(`${app.baseUrl}/admin`, { headers: auth(admin) })).text();
    expect(home).toContain('href="/admin/acessos"');
  }, 60_000);

  it('signing out revokes the bearer token used, and /sair the page session (a copied cookie too)', async () => {
    const token = await login(app, REVIEWER);
    const other = await login(app, REVIEWER);
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).status).toBe(200);
    expect((await app.request('POST', '/api/auth/logout', undefined, auth(token))).status).toBe(204);
    expect((await app.request('GET', '/api/auth/me', undefined, auth(token))).status).toBe(401);
    // Another sign-in of the same person goes on; signing out without a token does nothing.
    expect((await app.request('GET', '/api/auth/me', undefined, auth(other))).status).toBe(200);
    expect((await app.request('POST', '/api/auth/logout')).status).toBe(204);
    // Requests arriving together share one read of their sessions: each still gets its own session's answer.
    const third = await login(app, REVIEWER);
    const atOnce = await Promise.all(
      [token, other, token, third, admin, other].map((t) => app.request('GET', '/api/auth/me', undefined, auth(t))),
    );
    expect(atOnce.map((r) => r.status)).toEqual([401, 200, 401, 200, 200, 200]);
    expect(atOnce.map((r) => r.body.email)).toEqual([undefined, REVIEWER, undefined, REVIEWER, ADMIN.email, REVIEWER]);

    const signedIn = await pageSignIn(REVIEWER, PASSWORD);
    expect(signedIn.r.status).toBe(303);
    const copied = `mc_session=${signedIn.session}`;
    const home = await page('/inicio', copied);
    expect(home.status).toBe(200);
    const renewed = `mc_session=${cookieOf(home, 'mc_session')}`;
    const out = await fetch(`${app.baseUrl}/sair`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `${renewed}; mc_csrf=${signedIn.csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: decodeURIComponent(signedIn.csrf) }),
    });
    expect(out.status).toBe(303);
    for (const cookie of [copied, renewed]) {
      const after = await page('/inicio', cookie);
      expect(after.status).toBe(303);
      expect(after.headers.get('location')).toBe('/entrar?next=%2Finicio');
    }
  }, 60_000);

  it('refuses a common, repetitive or personal password with 400 naming the field password', async () => {
    const create = await app.request(
      'POST',
      '/api/users',
      { email: 'nova@oim.test', name: 'Nova Pessoa', password: 'password1234', role: 'reviewer' },
      auth(admin),
    );
    expect(create.status).toBe(400);
    expect(create.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'password-common' })]);
    expect(create.body.messageEn).toContain('among the most used');
    expect((await app.request('GET', '/api/users', undefined, auth(admin))).body).not.toContainEqual(
      expect.objectContaining({ email: 'nova@oim.test' }),
    );
    const id = (
      (await app.request('GET', '/api/users', undefined, auth(admin))).body as { id: string; email: string }[]
    ).find((u) => u.email === REVIEWER)!.id;
    for (const [password, code] of [
      ['123456789012', 'password-repetitive'],
      ['senha12345678', 'password-common'],
      ['revisora-2024', 'password-personal'],
    ]) {
      const reset = await app.request('POST', `/api/users/${id}/password`, { password }, auth(admin));
      expect(reset.status).toBe(400);
      expect(reset.body.errors).toEqual([expect.objectContaining({ field: 'password', code })]);
    }
    expect((await app.request('POST', '/api/auth/login', { email: REVIEWER, password: PASSWORD })).status).toBe(200);

    // Changing one's own password on the page: the same policy, beside the new password's field.
    const signedIn = await pageSignIn(REVIEWER, PASSWORD);
    const change = await fetch(`${app.baseUrl}/conta/senha`, {
      method: 'POST',
      headers: {
        cookie: `mc_session=${signedIn.session}; mc_csrf=${signedIn.csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        _csrf: decodeURIComponent(signedIn.csrf),
        currentPassword: PASSWORD,
        newPassword: 'qwertyuiop12',
        confirmPassword: 'qwertyuiop12',
      }),
    });
    expect(change.status).toBe(422);
    const html = await change.text();
    expect(html).toContain('href="#newPassword"');
    expect(html).toContain('Esta senha está entre as mais usadas');
  }, 60_000);

  it('hears the account and the address again once the window has passed (the engine restarted 16 minutes later)', async () => {
    const config = app.config;
    await app.close();
    app = await bootApp({ ...config, clockStart: new Date(Date.now() + 16 * MINUTE) });
    const token = (await from('127.0.0.10')('POST', '/api/auth/login', ADMIN)).body?.accessToken;
    expect(token).toEqual(expect.any(String));
    admin = token;
    expect((await from('127.0.0.20')('POST', '/api/auth/login', { email: REVIEWER, password: PASSWORD })).status).toBe(
      200,
    );
    // eslint-disable-next-line no-console
    console.log(
      `sign-in: ${counts.wrong} wrong passwords tried, ${counts.slowed} slowed, ${counts.refused} refused 429, ` +
        `${counts.acceptedWhileThrottled} accepted while throttled; one address trying ${counts.sprayed} accounts: ` +
        `${counts.spraySlowed} slowed, ${counts.sprayRefused} refused 429; all heard again after the 15-minute window`,
    );
  }, 120_000);

  it('forgets the attempts older than SIGN_IN_RETENTION_DAYS when it starts, and keeps the newer ones', async () => {
    const config = app.config;
    const listed = async (token: string) =>
      (await app.request('GET', '/api/auth/sign-ins?limit=500', undefined, auth(token))).body as {
        total: number;
        items: { email: string; attemptedAt: string }[];
      };
    expect((await listed(admin)).total).toBeGreaterThan(100);
    await app.close();
    // 400 days later, with a year's retention: every attempt recorded so far is older than that.
    const restart = new Date(Date.now() + 400 * DAY);
    app = await bootApp({ ...config, clockStart: restart, signInRetentionDays: 365 });
    const token = (await from('127.0.0.30')('POST', '/api/auth/login', ADMIN)).body?.accessToken as string;
    expect(token).toEqual(expect.any(String));
    let seen = await listed(token);
    for (let waited = 0; seen.total > 1 && waited < 10_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await listed(token);
    }
    expect(seen.items.map((i) => i.email)).toEqual([ADMIN.email]);
    expect(new Date(seen.items[0].attemptedAt).getTime()).toBeGreaterThanOrEqual(restart.getTime());
    expect(await app.app.get(SignInsService).prune()).toBe(0);
    admin = token;
  }, 120_000);
});
