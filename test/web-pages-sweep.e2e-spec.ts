import type { Browser, Page } from 'puppeteer';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/core/demo/demo-cast';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { bootApp, type RunningApp, scratchDir, testConfig } from './support/test-app';

const LANGS = ['pt-BR', 'en'] as const;

/** Pages reached by a link, not files to download nor the sign-out form. */
const isPage = (path: string) =>
  !/\.(pdf|png|jpe?g|xlsx|csv|json)$/.test(path.split('?')[0]) && !path.startsWith('/api/');

/** Pages audited per user at most (the links of two levels from their home, in order). */
const MAX_PAGES = 45;

/**
 * Every page each demo user (officials, reviewer, certifier, administrator) reaches from their home by following
 * links, and the pages of someone signed out, on the demonstration data, in both languages: axe-core finds no
 * serious or critical violation, and each page names its language.
 */
describe('every page of every role, in pt-BR and in en, signed in and out: no serious accessibility violation', () => {
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

  async function audit(page: Page, path: string, lang: string): Promise<string[]> {
    const separator = path.includes('?') ? '&' : '?';
    const response = await page.goto(`${app.baseUrl}${path}${separator}lang=${lang}`, { waitUntil: 'load' });
    const problems: string[] = [];
    if (!response || response.status() >= 500) problems.push(`${path} (${lang}): status ${response?.status()}`);
    if ((await page.$eval('html', (h) => h.lang)) !== lang) problems.push(`${path}: page not in ${lang}`);
    for (const v of await seriousViolations(page))
      problems.push(`${path} (${lang}): ${v.id}: ${v.help} ${v.targets.join(', ')}`);
    return problems;
  }

  /** The same-site page links of the current page. */
  const linksOf = (page: Page) =>
    page.$$eval('main a[href^="/"], #main-menu a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));

  it('signed out: the public pages, sign-in, accessibility, a page that does not exist', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const publicPages = ['/', '/painel', '/certificados/2024', '/boas-praticas', '/verify/MC-2024-00001'];
    for (const lang of LANGS) {
      for (const path of [...publicPages, '/entrar', '/acessibilidade', '/pagina-que-nao-existe']) {
        problems.push(...(await audit(page, path, lang)));
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it.each(DEMO_USERS.map((u) => [u.email, u.role]))(
    '%s (%s): home and every page linked from it and from those pages',
    async (email, role) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/entrar`);
      await page.type('#email', email);
      await page.type('#password', DEMO_PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
      expect(new URL(page.url()).pathname).toBe('/inicio');

      // Two levels of links from the home page: the assessments' pages and what they link to.
      const seen = new Set<string>();
      let frontier = ['/inicio'];
      for (let depth = 0; depth < 2; depth++) {
        const next: string[] = [];
        for (const path of frontier) {
          await page.goto(`${app.baseUrl}${path}`);
          for (const href of await linksOf(page)) {
            const target = href.split('#')[0];
            if (isPage(target) && !seen.has(target) && !target.startsWith('/entrar')) next.push(target);
          }
          seen.add(path);
        }
        frontier = [...new Set(next)].filter((p) => !seen.has(p));
        frontier.forEach((p) => seen.add(p));
      }
      const problems: string[] = [];
      for (const path of [...seen].slice(0, MAX_PAGES)) {
        for (const lang of LANGS) problems.push(...(await audit(page, path, lang)));
      }
      // What the README shows: each official's home and diagnosis as a screen of 1280 × 900 shows them.
      const name = email.split('@')[1].split('.')[0];
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${app.baseUrl}/inicio?lang=pt-BR`);
      await screenshot(page, `home-${name}`, { fullPage: false });
      // The diagnosis being filled, if any, else the first edition's.
      const diagnosis = await page.$$eval('.web-actions a', (as) => {
        const fill = as.find((a) => a.textContent?.includes('Preencher')) ?? as[0];
        return fill?.getAttribute('href') ?? null;
      });
      if (diagnosis) {
        await page.goto(`${app.baseUrl}${diagnosis}?lang=pt-BR`);
        await screenshot(page, `diagnosis-${name}`, { fullPage: false });
      }
      await context.close();
      expect(problems).toEqual([]);
      // Every official reaches at least the diagnosis and the documents of an edition; staff their area.
      const expected: Record<string, RegExp[]> = {
        official: [/^\/avaliacoes\/[0-9a-f-]{36}$/, /\/documentos$/],
        reviewer: [/^\/revisao/],
        certifier: [/^\/certificacao/],
        admin: [/^\/admin/],
      };
      expect(expected[role].filter((pattern) => ![...seen].some((p) => pattern.test(p)))).toEqual([]);
    },
    600_000,
  );
});
