import type { Browser, Page } from 'puppeteer';
import { DEMO_PASSWORD } from '../src/core/demo/demo-cast';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { answerAndSubmit } from './support/diagnosis';
import { auth, login } from './support/lifecycle';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

/**
 * The public pages in a browser, without signing in, on the demonstration data: the home page's seal box, the
 * verification of a seal's PDF, a revoked seal, the dashboard's map (switched without JavaScript), the certified
 * governments, the good practices' filters and a government's progress; axe on every page in both languages.
 */
describe('public pages', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let page: Page;
  let valid: string;
  let revoked: string;
  let pdf: Buffer;
  const url = (path: string) => `${app.baseUrl}${path}`;

  beforeAll(async () => {
    const scratch = scratchDir();
    cleanup = scratch.cleanup;
    app = await bootApp(testConfig(scratch.dir, { DEMO_DATA: '1' }));
    const seals = (await app.request('GET', '/api/editions/2024/certificates')).body as {
      number: string;
      status: string;
    }[];
    [valid, revoked] = seals.filter((s) => s.status === 'valid').map((s) => s.number);
    const certifier = await login(app, 'certificadora@ufrgs.local', DEMO_PASSWORD);
    const r = await app.request(
      'POST',
      `/api/certificates/${revoked}/revoke`,
      { reason: 'Informação incorreta no diagnóstico.' },
      auth(certifier),
    );
    if (r.status !== 200) throw new Error(`revoke: ${r.status} ${r.text}`);
    // A good practice recorded in São Paulo's open diagnosis, submitted, approved by the reviewer: the public bank's.
    const official = await login(app, 'focal@saopaulo.local', DEMO_PASSWORD);
    const reviewer = await login(app, 'revisora@oim.local', DEMO_PASSWORD);
    const listed = (await app.request('GET', '/api/assessments', undefined, auth(official))).body;
    const assessments = (Array.isArray(listed) ? listed : listed.items) as { id: string; state: string }[];
    const open = assessments.find((a) => a.state === 'diagnosis-in-progress')!;
    const practice = await app.request(
      'POST',
      `/api/assessments/${open.id}/good-practices`,
      {
        title: 'Comitê estadual de atenção a migrantes',
        description: 'Comitê com secretarias, sociedade civil e universidades que acompanha o plano estadual.',
        group: 'governance',
        startYear: 2019,
      },
      auth(official),
    );
    if (practice.status !== 201) throw new Error(`practice: ${practice.status} ${practice.text}`);
    await answerAndSubmit(app, official, open.id);
    const approved = await app.request(
      'PUT',
      `/api/good-practices/${practice.body.id}/review`,
      { decision: 'approve' },
      auth(reviewer),
    );
    if (approved.status !== 200) throw new Error(`approval: ${approved.status} ${approved.text}`);
    pdf = Buffer.from(await (await fetch(url(`/api/certificates/${valid}/pdf`))).arrayBuffer());
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const text = (selector: string) => page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  const main = () => text('main');

  it('verifies a seal by its number from the home page box', async () => {
    await page.goto(url('/'));
    expect(await text('h1')).toBe('Programa MigraCidades');
    expect(await page.$$eval('#home-certified-list li', (l) => l.length)).toBeGreaterThan(0);
    await screenshot(page, 'public-home');
    await page.type('#numero', valid.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.click('#verify-number-form button[type="submit"]')]);
    expect(page.url()).toBe(url(`/verify/${valid}`));
    expect(await text('#verdict-heading')).toBe('Selo válido');
    expect(await text('.web-public-facts')).toMatch(/\d{2}\/\d{2}\/\d{4} a \d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, 'verify');
  }, 60_000);

  it('an empty number is named in the error summary; an unknown one reads not found', async () => {
    await page.goto(url('/'));
    await Promise.all([page.waitForNavigation(), page.click('#verify-number-form button[type="submit"]')]);
    expect(await main()).toContain('Número do selo: informe o número');
    const unknown = await page.goto(url('/verify/MC-2024-99999'));
    expect(unknown?.status()).toBe(404);
    expect(await text('#verdict-heading')).toBe('Selo não encontrado');
  }, 60_000);

  it('verifies a seal by uploading its PDF, and refuses an altered one', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'seal-'));
    writeFileSync(join(dir, 'selo.pdf'), pdf);
    const altered = Buffer.from(pdf);
    altered[altered.length - 10] ^= 1;
    writeFileSync(join(dir, 'alterado.pdf'), altered);
    await page.goto(url('/verificar/arquivo'));
    await (await page.$('#file'))!.uploadFile(join(dir, 'selo.pdf'));
    await Promise.all([page.waitForNavigation(), page.click('#verify-file-form button[type="submit"]')]);
    expect(await text('#verdict-heading')).toBe('Selo válido');
    expect(await text('.web-public-facts')).toContain(valid);
    await (await page.$('#file'))!.uploadFile(join(dir, 'alterado.pdf'));
    await Promise.all([page.waitForNavigation(), page.click('#verify-file-form button[type="submit"]')]);
    expect(await text('#verdict-heading')).toBe('Documento não autêntico');
    await Promise.all([page.waitForNavigation(), page.click('#verify-file-form button[type="submit"]')]);
    expect(await main()).toContain('Arquivo do selo: escolha o PDF');
  }, 60_000);

  it('a revoked seal reads revoked, with the date and reason', async () => {
    await page.goto(url(`/verify/${revoked}?lang=en`));
    expect(await text('#verdict-heading')).toBe('Revoked seal');
    expect(await text('.web-public-facts')).toContain('Informação incorreta no diagnóstico.');
    await page.goto(url(`/verify/${revoked}?lang=pt-BR`));
    expect(await text('#verdict-heading')).toBe('Selo revogado');
  }, 60_000);

  it('shows the dashboard with the map of 27 states, its legend and table; the measure switches without JavaScript', async () => {
    await page.setJavaScriptEnabled(false);
    await page.goto(url('/painel?edition=2024'));
    expect(await page.$$eval('#map-brazil [data-uf]', (l) => l.length)).toBe(27);
    expect(await page.$$eval('#map-legend li', (l) => l.length)).toBeGreaterThan(1);
    expect(await page.$$eval('#states-table tbody tr', (l) => l.length)).toBe(27);
    const rs = await page.$eval('#map-brazil [data-uf="RS"] title', (e) => e.textContent);
    expect(rs).toMatch(/^Rio Grande do Sul \(RS\): \d+ inscritos$/);
    await screenshot(page, 'painel-map');
    await Promise.all([page.waitForNavigation(), page.click('a[data-measure="median"]')]);
    expect(page.url()).toContain('measure=median');
    expect(await page.$eval('#map-brazil [data-uf="RS"] title', (e) => e.textContent)).toMatch(/índice mediano/);
    expect(await page.$eval('a[data-measure="median"]', (e) => e.getAttribute('aria-current'))).toBe('page');
    await Promise.all([page.waitForNavigation(), page.click('a[data-measure="certified"]')]);
    expect(await page.$eval('#map-brazil [data-uf="RS"] title', (e) => e.textContent)).toMatch(/certificados$/);
    // A state's certified figure leads to its list.
    const href = await page.$eval('#states-table tr[data-uf="RS"] a', (a) => a.getAttribute('href'));
    expect(href).toBe('/certificados/2024?uf=RS');
    expect(await page.$$eval('.web-chart-figure svg', (l) => l.length)).toBe(3);
    await page.setJavaScriptEnabled(true);
  }, 60_000);

  it('lists the certified governments of an edition, filtered by state', async () => {
    await page.goto(url('/certificados/2024'));
    const rows = await page.$$eval('#certified-table tbody tr', (l) => l.length);
    expect(rows).toBeGreaterThan(1);
    await page.type('#uf', 'rs');
    await Promise.all([page.waitForNavigation(), page.click('#certified-filter button[type="submit"]')]);
    const governments = await page.$$eval('#certified-table tbody th', (l) => l.map((e) => e.textContent));
    expect(governments.length).toBeGreaterThan(0);
    expect(governments.every((g) => g!.endsWith('(RS)'))).toBe(true);
    await page.goto(url('/certificados/2024?uf=Rio'));
    expect(await main()).toContain('UF: use a sigla do estado');
  }, 60_000);

  it('filters the good practices by group, state and edition', async () => {
    await page.goto(url('/boas-praticas'));
    const all = await page.$$eval('.web-public-practices article', (l) => l.length);
    expect(all).toBeGreaterThan(0);
    const group = await page.$eval('.web-public-practices article a', (a) =>
      new URL(a.getAttribute('href')!, 'http://x').searchParams.get('group'),
    );
    await page.select('#group', group!);
    await Promise.all([page.waitForNavigation(), page.click('#practices-filter button[type="submit"]')]);
    expect(page.url()).toContain(`group=${group}`);
    const groupName = await page.$eval('#group option:checked', (o) => o.textContent);
    const shown = await page.$$eval('.web-public-practices article .web-hint a:first-child', (l) =>
      l.map((a) => a.textContent),
    );
    expect(shown.every((g) => g === groupName)).toBe(true);
    expect(await text('#practices-count')).toContain(groupName!);
  }, 60_000);

  it('shows a government’s public progress as charts with their tables', async () => {
    await page.goto(url('/governos/4314902'));
    expect(await text('#government-heading')).toContain('Porto Alegre');
    expect(await page.$$eval('.web-chart-figure svg[role="img"]', (l) => l.length)).toBeGreaterThanOrEqual(2);
    expect(await page.$$eval('.web-chart-figure table tbody tr', (l) => l.length)).toBeGreaterThan(2);
    await screenshot(page, 'governo');
  }, 60_000);

  it('has no serious or critical accessibility violation on any public page, in both languages', async () => {
    const pages = [
      '/',
      `/verify/${valid}`,
      `/verify/${revoked}`,
      '/verificar/arquivo',
      '/certificados/2024',
      '/boas-praticas',
      '/governos/4314902',
      '/painel',
      '/painel?measure=median',
    ];
    const found: Record<string, unknown> = {};
    for (const lang of ['pt-BR', 'en']) {
      for (const path of pages) {
        await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
        expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
        const violations = await seriousViolations(page);
        if (violations.length) found[`${lang} ${path}`] = violations;
      }
    }
    expect(found).toEqual({});
  }, 120_000);
});
