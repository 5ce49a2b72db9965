import type { Browser, Page } from 'puppeteer';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { ADMIN, bootWithStaff, createEdition, createUser, enrol, login, PASSWORD } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const OFFICIAL = 'focal@portoalegre.test';

describe('web pages: sign-in, home, language, accessibility (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let year: number;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    year = new Date().getUTCFullYear();
    await createUser(app, boot.tokens.admin, OFFICIAL, 'official', PORTO_ALEGRE);
    await createUser(app, boot.tokens.admin, 'focal2@portoalegre.test', 'official', PORTO_ALEGRE);
    await createEdition(app, boot.tokens.admin, year);
    await enrol(app, boot.tokens.admin, year, PORTO_ALEGRE, { course: false });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(url('/entrar'));
    await page.type('#email', email);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
  }

  it('a page without a session leads to the sign-in form (with the page to return to); cookies are httpOnly and SameSite=Lax', async () => {
    const r = await fetch(url('/inicio'), { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/entrar?next=%2Finicio');
    const root = await fetch(url('/'), { redirect: 'manual' });
    // The root is the programme's public home page, open without a session.
    expect(root.status).toBe(200);
    const signInForm = await fetch(url('/entrar'));
    expect(signInForm.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^mc_csrf=.+; Path=\/; SameSite=Lax; HttpOnly$/),
    ]);
  });

  it('signs an official in (wrong password first), shows the edition, switches language, signs out', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await signIn(page, OFFICIAL, 'not-the-password');
    expect(await page.$eval('html', (h) => h.lang)).toBe('pt-BR');
    // The error summary takes the focus and links to the field; the e-mail typed is kept, the password not.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('error-summary');
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toBe('#password');
    expect(await page.$eval('#error-summary', (e) => e.textContent)).toContain('E-mail ou senha incorretos.');
    expect(await page.$eval('#email', (e) => (e as any).value)).toBe(OFFICIAL);
    expect(await page.$eval('#password', (e) => (e as any).value)).toBe('');
    await screenshot(page, 'sign-in-error');

    await page.$eval('#email', (e) => ((e as any).value = ''));
    await signIn(page, OFFICIAL, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/inicio');
    const home = await page.$eval('main', (m) => m.textContent ?? '');
    expect(home).toContain(`Edição ${year}: Porto Alegre`);
    expect(home).toContain('Inscrição');
    expect(home).toContain('Próximo passo');
    expect(home).toMatch(/Prazo do diagnóstico: \d{2}\/\d{2}\/\d{4}/);
    expect(await page.$eval('main', (m) => m.textContent)).toMatch(/curso/i);
    await screenshot(page, 'home-pt-BR');

    // English by the switch, remembered on the next page, then back to Portuguese.
    await Promise.all([page.waitForNavigation(), page.click('.web-languages a[lang=en]')]);
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(await page.$eval('main', (m) => m.textContent)).toContain(`Edition ${year}: Porto Alegre`);
    await page.goto(url('/acessibilidade'));
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Accessibility');
    await page.goto(url('/inicio'));
    await screenshot(page, 'home-en');
    await Promise.all([page.waitForNavigation(), page.click('.web-languages a[lang=pt-BR]')]);
    await page.goto(url('/acessibilidade'));
    expect(await page.$eval('html', (h) => h.lang)).toBe('pt-BR');

    await Promise.all([page.waitForNavigation(), page.click('form[action="/sair"] button')]);
    expect(new URL(page.url()).pathname).toBe('/entrar');
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Você saiu do sistema.');
    await page.goto(url('/inicio'));
    expect(new URL(page.url()).pathname).toBe('/entrar');
    await context.close();
  }, 60_000);

  it('refuses a form sent without the CSRF token', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await signIn(page, OFFICIAL, PASSWORD);
    const statuses = await page.evaluate(async () => {
      const post = (path: string, body: string) =>
        fetch(path, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          redirect: 'manual',
        }).then((r) => r.status);
      return {
        password: await post(
          '/conta/senha',
          'currentPassword=x&newPassword=yyyyyyyyyyyyyy&confirmPassword=yyyyyyyyyyyyyy',
        ),
        signOut: await post('/sair', ''),
      };
    });
    expect(statuses).toEqual({ password: 403, signOut: 403 });
    // Still signed in: the refused sign-out did nothing.
    await page.goto(url('/inicio'));
    expect(new URL(page.url()).pathname).toBe('/inicio');
    const signInWithoutToken = await fetch(url('/entrar'), {
      method: 'POST',
      body: new URLSearchParams({ email: OFFICIAL, password: PASSWORD }),
      redirect: 'manual',
    });
    expect(signInWithoutToken.status).toBe(403);
    await context.close();
  }, 60_000);

  it('renews the session for the page script (with its CSRF token only), and changes the password', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await signIn(page, 'focal2@portoalegre.test', PASSWORD);
    const oldToken = await login(app, 'focal2@portoalegre.test');
    const renewals = await page.evaluate(async () => {
      const doc = (globalThis as any).document;
      const renew = (headers: Record<string, string>) =>
        fetch('/sessao/renovar', { method: 'POST', headers }).then(async (r) => ({
          status: r.status,
          expiresIn: r.ok ? ((await r.json()) as any).expiresIn : null,
        }));
      return {
        withToken: await renew({ 'x-csrf-token': doc.body.dataset.csrf }),
        without: await renew({}),
      };
    });
    expect(renewals).toEqual({
      withToken: { status: 200, expiresIn: 3600 },
      without: { status: 403, expiresIn: null },
    });
    expect(await page.$eval('body', (b) => b.getAttribute('data-session-seconds'))).toBe('3600');

    // High contrast: the switch in the bar, remembered on the next page.
    await page.click('#contrast-toggle');
    expect(await page.$eval('#contrast-toggle', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    await page.goto(url('/conta/senha'));
    expect(await page.$eval('html', (h) => h.classList.contains('web-contrast'))).toBe(true);
    await page.click('#contrast-toggle');

    await page.type('#currentPassword', PASSWORD);
    await page.type('#newPassword', 'uma frase nova e longa');
    await page.type('#confirmPassword', 'outra frase');
    await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('error-summary');
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toBe('#confirmPassword');
    await page.type('#currentPassword', PASSWORD);
    await page.type('#newPassword', 'uma frase nova e longa');
    await page.type('#confirmPassword', 'uma frase nova e longa');
    await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('A sua senha foi alterada.');
    // Sessions and tokens issued under the old password end; this page's session goes on.
    expect((await app.request('GET', '/api/auth/me', undefined, { authorization: `Bearer ${oldToken}` })).status).toBe(
      401,
    );
    await page.goto(url('/inicio'));
    expect(new URL(page.url()).pathname).toBe('/inicio');
    const api = await app.request('POST', '/api/auth/login', {
      email: 'focal2@portoalegre.test',
      password: 'uma frase nova e longa',
    });
    expect(api.status).toBe(200);
    await context.close();
  }, 60_000);

  it('works without JavaScript', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await signIn(page, OFFICIAL, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/inicio');
    expect(await page.$eval('main', (m) => m.textContent)).toContain(`Edição ${year}: Porto Alegre`);
    await context.close();
  }, 60_000);

  it('staff land on a page leading to their areas and to the API documentation', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    expect(await page.$$eval('main a.br-button', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/admin/edicoes',
      '/admin/usuarios',
      '/revisao',
      '/certificacao',
      '/api/docs',
    ]);
    await context.close();
  }, 60_000);

  it.each(['pt-BR', 'en'])(
    'has no serious or critical axe violation on its pages (%s)',
    async (lang) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const found: Record<string, unknown> = {};
      for (const path of ['/entrar', '/acessibilidade']) {
        await page.goto(url(`${path}?lang=${lang}`));
        found[path] = await seriousViolations(page);
      }
      await signIn(page, OFFICIAL, PASSWORD);
      for (const path of ['/inicio', '/conta/senha', '/acessibilidade']) {
        await page.goto(url(path));
        found[`${path} (signed in)`] = await seriousViolations(page);
      }
      await screenshot(page, `accessibility-${lang}`);
      expect(found).toEqual({
        '/entrar': [],
        '/acessibilidade': [],
        '/inicio (signed in)': [],
        '/conta/senha (signed in)': [],
        '/acessibilidade (signed in)': [],
      });
      await context.close();
    },
    90_000,
  );
});
