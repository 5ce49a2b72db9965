import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { Browser, Page } from 'puppeteer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, SCREENSHOTS, screenshot, seriousViolations } from './support/browser';
import { answerAndSubmit, reviewAndApprove, setPriorities } from './support/diagnosis';
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

const PORTO_ALEGRE = '4314902';
const CANOAS = '4304606';
const CAXIAS = '4305108';
const OFFICIAL = 'focal@portoalegre.test';
const REVIEWER_EMAIL = 'revisora@oim.test';
const EARLIER = 2025;
const CURRENT = 2026;
const ADJUST_NOTE = 'O comitê se reuniu uma única vez no ano.';

const flat = (s: string) => s.replace(/\s+/g, ' ');
const pdfText = async (pdf: Buffer) => flat((await pdfParse(pdf)).text);

describe('web pages: what the official takes away (documents, printable diagnosis, progress)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let page: Page;
  let current: string;
  let waiting: string;
  let sealNumber: string;
  let view: any;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    const { admin, reviewer, certifier } = boot.tokens;
    const poa = await createUser(app, admin, OFFICIAL, 'official', PORTO_ALEGRE);
    const canoas = await createUser(app, admin, 'focal@canoas.test', 'official', CANOAS);
    const caxias = await createUser(app, admin, 'focal@caxias.test', 'official', CAXIAS);
    await createEdition(app, admin, EARLIER);
    await createEdition(app, admin, CURRENT);
    // The earlier edition: approved, so that progress has two editions to compare.
    const earlier = (await enrol(app, poa, EARLIER, PORTO_ALEGRE)).id;
    await driveToPriorities(app, { official: poa, reviewer }, earlier);
    // This edition: no data on migrants (so their sources are hidden), an answer adjusted by the review, a seal.
    current = (await enrol(app, poa, CURRENT, PORTO_ALEGRE)).id;
    await answerAndSubmit(app, poa, current, (group, item) =>
      group === 'governance' && item.key === 'migrant-data' ? 'no' : undefined,
    );
    await reviewAndApprove(app, reviewer, current, [
      {
        group: 'governance',
        itemKey: 'intersectoral-committee',
        decision: 'adjust',
        rating: 'partial',
        note: ADJUST_NOTE,
      },
    ]);
    await setPriorities(app, poa, current, [
      { group: 'governance', itemKey: 'intersectoral-committee', commitment: 'Reunir o comitê a cada trimestre.' },
    ]);
    const issued = await app.request('POST', `/api/assessments/${current}/certificate`, undefined, auth(certifier));
    if (issued.status !== 201) throw new Error(`certificate: ${issued.status} ${issued.text}`);
    sealNumber = issued.body.number;
    // A peer in the same state and edition, and a government still at the start.
    const peer = (await enrol(app, canoas, CURRENT, CANOAS)).id;
    await driveToPriorities(app, { official: canoas, reviewer }, peer);
    waiting = (await enrol(app, caxias, CURRENT, CAXIAS)).id;
    view = (await app.request('GET', `/api/assessments/${current}`, undefined, auth(poa))).body;
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    await signIn(page, OFFICIAL);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;

  async function signIn(p: Page, email: string) {
    await p.goto(url('/entrar'));
    await p.type('#email', email);
    await p.type('#password', PASSWORD);
    await Promise.all([p.waitForNavigation(), p.click('#sign-in-form button[type=submit]')]);
  }

  /** A link of the page fetched with the page's own cookies, as the browser would download it. */
  async function download(p: Page, selector: string) {
    const href = await p.$eval(selector, (a) => (a as any).href as string);
    const cookies = (await p.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const r = await fetch(href, { headers: { cookie: cookies } });
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      disposition: r.headers.get('content-disposition') ?? '',
      body: Buffer.from(await r.arrayBuffer()),
    };
  }

  const main = async (p: Page) => flat(await p.$eval('main', (m) => (m as any).innerText as string));
  const textOf = async (p: Page, selector: string) =>
    flat(await p.$eval(selector, (e) => ((e as any).innerText ?? e.textContent ?? '') as string));

  it('documents: the report and the seal download as PDFs with their text; no serious axe violation in pt-BR and en', async () => {
    await page.goto(url(`/avaliacoes/${current}/documentos`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Documentos da edição');
    const text = await main(page);
    expect(text).toContain('Relatório de Diagnóstico');
    expect(text).toContain(`Selo MigraCidades ${CURRENT}`);
    expect(text).toContain(sealNumber);
    expect(text).toMatch(/de \d{2}\/\d{2}\/\d{4} a \d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain(`/verify/${sealNumber}`);
    expect(await page.$$eval('.web-breadcrumb a', (as) => as.map((a) => a.textContent))).toEqual([
      'Início',
      'Diagnóstico',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'documents');

    const report = await download(page, '#download-report');
    expect(report.status).toBe(200);
    expect(report.type).toBe('application/pdf');
    expect(report.disposition).toBe(
      `attachment; filename="relatorio-diagnostico-migracidades-${CURRENT}-porto-alegre-rs.pdf"`,
    );
    const reportText = await pdfText(report.body);
    expect(reportText).toContain('Relatório de Diagnóstico');
    expect(reportText).toContain('Porto Alegre');
    expect(reportText).toContain('Reunir o comitê a cada trimestre.');

    const seal = await download(page, '#download-seal');
    expect(seal.type).toBe('application/pdf');
    expect(seal.disposition).toBe(
      `attachment; filename="selo-migracidades-${sealNumber.toLowerCase()}-${CURRENT}-porto-alegre-rs.pdf"`,
    );
    const sealText = await pdfText(seal.body);
    expect(sealText).toContain(`Selo MigraCidades ${CURRENT}`);
    expect(sealText).toContain(sealNumber);
    expect(sealText).toContain('Porto Alegre');

    const english = await download(page, '#download-report-other');
    expect(english.disposition).toContain('-en.pdf"');
    expect(await pdfText(english.body)).toContain('Porto Alegre');

    await page.goto(url(`/avaliacoes/${current}/documentos?lang=en`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Documents of the edition');
    expect(await main(page)).toContain('Download the seal (PDF)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(url(`/avaliacoes/${current}/documentos?lang=pt-BR`));
  }, 120_000);

  it('documents and progress not yet available say why and when; another government\u2019s assessment is refused', async () => {
    const context = await browser.createBrowserContext();
    const other = await context.newPage();
    await signIn(other, 'focal@caxias.test');
    await other.goto(url(`/avaliacoes/${waiting}/documentos`));
    expect(await other.$eval('#report-why', (p) => p.textContent)).toContain('quando a revisão aprovar o diagnóstico');
    expect(await other.$eval('#seal-why', (p) => p.textContent)).toContain('Situação atual: inscrito.');
    expect(await other.$('#download-seal')).toBeNull();
    expect(await main(other)).toMatch(/Data prevista para a certificação da edição: \d{2}\/\d{2}\/\d{4}/);
    expect(await seriousViolations(other)).toEqual([]);
    await other.goto(url('/progresso'));
    expect(await other.$eval('#progress-none', (p) => p.textContent)).toContain(
      'Ainda não há edição com diagnóstico aprovado',
    );
    expect(await other.$('svg[role=img]')).toBeNull();
    expect(await seriousViolations(other)).toEqual([]);
    expect((await other.goto(url(`/progresso?ibge=${PORTO_ALEGRE}`)))?.status()).toBe(403);
    const refused = await other.goto(url(`/avaliacoes/${current}/documentos`));
    expect(refused?.status()).toBe(403);
    const report = await other.goto(url(`/avaliacoes/${waiting}/relatorio.pdf`));
    expect(report?.status()).toBe(409);
    await context.close();
  }, 60_000);

  it('the printable view shows every visible item with its answer and evidence, and leaves hidden items out', async () => {
    await page.goto(url(`/avaliacoes/${current}/imprimir`));
    const text = await main(page);
    const visible = view.groups.flatMap((g: any) => g.items.filter((i: any) => i.visible));
    const hidden = view.groups.flatMap((g: any) => g.items.filter((i: any) => !i.visible));
    expect(hidden.map((i: any) => i.key)).toContain('data-sources');
    for (const item of visible) expect(text).toContain(flat(item.label['pt-BR']));
    for (const item of hidden) expect(text).not.toContain(flat(item.label['pt-BR']));
    // Answers in words, evidence links written out whole, the review's verdict and comment.
    const focal = await textOf(page, '#item-governance-focal-body');
    expect(focal).toContain('Sim');
    expect(focal).toContain('Link: https://leismunicipais.test/evidencia/focal-body.pdf');
    expect(focal).toContain('Aceita');
    const data = await textOf(page, '#item-governance-migrant-data');
    expect(data).toContain('Não');
    const committee = await textOf(page, '#item-governance-intersectoral-committee');
    expect(committee).toContain('Ajustada pela revisão para «Parcial»');
    expect(committee).toContain(ADJUST_NOTE);
    const instrument = await textOf(page, '#item-governance-local-policy-instrument');
    expect(instrument).toContain('Lei');
    expect(await page.$$eval('.print-group h3', (hs) => hs.length)).toBe(view.groups.length);
    expect(text).toContain('1. Estrutura institucional de governança e estratégia local');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'print');

    // On paper: no menu, bar or footer, and each group on a page of its own.
    await page.emulateMediaType('print');
    const shown = await page.evaluate(() => {
      const d = (globalThis as any).document;
      const style = (s: string) => (globalThis as any).getComputedStyle(d.querySelector(s));
      return {
        header: style('#header').display,
        menu: style('#main-menu').display,
        footer: style('#footer').display,
        breakBefore: style('.print-group + .print-group').breakBefore,
      };
    });
    expect(shown).toEqual({ header: 'none', menu: 'none', footer: 'none', breakBefore: 'page' });
    await page.emulateMediaType('screen');

    const pdf = await download(page, '#download-print');
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toBe(`attachment; filename="diagnostico-migracidades-${CURRENT}-porto-alegre-rs.pdf"`);
    writeFileSync(join(SCREENSHOTS, 'print.pdf'), pdf.body);
    const pdfBody = await pdfText(pdf.body);
    expect(pdfBody).toContain('Diagnóstico para impressão');
    for (const item of visible.slice(0, 12)) expect(pdfBody).toContain(flat(item.label['pt-BR']));
    expect(pdfBody).not.toContain(flat(hidden.find((i: any) => i.key === 'data-sources').label['pt-BR']));
    expect(pdfBody).toContain('Ajustada pela revisão para «Parcial»');
    expect(pdfBody.replace(/\s/g, '')).toContain('https://leismunicipais.test/evidencia/focal-body.pdf');

    await page.goto(url(`/avaliacoes/${current}/imprimir?lang=en`));
    const english = await main(page);
    for (const item of visible) expect(english).toContain(flat(item.label.en));
    expect(await page.$eval('#item-governance-focal-body', (e) => (e as any).innerText)).toContain('Yes');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(url(`/avaliacoes/${current}/imprimir?lang=pt-BR`));
  }, 120_000);

  it('progress: charts with their table twins, group names in words, numbers as each language writes them', async () => {
    await page.goto(url('/progresso'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Progresso ao longo das edições');
    expect(await page.$$eval('svg[role=img]', (s) => s.length)).toBe(3);
    const svgTitles = await page.$$eval('svg[role=img] > title', (ts) => ts.map((t) => t.textContent));
    expect(svgTitles).toEqual([
      'Índice MigraCidades por edição',
      'Pontuação por grupo de indicadores em cada edição',
      `Comparação com governos semelhantes na edição ${CURRENT}`,
    ]);
    const tables = await page.$$eval('.web-chart-table table', (ts) =>
      ts.map((t: any) => ({
        caption: t.querySelector('caption').textContent,
        cols: [...t.querySelectorAll('th[scope=col]')].map((th: any) => th.textContent),
        rows: [...t.querySelectorAll('th[scope=row]')].map((th: any) => th.textContent),
        cells: [...t.querySelectorAll('td')].map((td: any) => td.textContent),
      })),
    );
    expect(tables).toHaveLength(3);
    expect(tables[0].rows).toEqual([String(EARLIER), String(CURRENT)]);
    expect(tables[1].cols).toEqual(['Grupo de indicadores', String(EARLIER), String(CURRENT)]);
    expect(tables[1].rows).toContain('Acesso à saúde');
    expect(tables[1].rows).toContain('Estrutura institucional de governança e estratégia local');
    expect(tables[1].rows).not.toContain('health');
    expect(tables[2].rows[0]).toBe('Índice MigraCidades');
    expect(tables[2].cols[1]).toBe('Porto Alegre');
    expect(tables[2].cols.some((c: string) => c.startsWith('Mediana: '))).toBe(true);
    const cells = tables.flatMap((t) => t.cells);
    expect(cells.some((c) => /^\d+,\d+$/.test(c))).toBe(true);
    expect(cells.some((c) => /\d\.\d/.test(c))).toBe(false);
    // The chart's own labels: every group name whole, nowhere a slug.
    const chartText = flat(await page.$eval('#chart-groups', (s) => s.textContent ?? ''));
    expect(chartText).toContain('Acesso à saúde');
    expect(chartText.replace(/\s/g, '')).toContain('Estruturainstitucionaldegovernançaeestratégialocal');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'progress');

    await page.goto(url('/progresso?lang=en'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Progress over the editions');
    const en = await page.$$eval('.web-chart-table table', (ts) =>
      ts.map((t: any) => ({
        rows: [...t.querySelectorAll('th[scope=row]')].map((th: any) => th.textContent),
        cells: [...t.querySelectorAll('td')].map((td: any) => td.textContent),
      })),
    );
    expect(en[1].rows).toContain('Access to health');
    const enCells = en.flatMap((t) => t.cells);
    expect(enCells.some((c) => /^\d+\.\d+$/.test(c))).toBe(true);
    expect(enCells.some((c) => /\d,\d/.test(c))).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(url('/progresso?lang=pt-BR'));
  }, 60_000);

  it('progress for staff: a government chosen by its IBGE code, a bad code named', async () => {
    const context = await browser.createBrowserContext();
    const staff = await context.newPage();
    await signIn(staff, REVIEWER_EMAIL);
    await staff.goto(url('/progresso'));
    expect(await staff.$('svg[role=img]')).toBeNull();
    await staff.type('#ibge', '43149');
    await Promise.all([staff.waitForNavigation(), staff.click('#progress-form button[type=submit]')]);
    expect(await staff.$eval('#error-summary', (e) => e.textContent)).toContain('Código IBGE do governo');
    expect(await staff.$eval('#ibge', (e) => (e as any).value)).toBe('43149');
    await staff.goto(url('/progresso?ibge=4399999'));
    expect(await staff.$eval('#error-summary', (e) => e.textContent)).toContain(
      'Nenhum governo com o código IBGE 4399999.',
    );
    await staff.goto(url(`/progresso?ibge=${PORTO_ALEGRE}`));
    expect(await staff.$$eval('svg[role=img]', (s) => s.length)).toBe(3);
    expect(await seriousViolations(staff)).toEqual([]);
    await context.close();
  }, 60_000);
});
