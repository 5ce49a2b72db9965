import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { Page } from 'puppeteer';
import { bestAnswers, evidenceFor } from './support/answers';
import { launchBrowser, screenshot } from './support/browser';
import {
  auth,
  bootWithStaff,
  createEdition,
  createUser,
  PASSWORD,
  questionnairesOf,
  samplePdf,
} from './support/lifecycle';
import { type RunningApp, scratchDir } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const OFFICIAL = 'focal@portoalegre.test';

/**
 * One official's whole edition through the pages, in one browser, as they would live it: sign in, enrol with the
 * letter of intent, record the course, fill the diagnosis (autosave), submit (refused, then accepted), answer
 * what the reviewer sent back and resubmit, set the priorities, then take away the seal and the report. The
 * reviewer and the university act through the API, as their pages are another issue's.
 */
describe('an official’s whole edition through the pages (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let files: { dir: string; cleanup: () => void };
  let tokens: { admin: string; reviewer: string; certifier: string; official: string };
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    const official = await createUser(app, boot.tokens.admin, OFFICIAL, 'official', PORTO_ALEGRE);
    tokens = { ...boot.tokens, official } as typeof tokens;
    await createEdition(app, boot.tokens.admin, year);
    files = scratchDir('migracidades-journey-');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    cleanup?.();
    files?.cleanup();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;
  const api = async (token: string, method: string, path: string, body?: unknown) => {
    const r = await app.request(method, path, body, auth(token));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  const mainText = (page: Page) => page.$eval('main', (m) => m.textContent ?? '');
  const submit = (page: Page, form: string) =>
    Promise.all([page.waitForNavigation(), page.click(`#${form} button[type=submit]`)]);
  const pdfFile = (name: string, text: string) => {
    const path = join(files.dir, name);
    writeFileSync(path, samplePdf(text));
    return path;
  };
  async function upload(page: Page, selector: string, path: string) {
    const input = await page.waitForSelector(`input[type=file]${selector}`);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  }
  /** A link of the page downloaded with the page's own cookies, as the browser would. */
  async function download(page: Page, selector: string) {
    const href = await page.$eval(selector, (a) => (a as any).href as string);
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const r = await fetch(href, { headers: { cookie } });
    return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
  }

  it('from sign-in to the seal and the report', async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await browser.createBrowserContext()).newPage();
      await page.setViewport({ width: 1280, height: 900 });

      // Sign in from the public home; the official's home page offers the open enrolment.
      await page.goto(url('/'));
      await Promise.all([page.waitForNavigation(), page.click('.web-user a[href="/entrar"]')]);
      await page.type('#email', OFFICIAL);
      await page.type('#password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
      expect(await mainText(page)).toContain(`As inscrições da edição ${year} estão abertas`);

      // Enrolment with the letter of intent, then the course with its certificate.
      await Promise.all([page.waitForNavigation(), page.click(`a[href="/edicoes/${year}/inscricao"]`)]);
      await page.type('#focalPerson-name', 'Ana Ponto Focal');
      await page.type('#focalPerson-email', OFFICIAL);
      await page.type('#focalPerson-phone', '(51) 3289-0000');
      await page.type('#focalPerson-department', 'Secretaria de Direitos Humanos');
      await page.type('#substitutes-0-name', 'Bruno Suplente');
      await page.type('#substitutes-0-email', 'bruno@portoalegre.test');
      await page.type('#substitutes-0-department', 'Secretaria de Assistência Social');
      await page.type('#migrantService-name', 'Centro de Referência para Migrantes');
      await page.type('#migrantService-phone', '(51) 3289-1111');
      await page.type('#migrantService-email', 'crai@portoalegre.test');
      await page.type('#migrantService-address', 'Rua dos Andradas, 1000, Centro');
      await upload(page, '#letterOfIntent', pdfFile('carta.pdf', 'Carta de intencao'));
      await submit(page, 'enrolment-form');
      const id = /\/avaliacoes\/([0-9a-f-]{36})\/curso/.exec(page.url())![1];
      const view = await api(tokens.official, 'GET', `/api/assessments/${id}`);
      expect(view.enrolment.letterOfIntent.file).toBeTruthy();
      const today = new Date().toISOString().slice(0, 10);
      await page.$eval('#completedAt', (input, day) => ((input as any).value = day), today);
      await upload(page, '#certificate', pdfFile('certificado.pdf', 'Certificado ENAP'));
      await submit(page, 'course-form');
      expect((await api(tokens.official, 'GET', `/api/assessments/${id}`)).enrolment.course.completedAt).toBeTruthy();

      // The diagnosis: an answer by a click, saved by itself; submitting now is refused with what is missing.
      await page.goto(url(`/avaliacoes/${id}`));
      await page.click('#item-governance--focal-body input[value="no"] + label');
      await page.waitForFunction(
        () => ((globalThis as any).document.querySelector('#dg-status')?.textContent ?? '').includes('Salvo às'),
        { timeout: 15_000 },
      );
      await screenshot(page, 'journey-diagnosis', { fullPage: false });
      await page.goto(url(`/avaliacoes/${id}/envio`));
      await submit(page, 'submission-form');
      expect(await page.$eval('#error-summary', (e) => e.textContent)).toBeTruthy();
      expect((await api(tokens.official, 'GET', `/api/assessments/${id}`)).state).not.toBe('submitted');

      // Everything else answered (as another tab of the same official would), then submitted through the page.
      const current = await api(tokens.official, 'GET', `/api/assessments/${id}`);
      const saves = (await questionnairesOf(app, current)).flatMap((q) =>
        Object.entries(bestAnswers(q))
          .filter(([key]) => !(q.group === 'governance' && key === 'focal-body'))
          .map(([itemKey, value]) => {
            const it = q.items.find((i) => i.key === itemKey)!;
            const evidence = evidenceFor(it);
            return { group: q.group, itemKey, value, expectedVersion: 0, ...(evidence ? { evidence } : {}) };
          }),
      );
      await api(tokens.official, 'PUT', `/api/assessments/${id}/answers`, { answers: saves });
      await page.goto(url(`/avaliacoes/${id}/envio`));
      await submit(page, 'submission-form');
      expect(await page.$eval('main [role=status]', (e) => e.textContent)).toContain('Diagnóstico enviado');

      // The reviewer sends one item back; the official finds it from the home page's notice and resubmits.
      const budget = { group: 'governance', itemKey: 'budget-line' };
      await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/start`);
      await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/accept-pending`);
      await api(tokens.reviewer, 'PUT', `/api/assessments/${id}/review/items`, {
        decisions: [{ ...budget, decision: 'send-back', note: 'Anexe a lei orçamentária.' }],
      });
      await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/request-changes`);
      await page.goto(url('/inicio'));
      await Promise.all([page.waitForNavigation(), page.click('.web-notices a')]);
      expect(new URL(page.url()).search).toBe('?filtro=devolvidos');
      expect(await mainText(page)).toContain('Anexe a lei orçamentária.');
      await page.click('#item-governance--budget-line input[value="partial"] + label');
      await page.waitForFunction(
        () =>
          (
            (globalThis as any).document.querySelector('#item-governance--budget-line [data-item-status]')
              ?.textContent ?? ''
          ).includes('Salvo às'),
        { timeout: 15_000 },
      );
      await page.goto(url(`/avaliacoes/${id}/envio`));
      await submit(page, 'submission-form');
      expect((await api(tokens.official, 'GET', `/api/assessments/${id}`)).state).toBe('resubmitted');

      // Approved by the reviewer; the official sets the priorities.
      await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/accept-pending`);
      await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/approve`);
      await page.goto(url(`/avaliacoes/${id}/prioridades`));
      await page.click('#pick-governance-budget-line');
      await page.type('#commitment-governance-budget-line', 'Criar ação orçamentária própria no PPA 2026-2029.');
      await submit(page, 'priorities-form');
      const priorities = await api(tokens.official, 'GET', `/api/assessments/${id}/priorities`);
      expect(JSON.stringify(priorities)).toContain('Criar ação orçamentária própria no PPA 2026-2029.');

      // The university issues the seal; the official downloads it and the report.
      await api(tokens.certifier, 'POST', `/api/assessments/${id}/certificate`);
      await page.goto(url(`/avaliacoes/${id}/documentos`));
      await screenshot(page, 'journey-documents', { fullPage: false });
      const seal = await download(page, `a[href^="/avaliacoes/${id}/selo.pdf"]`);
      expect([seal.status, seal.type]).toEqual([200, 'application/pdf']);
      expect((await pdfParse(seal.bytes)).text).toContain('Porto Alegre');
      const report = await download(page, `a[href^="/avaliacoes/${id}/relatorio.pdf"]`);
      expect([report.status, report.type]).toEqual([200, 'application/pdf']);
      expect((await pdfParse(report.bytes)).text).toMatch(/Relat[óo]rio/);
      expect((await api(tokens.official, 'GET', `/api/assessments/${id}`)).state).toBe('certified');
    } finally {
      await browser.close();
    }
  }, 300_000);
});
