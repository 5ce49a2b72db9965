import type { Browser, Page } from 'puppeteer';
import { DEMO_PASSWORD } from '../src/core/demo/demo-cast';
import { answerAndSubmit } from './support/diagnosis';
import { ADMIN, auth, login, samplePdf } from './support/lifecycle';
import { launchBrowser } from './support/browser';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

/** The headers every response carries, whatever answered it. */
function expectSecureHeaders(r: Response, frameAncestors = "'none'") {
  const csp = r.headers.get('content-security-policy') ?? '';
  expect(csp).toContain(`frame-ancestors ${frameAncestors}`);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('x-frame-options')).toBe(frameAncestors === "'self'" ? 'SAMEORIGIN' : 'DENY');
  expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(r.headers.get('permissions-policy')).toContain('camera=()');
}

describe('security headers on every response, and a policy the pages live with', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir, { DEMO_DATA: '1' }));
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(app.baseUrl + path, { headers, redirect: 'manual' });

  it.each<[string, () => Promise<Response>, number]>([
    ['an API answer', () => get('/api/health'), 200],
    ['a page', () => get('/', { accept: 'text/html' }), 200],
    ['a static file', () => get('/assets/web/web.css'), 200],
    ['a design-system file', () => get('/assets/vendor/govbr-ds/core.min.css'), 200],
    ['an unknown page', () => get('/nao-existe', { accept: 'text/html' }), 404],
    ['an unknown API address', () => get('/api/nao-existe'), 404],
    ['an address that cannot be read', () => get('/governos/%E0%A4%A', { accept: 'text/html' }), 400],
    [
      'an error',
      () =>
        fetch(`${app.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '['.repeat(1500),
        }),
      400,
    ],
    ['a redirect to sign in', () => get('/inicio', { accept: 'text/html' }), 303],
  ])('%s', async (_name, request, status) => {
    const r = await request();
    expect(r.status).toBe(status);
    expectSecureHeaders(r);
    // HSTS only where the public address is https (this one is http).
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it.each(['/verificar/arquivo', '/verify/MC-2024-00001', '/verificar?numero=MC-2024-00001'])(
    'the public verification (%s) cannot be framed by another site',
    async (path) => {
      const r = await get(path, { accept: 'text/html' });
      expect(r.status).toBeLessThan(500);
      expectSecureHeaders(r);
    },
  );

  /** The government's diagnosis in progress, submitted with an uploaded PDF as evidence of one item. */
  async function submitWithPdfEvidence(email: string, government: string): Promise<void> {
    const token = await login(app, email, DEMO_PASSWORD);
    const list = await app.request('GET', `/api/assessments?government=${government}`, undefined, auth(token));
    const open = (list.body.items as { id: string; state: string }[]).find(
      (a) => a.state === 'diagnosis-in-progress' || a.state === 'enrolled',
    )!;
    const form = new FormData();
    form.append('file', new Blob([samplePdf('Lei municipal de migracao')], { type: 'application/pdf' }), 'lei.pdf');
    const sha = (await app.upload(`/api/assessments/${open.id}/evidence`, form, auth(token))).body.file;
    let attached = false;
    await answerAndSubmit(app, token, open.id, undefined, (_group, item) => {
      if (attached || item.type !== 'yes-partial-no') return undefined;
      attached = true;
      return [{ file: sha }];
    });
  }

  /** Signs in through the form in the browser, returning a page of a fresh session. */
  async function signedIn(email: string | null): Promise<{ page: Page; violations: string[] }> {
    const page = await (await browser.createBrowserContext()).newPage();
    page.setDefaultNavigationTimeout(90_000);
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.evaluateOnNewDocument(() => {
      const doc = (globalThis as any).document;
      doc.addEventListener('securitypolicyviolation', (e: any) =>
        (globalThis as any).reportViolation(`${e.violatedDirective} ${e.blockedURI} at ${doc.location?.pathname}`),
      );
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    if (email) {
      await page.goto(`${app.baseUrl}/entrar`);
      await page.type('#email', email);
      await page.type('#password', DEMO_PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
    }
    return { page, violations };
  }

  /** Visits the pages, following the first link matching `follow` on a page when given, as a person would. */
  async function visit(page: Page, paths: (string | { from: string; follow: string })[]): Promise<string[]> {
    const seen: string[] = [];
    for (const step of paths) {
      if (typeof step === 'string') await page.goto(app.baseUrl + step, { waitUntil: 'networkidle0' });
      else {
        await page.goto(app.baseUrl + step.from, { waitUntil: 'networkidle0' });
        const href = await page.$eval(step.follow, (a) => a.getAttribute('href'));
        await page.goto(app.baseUrl + href!, { waitUntil: 'networkidle0' });
      }
      seen.push(new URL(page.url()).pathname);
    }
    return seen;
  }

  it.each<[string, string | null, (string | { from: string; follow: string })[]]>([
    ['the public', null, ['/', '/painel', '/certificados', '/boas-praticas', '/verificar', '/api/docs']],
    [
      'an official',
      'focal@saopaulo.local',
      ['/inicio', { from: '/inicio', follow: 'main a[href^="/avaliacoes/"]' }, '/progresso'],
    ],
    ['a certifier', 'certificadora@ufrgs.local', ['/inicio', '/certificacao', '/painel']],
    ['an administrator', 'admin@migracidades.local', ['/inicio', '/admin']],
  ])(
    'the pages of %s break no rule of the policy',
    async (_who, email, paths) => {
      const { page, violations } = await signedIn(email);
      const seen = await visit(page, paths);
      expect(seen.filter((p) => p === '/entrar')).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
    },
    240_000,
  );

  it('refuses a script written into a page, and the watch above hears it', async () => {
    const { page, violations } = await signedIn(null);
    await visit(page, ['/']);
    const refused = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          const doc = (globalThis as any).document;
          doc.addEventListener('securitypolicyviolation', (e: any) => done(e.violatedDirective), { once: true });
          const script = doc.createElement('script');
          script.textContent = 'document.body.dataset.injected = "yes"';
          doc.body.append(script);
          setTimeout(() => done(doc.body.dataset.injected === 'yes' ? 'ran' : 'silent'), 10_000);
        }),
    );
    expect(refused).toMatch(/^script-src/);
    // The watch the other visits rely on heard it too (its report comes back from the page a moment later).
    for (let i = 0; i < 100 && violations.length === 0; i++) await new Promise((done) => setTimeout(done, 100));
    expect(violations.join('\n')).toMatch(/script-src/);
    await page.close();
  });

  it('the review page previews evidence in a frame of its own origin, with no rule broken', async () => {
    await submitWithPdfEvidence('focal@saopaulo.local', '3550308');
    const { page, violations } = await signedIn('revisora@oim.local');
    await visit(page, ['/revisao']);
    // The first diagnosis in the queue whose evidence includes an uploaded PDF.
    const reviews = await page.$$eval('main table a[href^="/revisao/"]', (as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    for (const href of reviews) {
      await page.goto(app.baseUrl + href, { waitUntil: 'networkidle0' });
      if (await page.$('iframe.rv-preview')) break;
    }
    const src = await page.$eval('iframe.rv-preview', (f) => {
      f.scrollIntoView();
      return f.getAttribute('src');
    });
    await page.waitForFunction(
      (s) => [...(globalThis as any).document.querySelectorAll('iframe')].some((f: any) => f.getAttribute('src') === s),
      {},
      src,
    );
    await new Promise((done) => setTimeout(done, 2000));
    const cookies = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const file = await get(src!, { cookie: cookies });
    expect(file.status).toBe(200);
    expectSecureHeaders(file, "'self'");
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect((await page.$eval('body', (b) => b.getAttribute('data-csrf'))) ?? '').not.toBe('');
    expect(violations).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('behind a proxy: HSTS under an https PUBLIC_URL, and TRUST_PROXY names the client', () => {
  let proxied: RunningApp;
  let direct: RunningApp;
  let tlsAtProxy: RunningApp;
  let oneHop: RunningApp;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    const boot = async (env: Record<string, string>) => {
      const scratch = scratchDir();
      cleanups.push(scratch.cleanup);
      return bootApp(testConfig(scratch.dir, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env }));
    };
    proxied = await boot({ PUBLIC_URL: 'https://selo.migracidades.example', TRUST_PROXY: 'loopback' });
    direct = await boot({});
    tlsAtProxy = await boot({ TRUST_PROXY: 'loopback' });
    oneHop = await boot({ TRUST_PROXY: '1' });
  }, 120_000);

  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await tlsAtProxy?.close();
    await oneHop?.close();
    cleanups.forEach((c) => c());
  });

  it.each(['yes', '-1', '10.0.0.300', '10.0.0.0/33', 'loopback,nowhere'])(
    'refuses to start with TRUST_PROXY=%s, saying what it takes',
    (value) => {
      const { dir, cleanup } = scratchDir();
      cleanups.push(cleanup);
      expect(() => testConfig(dir, { TRUST_PROXY: value })).toThrow(
        expect.objectContaining({ name: 'ConfigError', message: expect.stringContaining(`got "${value}"`) }),
      );
    },
  );

  it.each<[string, unknown]>([
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 192.168.0.0/16', ['10.0.0.1', '192.168.0.0/16']],
    ['', false],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    const { dir, cleanup } = scratchDir();
    cleanups.push(cleanup);
    expect(testConfig(dir, { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('sends HSTS when the public address is https', async () => {
    const r = await fetch(`${proxied.baseUrl}/api/health`);
    expect(r.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expectSecureHeaders(r);
  });

  it('marks the cookies Secure when the proxy says the browser came over TLS, and only a trusted proxy', async () => {
    const cookies = async (app: RunningApp, proto?: string) =>
      (await fetch(`${app.baseUrl}/entrar`, { headers: proto ? { 'x-forwarded-proto': proto } : {} })).headers
        .getSetCookie()
        .join(' | ');
    expect(await cookies(tlsAtProxy, 'https')).toMatch(/; Secure/);
    expect(await cookies(tlsAtProxy)).not.toMatch(/Secure/);
    // Without TRUST_PROXY anyone could send the header: the connection's own protocol counts.
    expect(await cookies(direct, 'https')).not.toMatch(/Secure/);
    expect(await cookies(proxied)).toMatch(/; Secure/);
  });

  it.each([
    ['with TRUST_PROXY, the address the proxy forwards', () => proxied, '203.0.113.7'],
    ['with TRUST_PROXY=1, the address the one proxy saw, not one the client claimed', () => oneHop, '203.0.113.7'],
    ['without it, the address of the connection', () => direct, '127.0.0.1'],
  ])('records a sign-in %s', async (_name, which, expected) => {
    const app = which();
    // The client claims 198.51.100.1; the proxy appends the address it saw, 203.0.113.7.
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1, 203.0.113.7' };
    const body = JSON.stringify({ email: ADMIN.email, password: 'not-the-password' });
    expect((await fetch(`${app.baseUrl}/api/auth/login`, { method: 'POST', headers, body })).status).toBe(401);
    const admin = await login(app, ADMIN.email, ADMIN.password);
    const record = await app.request('GET', '/api/auth/sign-ins?outcome=wrong-password', undefined, auth(admin));
    const failed = record.body.items as { address: string }[];
    expect(failed.map((i) => i.address)).toContain(expected);
  });
});
