import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { bootWithStaff, createEdition, createUser, enrol, login, PASSWORD, auth } from './support/lifecycle';
import { launchBrowser } from './support/browser';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const OFFICIAL = 'focal@portoalegre.test';

const cookiesOf = (r: Response) =>
  r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** A browser's cookies after a response: those it set replace those of the same name. */
function jar(before: string, r: Response): string {
  const cookies = new Map(
    before
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.split('=')[0], c] as const),
  );
  for (const c of r.headers.getSetCookie()) cookies.set(c.split('=')[0], c.split(';')[0]);
  return [...cookies.values()].join('; ');
}

/** The hidden fields of one form of a page, as the browser would send them. */
const hiddenFields = (html: string, formId: string): [string, string][] =>
  [
    ...new RegExp(`<form id="${formId}"[\\s\\S]*?</form>`)
      .exec(html)![0]
      .matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g),
  ].map((m) => [m[1], m[2]]);

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]*)"`).exec(html)?.[1] ?? null;

/** The frame around every page, as a browser without JavaScript meets it: unknown addresses, an expired session. */
describe('web frame: pages that do not exist, a session that ended mid-form', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let assessmentId: string;
  let officialToken: string;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    const year = new Date().getUTCFullYear();
    await createUser(app, boot.tokens.admin, OFFICIAL, 'official', PORTO_ALEGRE);
    await createEdition(app, boot.tokens.admin, year);
    assessmentId = (await enrol(app, boot.tokens.admin, year, PORTO_ALEGRE)).id;
    officialToken = await login(app, OFFICIAL);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  /** Signs in through the form: the browser's cookies afterwards. */
  async function signIn(email: string, password: string): Promise<string> {
    const form = await fetch(`${app.baseUrl}/entrar`);
    const csrfCookie = cookiesOf(form);
    const csrf = hidden(await form.text(), '_csrf')!;
    const r = await fetch(`${app.baseUrl}/entrar`, {
      method: 'POST',
      headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password, next: '/inicio' }),
      redirect: 'manual',
    });
    expect(r.status).toBe(303);
    return jar(csrfCookie, r);
  }

  it('answers an unknown address typed in a browser with a page in the reader’s language; the API keeps JSON', async () => {
    const page = await fetch(`${app.baseUrl}/pagina-que-nao-existe`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('id="main-content"');
    const en = await fetch(`${app.baseUrl}/pagina-que-nao-existe?lang=en`, { headers: { accept: 'text/html' } });
    expect(await en.text()).toContain('<html lang="en">');

    for (const [path, accept] of [
      ['/api/nada', 'text/html'],
      ['/pagina-que-nao-existe', 'application/json'],
    ]) {
      const r = await fetch(`${app.baseUrl}${path}`, { headers: { accept } });
      expect(r.status).toBe(404);
      expect(((await r.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('serves the design system compressed (its stylesheet is 700 KB as a file), the same bytes once unpacked', async () => {
    const file = readFileSync(require.resolve('@govbr-ds/core/dist/core.min.css'));
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
      const url = new URL(`${app.baseUrl}/assets/vendor/govbr-ds/core.min.css`);
      httpGet(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', fail);
    });
    expect(raw.headers['content-encoding']).toBe('br');
    expect(raw.headers.vary).toContain('accept-encoding');
    expect(raw.body.length).toBeLessThan(file.length / 5);
    expect(brotliDecompressSync(raw.body).equals(file)).toBe(true);
    const plain = await fetch(`${app.baseUrl}/assets/vendor/govbr-ds/core.min.css`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(file)).toBe(true);
  });

  it('keeps what was typed when the session had ended: sign in again, then send it', async () => {
    const cookies = await signIn(OFFICIAL, PASSWORD);
    const page = await (
      await fetch(`${app.baseUrl}/avaliacoes/${assessmentId}`, { headers: { cookie: cookies } })
    ).text();
    const csrf = /data-csrf="([^"]+)"/.exec(page)![1];
    const version = hidden(page, 'ver.focal-body');
    expect(version).toBe('0');

    // The session cookie is no longer valid (expired, or ended elsewhere); the CSRF cookie is still the page's.
    const expired = cookies.replace(/mc_session=[^;]+/, 'mc_session=expired');
    const form = new URLSearchParams({ _csrf: csrf, 'v.focal-body': 'no', 'ver.focal-body': version! });
    const refused = await fetch(`${app.baseUrl}/avaliacoes/${assessmentId}/grupos/governance`, {
      method: 'POST',
      headers: { cookie: expired, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(refused.status).toBe(401);
    const signInPage = await refused.text();
    expect(signInPage).toContain('A sua sessão expirou antes do envio');
    const resume = hidden(signInPage, '_resume');
    expect(resume).toBeTruthy();
    const view = await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(officialToken));
    const answer = view.body.groups[0].items.find((i: { key: string }) => i.key === 'focal-body').answer;
    expect(answer.value).toBeNull();

    // Signing in again offers the kept form, to be sent with the new session's token.
    const again = await fetch(`${app.baseUrl}/entrar`, {
      method: 'POST',
      headers: { cookie: expired, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        email: OFFICIAL,
        password: PASSWORD,
        next: '/inicio',
        _resume: resume!,
      }),
    });
    expect(again.status).toBe(200);
    const offer = await again.text();
    expect(offer).toContain(`action="/avaliacoes/${assessmentId}/grupos/governance"`);
    expect(hidden(offer, 'v.focal-body')).toBe('no');
    const resent = await fetch(`${app.baseUrl}/avaliacoes/${assessmentId}/grupos/governance`, {
      method: 'POST',
      headers: { cookie: jar(expired, again), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(hiddenFields(offer, 'resume-form')),
      redirect: 'manual',
    });
    expect(resent.status).toBe(303);
    const saved = await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(officialToken));
    expect(saved.body.groups[0].items.find((i: { key: string }) => i.key === 'focal-body').answer.value).toBe('no');
  });

  it('does not keep a form that did not come from our pages', async () => {
    const r = await fetch(`${app.baseUrl}/avaliacoes/${assessmentId}/grupos/governance`, {
      method: 'POST',
      headers: { cookie: 'mc_csrf=a; mc_session=expired', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: 'b', 'v.focal-body': 'yes' }),
      redirect: 'manual',
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/entrar?next=%2Finicio');
  });
});

describe('the VLibras sign-language widget, behind a setting', () => {
  it('is absent by default and, with VLIBRAS=1, loads from its own host and starts (a stub stands for the host)', async () => {
    const scratch = scratchDir();
    const plain = await bootApp(testConfig(scratch.dir));
    const withWidget = await bootApp(testConfig(scratch.dir, { VLIBRAS: '1', PORT: '0' }));
    const browser = await launchBrowser();
    try {
      expect(await (await fetch(`${plain.baseUrl}/entrar`)).text()).not.toContain('vlibras');
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url() === 'https://vlibras.gov.br/app/vlibras-plugin.js') {
          void request.respond({
            contentType: 'text/javascript',
            body: 'window.VLibras = { Widget: function (url) { window.vlibrasStartedWith = url; } };',
          });
        } else void request.continue();
      });
      await page.goto(`${withWidget.baseUrl}/entrar`, { waitUntil: 'load' });
      await page.waitForFunction(() => (globalThis as any).vlibrasStartedWith !== undefined);
      expect(await page.evaluate(() => (globalThis as any).vlibrasStartedWith)).toBe('https://vlibras.gov.br/app');
      expect(await page.$('[vw-access-button]')).not.toBeNull();
    } finally {
      await browser.close();
      await withWidget.close();
      await plain.close();
      scratch.cleanup();
    }
  }, 120_000);
});
