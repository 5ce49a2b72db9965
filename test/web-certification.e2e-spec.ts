import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser, SCREENSHOTS, screenshot, seriousViolations } from './support/browser';
import {
  auth,
  bootWithStaff,
  createEdition,
  createUser,
  driveToPriorities,
  enrol,
  PASSWORD,
} from './support/lifecycle';
import type { RunningApp } from './support/test-app';
import { waitFor } from './support/server-process';

const GOVERNMENTS = { '4314902': 'Porto Alegre', '4304606': 'Canoas', '4314407': 'Pelotas' };
const CERTIFIER = 'certificadora@ufrgs.test';

describe('web pages of the university: readiness, signatories, the batch with its progress bar, the seal, revocation (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let page: Page;
  let year: number;
  let tokens: { admin: string; reviewer: string; certifier: string };
  let signaturePng: string;
  let batchUrl: string;

  beforeAll(async () => {
    // One page at a time and one seal per print: the batch lasts long enough to be watched.
    const boot = await bootWithStaff({ RENDER_PAGES: '1', CERTIFICATE_BATCH_SIZE: '1' });
    ({ app, cleanup, tokens } = boot);
    year = new Date().getUTCFullYear();
    await createEdition(app, tokens.admin, year);
    for (const [code, name] of Object.entries(GOVERNMENTS)) {
      const official = await createUser(
        app,
        tokens.admin,
        `focal@${name.replace(/\s/g, '').toLowerCase()}.test`,
        'official',
        code,
      );
      const assessment = await enrol(app, official, year, code);
      if (code !== '4314407') await driveToPriorities(app, { official, reviewer: tokens.reviewer }, assessment.id);
    }
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    // A signature drawn in the browser, as a PNG file to upload.
    const sketch = await browser.newPage();
    await sketch.setViewport({ width: 360, height: 120 });
    await sketch.setContent(
      '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120"><path d="M10 90 C 60 10, 90 110, 140 50 S 220 20, 260 80 S 330 60, 350 40" stroke="#1d2b3a" stroke-width="5" fill="none"/></svg>',
    );
    signaturePng = join(cleanupDir(), 'signature.png');
    writeFileSync(signaturePng, await sketch.screenshot({ type: 'png', omitBackground: true }));
    await sketch.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const cleanupDir = () => app.config.dataDir;
  const url = (path: string) => `${app.baseUrl}${path}`;

  async function noSeriousViolations(p: Page) {
    for (const lang of ['pt-BR', 'en']) {
      const at = new URL(p.url());
      at.searchParams.set('lang', lang);
      await p.goto(at.toString());
      expect(await p.$eval('html', (h) => h.lang)).toBe(lang);
      expect(await seriousViolations(p)).toEqual([]);
    }
    const back = new URL(p.url());
    back.searchParams.set('lang', 'pt-BR');
    await p.goto(back.toString());
  }

  it('shows the certifier which governments are ready and what the others still miss', async () => {
    await page.goto(url('/entrar?next=/certificacao'));
    await page.type('#email', CERTIFIER);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/certificacao');
    const ready = await page.$$eval('#ready-table tbody th', (ths) => ths.map((t) => t.textContent));
    expect(ready.sort()).toEqual(['Canoas', 'Porto Alegre']);
    const waiting = await page.$eval('#waiting-table', (t) => t.textContent!.replace(/\s+/g, ' '));
    expect(waiting).toContain('Pelotas');
    expect(waiting).toContain('Diagnóstico');
    await noSeriousViolations(page);
  });

  it('sets the edition’s signatories with a signature image; a file that is not an image is refused by name', async () => {
    await page.goto(url(`/certificacao/${year}/signatarios`));
    await page.type('#universityName', 'Profa. Marcia Barbosa');
    await page.type('#universityTitle', 'Reitora da Universidade Federal do Rio Grande do Sul');
    await page.type('#iomTitle', 'Chefe de Missão da OIM no Brasil');
    const notImage = join(cleanupDir(), 'signature.jpg');
    writeFileSync(notImage, 'not really a JPEG');
    await (await page.$('#universitySignature'))!.uploadFile(signaturePng);
    await (await page.$('#iomSignature'))!.uploadFile(notImage);
    await Promise.all([page.waitForNavigation(), page.click('#signatories-form button[type=submit]')]);
    const summary = await page.$eval('#error-summary', (e) => e.textContent!.replace(/\s+/g, ' '));
    expect(summary).toContain('Representante da OIM Brasil · Nome: obrigatório');
    expect(summary).toContain('Imagem da assinatura (opcional): a imagem precisa ser PNG ou JPEG');
    // What was typed is kept; nothing was saved.
    expect(await page.$eval('#universityName', (i) => (i as unknown as { value: string }).value)).toBe(
      'Profa. Marcia Barbosa',
    );
    expect(await page.$('#signatories-defaults')).not.toBeNull();
    await page.type('#iomName', 'Paolo Caputo');
    await (await page.$('#universitySignature'))!.uploadFile(signaturePng);
    await Promise.all([page.waitForNavigation(), page.click('#signatories-form button[type=submit]')]);
    expect(await page.$eval('[role=status]', (e) => e.textContent)).toContain('Signatários salvos');
    expect(await page.$$eval('img.web-cert-preview', (imgs) => imgs.length)).toBe(1);
    // A logo, in its own form.
    await (await page.$('#universityLogo'))!.uploadFile(signaturePng);
    await Promise.all([page.waitForNavigation(), page.click('#logos-form button[type=submit]')]);
    expect(await page.$$eval('img.web-cert-preview', (imgs) => imgs.length)).toBe(2);
    expect(await page.$eval('#iomName', (i) => (i as unknown as { value: string }).value)).toBe('Paolo Caputo');
    await noSeriousViolations(page);
  });

  it('runs the edition’s batch: the bar reaches the end with JavaScript, and the page without it shows progress on reload', async () => {
    await page.goto(url(`/certificacao?ano=${year}`));
    await Promise.all([page.waitForNavigation(), page.click('#batch-form button[type=submit]')]);
    batchUrl = page.url();
    expect(new URL(batchUrl).pathname).toMatch(/^\/certificacao\/lotes\/[0-9a-f-]{36}$/);
    const plain = await (await browser.createBrowserContext()).newPage();
    await plain.setJavaScriptEnabled(false);
    const cookies = await page.cookies();
    await plain.setCookie(...cookies);
    await plain.goto(batchUrl);
    expect(await plain.$eval('#batch-bar', (b) => b.getAttribute('max'))).toBe('100');
    expect(await plain.$eval('#batch-status', (s) => s.textContent)).toMatch(/Em andamento|Lote concluído/);
    await page.waitForFunction(() => (globalThis as any).document.getElementById('batch-bar').value === 100, {
      timeout: 60_000,
    });
    expect(await page.$eval('#batch-status', (s) => s.textContent)).toBe('Lote concluído: 2 emitidos, 0 com falha.');
    expect(await page.$eval('#batch-done', (s) => s.textContent)).toBe('2');
    await screenshot(page, 'certification-batch');
    // Without JavaScript the page reloads itself every 3 s (meta refresh) while the batch runs: it comes to the
    // end on its own, and stops reloading there. Reading it while a refresh lands counts as not yet.
    const done = 'Lote concluído: 2 emitidos, 0 com falha.';
    const status = () => plain.$eval('#batch-status', (s) => s.textContent);
    expect(await waitFor(async () => ((await status()) === done ? done : undefined), 20_000, 250)).toBe(done);
    expect(await plain.$('meta[http-equiv=refresh]')).toBeNull();
    expect(await plain.$eval('#batch-bar', (b) => b.getAttribute('value'))).toBe('100');
    await plain.close();
    await noSeriousViolations(page);
  }, 120_000);

  it('prints the signatories’ names and titles and the whole verification URL on the seal', async () => {
    const seals = (await app.request('GET', `/api/editions/${year}/certificates`)).body as {
      number: string;
      name: string;
    }[];
    expect(seals.map((s) => s.name).sort()).toEqual(['Canoas', 'Porto Alegre']);
    const number = seals.find((s) => s.name === 'Porto Alegre')!.number;
    const pdf = Buffer.from(await (await fetch(url(`/api/certificates/${number}/pdf`))).arrayBuffer());
    const parsed = await pdfParse(pdf);
    expect(parsed.numpages).toBe(1);
    const text = parsed.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Profa. Marcia Barbosa',
      'Reitora da Universidade Federal do Rio Grande do Sul',
      'Paolo Caputo',
      'Chefe de Missão da OIM no Brasil',
      'Porto Alegre (RS)',
      `Selo MigraCidades ${year}`,
    ])
      expect(text).toContain(expected);
    expect(parsed.text).toContain(`${app.config.publicUrl}/verify/${number}`);
    // The seal as printed, page 1 of its PDF, as an artefact.
    const pdfPath = join(cleanupDir(), 'seal.pdf');
    writeFileSync(pdfPath, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, join(SCREENSHOTS, 'seal-pdf')]);
  });

  it('searches the issued seals, revokes one with a required reason, and the public verification says revoked', async () => {
    await page.goto(url(`/certificacao?ano=${year}`));
    await page.type('#seal-query', 'porto');
    await Promise.all([page.waitForNavigation(), page.click('#seal-search button[type=submit]')]);
    const rows = await page.$$eval('#seals-table tbody tr', (trs) => trs.map((t) => t.getAttribute('data-number')));
    expect(rows).toHaveLength(1);
    const number = rows[0]!;
    await screenshot(page, 'certification');
    await Promise.all([page.waitForNavigation(), page.click(`#seals-table a[href="/certificacao/selos/${number}"]`)]);
    await noSeriousViolations(page);
    // No reason: refused, nothing changed.
    await Promise.all([page.waitForNavigation(), page.click('#revoke-form button[type=submit]')]);
    expect(await page.$eval('#error-summary', (e) => e.textContent)).toContain('Motivo');
    expect((await app.request('GET', `/api/verify/${number}`)).body.status).toBe('valid');
    await page.type('#revoke-reason', 'Dados do diagnóstico corrigidos após auditoria.');
    await Promise.all([page.waitForNavigation(), page.click('#revoke-form button[type=submit]')]);
    expect(await page.$eval('#seal-status', (e) => e.textContent)).toBe('Revogado');
    const verified = (await app.request('GET', `/api/verify/${number}`)).body;
    expect(verified).toMatchObject({
      status: 'revoked',
      revocationReason: 'Dados do diagnóstico corrigidos após auditoria.',
    });
    // The public verification page, as anyone with the seal's number reads it.
    const publicPage = await (await browser.createBrowserContext()).newPage();
    await publicPage.goto(url(`/verify/${number}`));
    expect(await publicPage.$eval('#verdict-heading', (e) => e.textContent)).toBe('Selo revogado');
    expect(await publicPage.$eval('main', (e) => e.textContent)).toContain(
      'Dados do diagnóstico corrigidos após auditoria.',
    );
    await publicPage.close();
    await page.goto(url(`/certificacao?ano=${year}&q=${number}`));
    expect(await page.$eval(`#seals-table tr[data-number="${number}"]`, (t) => t.textContent)).toContain('Revogado');
    const issued = await app.request(
      'GET',
      `/api/certificate-batches/${batchUrl.split('/').pop()}`,
      undefined,
      auth(tokens.certifier),
    );
    expect(issued.body.status).toBe('done');
  });
});
