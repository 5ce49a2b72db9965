import type { Browser, BrowserContext, Page } from 'puppeteer';
import { DataSource } from 'typeorm';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { ADMIN, auth, bootWithStaff, createEdition, createUser, enrol, login, PASSWORD } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const OFFICIAL = 'focal@portoalegre.test';
const YEAR = 2031;

/** Axe in Portuguese, then the same page in English. */
async function accessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  const path = new URL(page.url());
  path.searchParams.set('lang', 'en');
  await page.goto(path.toString());
  expect(await page.$eval('html', (h) => h.lang)).toBe('en');
  expect(await seriousViolations(page)).toEqual([]);
  path.searchParams.set('lang', 'pt-BR');
  await page.goto(path.toString());
}

const text = (page: Page, selector = 'main') => page.$eval(selector, (m) => m.textContent ?? '');
const focused = (page: Page) => page.evaluate(() => (globalThis as any).document.activeElement?.id as string);
const valueOf = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e as unknown as { value: string }).value);
const setValue = (page: Page, selector: string, value: string) =>
  page.$eval(selector, (e, v) => ((e as unknown as { value: string }).value = v), value);

describe("administrator's pages: editions, versions, extensions, users (headless Chromium)", () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let admin: Page;
  let adminToken: string;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    adminToken = boot.tokens.admin;
    await createUser(app, adminToken, OFFICIAL, 'official', PORTO_ALEGRE);
    browser = await launchBrowser();
    const context = await browser.createBrowserContext();
    admin = await context.newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
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

  async function submit(page: Page, form: string) {
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
  }

  it('the overview links to the sections; other roles are refused', async () => {
    await admin.goto(url('/admin'));
    expect(await text(admin)).toContain('Administração');
    expect(await admin.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining(['/admin/edicoes', '/admin/usuarios']),
    );
    await accessible(admin);
    const official = await login(app, OFFICIAL);
    const r = await fetch(url('/admin/usuarios'), { headers: auth(official) });
    expect(r.status).toBe(403);
  });

  it('creates an edition: a date out of order first (error summary, values kept), then fixed; pinned versions show what changed', async () => {
    await admin.goto(url('/admin/edicoes'));
    await accessible(admin);
    await admin.type('#year', String(YEAR));
    await setValue(admin, '#calendar-enrolmentOpens', `${YEAR}-03-01`);
    await setValue(admin, '#calendar-enrolmentCloses', `${YEAR}-04-15`);
    await setValue(admin, '#calendar-diagnosisDeadline', `${YEAR}-04-01`);
    await setValue(admin, '#calendar-reviewDeadline', `${YEAR}-08-31`);
    await setValue(admin, '#calendar-certificationDate', `${YEAR}-10-15`);
    await admin.select('#pinnedVersions-health', '1');
    await submit(admin, '#edition-form');
    expect(await focused(admin)).toBe('error-summary');
    expect(await admin.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#calendar-diagnosisDeadline',
    ]);
    expect(await text(admin, '#error-summary')).toContain('Prazo do diagnóstico');
    expect(await valueOf(admin, '#year')).toBe(String(YEAR));
    expect(await valueOf(admin, '#pinnedVersions-health')).toBe('1');
    expect(await admin.$eval('#calendar-diagnosisDeadline', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await seriousViolations(admin)).toEqual([]);

    await setValue(admin, '#calendar-diagnosisDeadline', `${YEAR}-06-30`);
    await submit(admin, '#edition-form');
    expect(new URL(admin.url()).pathname).toBe(`/admin/edicoes/${YEAR}`);
    const page = await text(admin);
    expect(page).toContain(`Edição ${YEAR} criada.`);
    expect(page).toContain('30/06/2031');
    expect(page).toContain('todas as etapas concluídas');
    // Health pinned at v1 (its first version); social assistance at v2 with the key map from v1.
    expect(await text(admin, '#group-health')).toContain('versão 1');
    const social = await admin.$eval('#group-social-assistance', (e) => e.closest('article')!.textContent ?? '');
    expect(social).toContain('Segue a versão 1.');
    expect(social).toMatch(/renomeado.*federal-benefits.*federal-benefits-access/s);
    expect(social).toContain('mantido');
    const health = (await (await fetch(url(`/api/editions/${YEAR}`))).json()) as any;
    expect(health.pinnedVersions).toMatchObject({ health: 1, 'social-assistance': 2 });
    await screenshot(admin, 'admin-edition', { fullPage: true });
    await accessible(admin);

    await admin.goto(url('/admin/edicoes'));
    expect(await text(admin, 'table')).toContain(String(YEAR));
    await screenshot(admin, 'admin-editions', { fullPage: true });
  });

  it('changes the edition: a review deadline before the diagnosis refused, then saved; pinned versions locked once a government enrolled', async () => {
    await admin.goto(url(`/admin/edicoes/${YEAR}`));
    await Promise.all([admin.waitForNavigation(), admin.click(`a[href="/admin/edicoes/${YEAR}/alterar"]`)]);
    expect(await valueOf(admin, '#calendar-reviewDeadline')).toBe(`${YEAR}-08-31`);
    expect(await valueOf(admin, '#pinnedVersions-health')).toBe('1');
    await setValue(admin, '#calendar-reviewDeadline', `${YEAR}-06-01`);
    await submit(admin, '#edition-form');
    expect(await focused(admin)).toBe('error-summary');
    expect(await admin.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#calendar-reviewDeadline',
    ]);
    expect(await seriousViolations(admin)).toEqual([]);
    await setValue(admin, '#calendar-reviewDeadline', `${YEAR}-09-15`);
    await admin.click('#certificationRule-kind-minimum-index');
    await admin.type('#certificationRule-minimumIndex', '50');
    await submit(admin, '#edition-form');
    expect(new URL(admin.url()).pathname).toBe(`/admin/edicoes/${YEAR}`);
    expect(await text(admin)).toContain(`Edição ${YEAR} alterada.`);
    expect(await text(admin)).toContain('15/09/2031');
    expect(await text(admin)).toContain('índice de pelo menos 50');
    await admin.goto(url(`/admin/edicoes/${YEAR}/alterar`));
    await accessible(admin);

    // Once a government has enrolled, its answers belong to the pinned versions: they no longer change.
    const open = new Date().getUTCFullYear() + 1;
    await createEdition(app, adminToken, open);
    await enrol(app, adminToken, open, PORTO_ALEGRE, { course: false });
    const locked = await app.request(
      'PATCH',
      `/api/editions/${open}`,
      { calendar: (await app.request('GET', `/api/editions/${open}`)).body.calendar, pinnedVersions: { health: 1 } },
      auth(adminToken),
    );
    expect(locked.status).toBe(400);
    expect(locked.body.errors).toEqual([expect.objectContaining({ field: 'pinnedVersions.health' })]);
  });

  it('extends a government’s deadline with a reason: a name several governments bear is refused, the IBGE code taken', async () => {
    await admin.goto(url(`/admin/edicoes/${YEAR}`));
    await admin.type('#extension-government', 'Porto Alegre');
    await setValue(admin, '#extension-until', `${YEAR}-07-31`);
    await admin.type('#extension-reason', 'Enchentes suspenderam o expediente da prefeitura.');
    await submit(admin, '#extension-form');
    expect(await focused(admin)).toBe('error-summary');
    expect(await text(admin, '#error-summary')).toMatch(/Governo: \d+ governos com esse nome/);
    expect(await valueOf(admin, '#extension-reason')).toContain('Enchentes');
    await setValue(admin, '#extension-government', '');
    await admin.type('#extension-government', PORTO_ALEGRE);
    await submit(admin, '#extension-form');
    expect(await text(admin)).toContain('Prazo prorrogado.');
    expect(await text(admin, '#prorrogacoes + *')).toBeDefined();
    const rows = await (
      await fetch(url(`/api/editions/${YEAR}/deadline-extensions`), { headers: auth(adminToken) })
    ).json();
    expect(rows).toEqual([expect.objectContaining({ governmentCode: PORTO_ALEGRE, until: `${YEAR}-07-31` })]);
    expect(await text(admin)).toContain('31/07/2031');
  });

  it('creates a user with a temporary password, disables them (their open session and token stop at once), enables, changes role, resets the password', async () => {
    await admin.goto(url('/admin/usuarios'));
    await accessible(admin);
    // A wrong e-mail first: the summary names the field, the values stay.
    await admin.type('#new-name', 'Joana Reviewer');
    await admin.type('#new-email', 'joana');
    await admin.select('#new-role', 'official');
    await submit(admin, '#user-form');
    expect(await admin.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#new-email',
    ]);
    expect(await valueOf(admin, '#new-name')).toBe('Joana Reviewer');
    await setValue(admin, '#new-email', '');
    await admin.type('#new-email', 'joana@oim.test');
    await admin.type('#new-governmentCode', PORTO_ALEGRE);
    await submit(admin, '#user-form');
    expect(await text(admin)).toContain('Usuário Joana Reviewer cadastrado.');
    const temporary = await admin.$eval('#temporary-password', (e) => e.textContent ?? '');
    expect(temporary).toHaveLength(16);
    const joanaPage = url(
      (await admin.$eval('#status-form', (f) => f.getAttribute('action')))!.replace(/\/situacao$/, ''),
    );
    // The password is shown once: the user's page does not show it again.
    await admin.goto(joanaPage);
    expect(await admin.$('#temporary-password')).toBeNull();
    await accessible(admin);

    // Joana signs in in another browser and through the API.
    const joanaContext: BrowserContext = await browser.createBrowserContext();
    const joana = await joanaContext.newPage();
    await signIn(joana, 'joana@oim.test', temporary);
    expect(new URL(joana.url()).pathname).toBe('/inicio');
    const token = await login(app, 'joana@oim.test', temporary);
    expect((await fetch(url('/api/auth/me'), { headers: auth(token) })).status).toBe(200);

    // Disabled: her next page goes to the sign-in, her token gets 401, she cannot sign in.
    await admin.goto(joanaPage);
    await submit(admin, '#status-form');
    expect(await text(admin)).toContain('Usuário desativado');
    expect(await text(admin, '#user-status')).toBe('Desativado');
    await joana.goto(url('/inicio'));
    expect(new URL(joana.url()).pathname).toBe('/entrar');
    expect((await fetch(url('/api/auth/me'), { headers: auth(token) })).status).toBe(401);
    const refused = await app.request('POST', '/api/auth/login', { email: 'joana@oim.test', password: temporary });
    expect(refused.status).toBe(401);

    // The list finds her by name among the disabled.
    await admin.goto(url('/admin/usuarios?q=joana&situacao=disabled'));
    expect(await admin.$$eval('tbody tr', (rows) => rows.map((r) => r.textContent))).toEqual([
      expect.stringContaining('joana@oim.test'),
    ]);
    await screenshot(admin, 'admin-users', { fullPage: true });

    // Enabled again: her old session and token stay ended; she signs in anew.
    await admin.goto(joanaPage);
    await submit(admin, '#status-form');
    expect(await text(admin, '#user-status')).toBe('Ativo');
    expect((await fetch(url('/api/auth/me'), { headers: auth(token) })).status).toBe(401);
    await joana.goto(url('/inicio'));
    expect(new URL(joana.url()).pathname).toBe('/entrar');
    await signIn(joana, 'joana@oim.test', temporary);
    expect(new URL(joana.url()).pathname).toBe('/inicio');

    // Her role changes to reviewer: an official's government is refused for a reviewer, then cleared.
    await admin.select('#change-role', 'reviewer');
    await submit(admin, '#role-form');
    expect(await admin.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#change-governmentCode',
    ]);
    await admin.select('#change-role', 'reviewer');
    await setValue(admin, '#change-governmentCode', '');
    await submit(admin, '#role-form');
    expect(await text(admin, '#user-role')).toBe('Revisor da OIM');
    const me = await (
      await fetch(url('/api/auth/me'), { headers: auth(await login(app, 'joana@oim.test', temporary)) })
    ).json();
    expect(me).toMatchObject({ role: 'reviewer', governmentCode: null });

    // A password typed by the administrator, too short first; then a new one: her session ends.
    await admin.type('#reset-password', 'short');
    await submit(admin, '#reset-form');
    expect(await text(admin, '#error-summary')).toContain('12 a 200 caracteres');
    await admin.type('#reset-password', PASSWORD);
    await submit(admin, '#reset-form');
    expect(await text(admin)).toContain('Senha redefinida');
    await joana.goto(url('/inicio'));
    expect(new URL(joana.url()).pathname).toBe('/entrar');
    expect(await login(app, 'joana@oim.test', PASSWORD)).toBeTruthy();
    await joanaContext.close();

    // Every change was audited.
    const rows: { action: string }[] = await app.app
      .get(DataSource)
      .query("SELECT action FROM audit_log WHERE entity = 'user' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.disable', 'user.enable', 'user.update', 'user.password-reset']),
    );
  });

  it('an administrator cannot disable themselves', async () => {
    const me = (await (await fetch(url('/api/auth/me'), { headers: auth(adminToken) })).json()) as any;
    const r = await app.request('PATCH', `/api/users/${me.id}`, { active: false }, auth(adminToken));
    expect(r.status).toBe(403);
  });
});
