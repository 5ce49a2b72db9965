import type { Browser, Page } from 'puppeteer';
import { bestAnswers, evidenceFor } from './support/answers';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { auth, bootWithStaff, createEdition, createUser, enrol, PASSWORD, questionnairesOf } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const ANA = 'ana@portoalegre.test';
const BRUNO = 'bruno@portoalegre.test';

/** The DOM id of an item on the page. */
const item = (group: string, key: string) => `#item-${group}--${key}`;

describe('web diagnosis: autosave, offline queue, conflicts, no JavaScript, submission, items sent back (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let tokens: { admin: string; reviewer: string; ana: string; bruno: string };
  let id: string;

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    const year = new Date().getUTCFullYear();
    const ana = await createUser(app, boot.tokens.admin, ANA, 'official', PORTO_ALEGRE);
    const bruno = await createUser(app, boot.tokens.admin, BRUNO, 'official', PORTO_ALEGRE);
    tokens = { ...boot.tokens, ana, bruno };
    await createEdition(app, boot.tokens.admin, year);
    id = (await enrol(app, boot.tokens.admin, year, PORTO_ALEGRE)).id;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;
  const api = async (token: string, method = 'GET', path = `/api/assessments/${id}`, body?: unknown) => {
    const r = await app.request(method, path, body, auth(token));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  const answerOf = async (group: string, key: string) =>
    (await api(tokens.ana)).groups.find((g: any) => g.group === group).items.find((i: any) => i.key === key).answer;

  async function signedIn(email: string, options: { javaScript?: boolean } = {}) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    if (options.javaScript === false) await page.setJavaScriptEnabled(false);
    await page.goto(url('/entrar'));
    await page.type('#email', email);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
    return { context, page };
  }

  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
  const waitForText = (page: Page, selector: string, expected: string) =>
    page.waitForFunction(
      (s: string, t: string) => ((globalThis as any).document.querySelector(s)?.textContent ?? '').includes(t),
      { timeout: 15_000 },
      selector,
      expected,
    );
  const isHidden = (page: Page, selector: string) => page.$eval(selector, (e) => (e as any).hidden as boolean);
  const choose = (page: Page, group: string, key: string, value: string) =>
    page.click(`${item(group, key)} input[value="${value}"] + label`);

  it('shows the groups with progress, saves a click within a second ("Salvo às"), and a conditional item appears', async () => {
    const { context, page } = await signedIn(ANA);
    await page.goto(url(`/avaliacoes/${id}`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Diagnóstico');
    const nav = await page.$$eval('.dg-nav-list li', (lis) => lis.map((l) => l.textContent ?? ''));
    expect(nav).toHaveLength(10);
    expect(nav[0]).toMatch(
      /1\. Estrutura institucional de governança.*0 de \d+ respondidos.*obrigatórios sem resposta/s,
    );
    expect(await text(page, item('governance', 'focal-body'))).toContain('Item 1.1');
    expect(await text(page, item('governance', 'focal-body'))).toContain('"Sim" quando há ato de designação');
    // The evidence item depends on the answer: hidden (and not answerable) until "Sim" or "Parcial".
    expect(await isHidden(page, item('governance', 'focal-body-act'))).toBe(true);
    expect(await page.$eval(`${item('governance', 'focal-body-act')} fieldset`, (f) => (f as any).disabled)).toBe(true);

    await choose(page, 'governance', 'focal-body', 'yes');
    expect(await isHidden(page, item('governance', 'focal-body-act'))).toBe(false);
    await waitForText(page, `${item('governance', 'focal-body')} [data-item-status]`, 'Salvo às');
    expect(await text(page, '#dg-status')).toMatch(/^Salvo às \d{2}:\d{2}$/);
    expect(await answerOf('governance', 'focal-body')).toMatchObject({ value: 'yes', version: 1 });

    // Evidence by link, saved with the answer.
    await page.type(
      `${item('governance', 'focal-body')} [data-evidence-url]`,
      'https://portoalegre.rs.gov.br/decreto-1.pdf',
    );
    await page.waitForFunction(
      (s: string) => (globalThis as any).document.querySelector(s)?.getAttribute('data-version') === '2',
      { timeout: 15_000 },
      item('governance', 'focal-body'),
    );
    expect((await answerOf('governance', 'focal-body')).evidence).toEqual([
      { url: 'https://portoalegre.rs.gov.br/decreto-1.pdf' },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'diagnosis-pt-BR');

    await page.goto(url(`/avaliacoes/${id}?lang=en`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Diagnosis');
    expect(await text(page, '.dg-nav-list li')).toMatch(/1 of \d+ answered/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(url(`/avaliacoes/${id}?lang=pt-BR`));
    await context.close();
  }, 90_000);

  it('offline, a change waits in the browser ("aguardando conexão"), survives the tab being closed and is saved once back online; a reload keeps what was typed', async () => {
    const { context, page } = await signedIn(ANA);
    await page.goto(url(`/avaliacoes/${id}`));
    await page.setOfflineMode(true);
    await choose(page, 'governance', 'intersectoral-committee', 'partial');
    await waitForText(page, '#dg-status', 'Aguardando conexão');
    expect(await text(page, `${item('governance', 'intersectoral-committee')} [data-item-status]`)).toBe(
      'Aguardando conexão',
    );
    await screenshot(page, 'diagnosis-offline');
    expect((await answerOf('governance', 'intersectoral-committee')).value).toBeNull();
    await page.close();

    // Back online, the page opened again restores the change into its control and sends it.
    const again = await context.newPage();
    await again.goto(url(`/avaliacoes/${id}`));
    expect(
      await again.$eval(
        `${item('governance', 'intersectoral-committee')} input[value=partial]`,
        (e) => (e as any).checked,
      ),
    ).toBe(true);
    await waitForText(again, `${item('governance', 'intersectoral-committee')} [data-item-status]`, 'Salvo às');
    expect((await answerOf('governance', 'intersectoral-committee')).value).toBe('partial');

    // Typed and reloaded at once (before the autosave fired): the text is back after the reload, then saved.
    const notes = `${item('governance', 'governance-notes')} textarea`;
    await again.type(notes, 'Comitê criado em 2023.');
    await again.reload();
    expect(await again.$eval(notes, (e) => (e as any).value)).toBe('Comitê criado em 2023.');
    await waitForText(again, `${item('governance', 'governance-notes')} [data-item-status]`, 'Salvo às');
    expect((await answerOf('governance', 'governance-notes')).value).toBe('Comitê criado em 2023.');
    await context.close();
  }, 90_000);

  it('two officials on one item: the second sees the other value, who and when, and keeps theirs or takes the other', async () => {
    const a = await signedIn(ANA);
    const b = await signedIn(BRUNO);
    await a.page.goto(url(`/avaliacoes/${id}`));
    await b.page.goto(url(`/avaliacoes/${id}`));
    await choose(a.page, 'governance', 'budget-line', 'yes');
    await waitForText(a.page, `${item('governance', 'budget-line')} [data-item-status]`, 'Salvo às');

    await choose(b.page, 'governance', 'budget-line', 'no');
    await b.page.waitForSelector(`${item('governance', 'budget-line')} .dg-conflict`, { timeout: 15_000 });
    const conflict = await text(b.page, `${item('governance', 'budget-line')} .dg-conflict`);
    expect(conflict).toContain('Este item foi alterado por outra pessoa');
    expect(conflict).toMatch(/ana salvou «Sim» em \d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}\./);
    expect(await text(b.page, '#dg-status')).toContain('escolha qual resposta manter');
    expect((await answerOf('governance', 'budget-line')).value).toBe('yes');
    await screenshot(b.page, 'diagnosis-conflict');

    await b.page.click(`${item('governance', 'budget-line')} [data-conflict=keep]`);
    await waitForText(b.page, `${item('governance', 'budget-line')} [data-item-status]`, 'Salvo às');
    expect(await answerOf('governance', 'budget-line')).toMatchObject({ value: 'no', version: 2 });

    // Ana, still on version 1, changes it again: she is told Bruno wrote "Não" and takes his answer.
    await choose(a.page, 'governance', 'budget-line', 'partial');
    await a.page.waitForSelector(`${item('governance', 'budget-line')} .dg-conflict`, { timeout: 15_000 });
    expect(await text(a.page, `${item('governance', 'budget-line')} .dg-conflict`)).toContain('bruno salvou «Não»');
    await a.page.click(`${item('governance', 'budget-line')} [data-conflict=take]`);
    expect(await a.page.$eval(`${item('governance', 'budget-line')} input[value=no]`, (e) => (e as any).checked)).toBe(
      true,
    );
    expect(await a.page.$(`${item('governance', 'budget-line')} .dg-conflict`)).toBeNull();
    expect(await answerOf('governance', 'budget-line')).toMatchObject({ value: 'no', version: 2 });
    // Nothing of hers is left waiting: a reload shows the saved answer.
    await a.page.reload();
    expect(await a.page.$eval(`${item('governance', 'budget-line')} input[value=no]`, (e) => (e as any).checked)).toBe(
      true,
    );
    await a.context.close();
    await b.context.close();
  }, 90_000);

  it('without JavaScript, a group is saved with its button: a conditional item appears after the save, a wrong number is named in the error summary with the value kept', async () => {
    const { context, page } = await signedIn(ANA, { javaScript: false });
    await page.goto(url(`/avaliacoes/${id}`));
    expect(await isHidden(page, item('governance', 'local-policy-year'))).toBe(true);
    await choose(page, 'governance', 'local-policy', 'yes');
    await Promise.all([page.waitForNavigation(), page.click('#form-governance .dg-actions button')]);
    expect(new URL(page.url()).searchParams.get('salvo')).toBe('governance');
    expect(await text(page, 'main [role=status]')).toContain('Respostas do grupo «Estrutura institucional');
    expect(await isHidden(page, item('governance', 'local-policy-year'))).toBe(false);
    expect((await answerOf('governance', 'local-policy')).value).toBe('yes');

    const year = `${item('governance', 'local-policy-year')} input[type=text]`;
    await page.type(year, 'dois mil');
    await Promise.all([page.waitForNavigation(), page.click('#form-governance .dg-actions button')]);
    expect(await text(page, '#error-summary')).toContain('Item 1.4: informe um número');
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toBe(
      '#item-governance--local-policy-year',
    );
    expect(await page.$eval(year, (e) => (e as any).value)).toBe('dois mil');
    await page.$eval(year, (e) => ((e as any).value = ''));
    await page.type(year, '2019');
    await Promise.all([page.waitForNavigation(), page.click('#form-governance .dg-actions button')]);
    expect(await page.$('#error-summary')).toBeNull();
    expect((await answerOf('governance', 'local-policy-year')).value).toBe(2019);
    // Untouched items keep their versions: the form only saved what changed.
    expect((await answerOf('governance', 'local-policy')).version).toBe(1);
    await context.close();
  }, 90_000);

  it('submission is refused with the missing items linked, then accepted; the diagnosis is then read-only', async () => {
    const { context, page } = await signedIn(ANA);
    await page.goto(url(`/avaliacoes/${id}/envio`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Envio do diagnóstico');
    const links = await page.$$eval('.dg-missing a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/avaliacoes/${id}#item-health--sus-registration`);
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.click('#submission-form button[type=submit]')]);
    expect(await text(page, '#error-summary')).toMatch(/obrigatório|sem resposta|resposta/i);
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toMatch(/^#missing-/);
    await screenshot(page, 'submission-missing');
    await page.goto(url(`/avaliacoes/${id}/envio?lang=en`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Submitting the diagnosis');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(url(`/avaliacoes/${id}/envio?lang=pt-BR`));

    // Everything else answered (through the API, as another tab would), then the page submits.
    const view = await api(tokens.ana);
    const saves = (await questionnairesOf(app, view)).flatMap((q) =>
      Object.entries(bestAnswers(q)).map(([itemKey, value]) => {
        const it = q.items.find((i) => i.key === itemKey)!;
        const current = view.groups.find((g: any) => g.group === q.group).items.find((i: any) => i.key === itemKey);
        const evidence = evidenceFor(it);
        return {
          group: q.group,
          itemKey,
          value,
          expectedVersion: current.answer.version,
          ...(evidence ? { evidence } : {}),
        };
      }),
    );
    await api(tokens.ana, 'PUT', `/api/assessments/${id}/answers`, { answers: saves });
    await page.reload();
    expect(await text(page, 'main')).toContain('Nada falta');
    await Promise.all([page.waitForNavigation(), page.click('#submission-form button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(`/avaliacoes/${id}`);
    expect(await text(page, 'main [role=status]')).toContain('Diagnóstico enviado para a revisão.');
    expect(await text(page, 'main')).toMatch(/Situação: enviado/i);
    expect(await page.$$eval('.dg-fieldset', (fs) => fs.every((f) => (f as any).disabled))).toBe(true);
    expect(await page.$('.dg-form button[type=submit]')).toBeNull();
    expect((await api(tokens.ana)).state).toBe('submitted');
    await context.close();
  }, 90_000);

  it('an item sent back shows the reviewer\u2019s comment, the filter shows only it, and answering it allows a resubmission', async () => {
    const budget = { group: 'governance', itemKey: 'budget-line' };
    await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/accept-pending`);
    await api(tokens.reviewer, 'PUT', `/api/assessments/${id}/review/items`, {
      decisions: [{ ...budget, decision: 'send-back', note: 'Anexe a lei orçamentária com a ação própria.' }],
    });
    await api(tokens.reviewer, 'POST', `/api/assessments/${id}/review/request-changes`);

    const { context, page } = await signedIn(ANA);
    await page.goto(url(`/avaliacoes/${id}`));
    expect(await text(page, item('governance', 'budget-line'))).toContain(
      'Anexe a lei orçamentária com a ação própria.',
    );
    expect(await page.$eval(`${item('governance', 'focal-body')} fieldset`, (f) => (f as any).disabled)).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click('.dg-filter a')]);
    expect(new URL(page.url()).search).toBe('?filtro=devolvidos');
    expect(await page.$$eval('.dg-item', (items) => items.map((i) => i.id))).toEqual(['item-governance--budget-line']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'diagnosis-sent-back');

    await choose(page, 'governance', 'budget-line', 'partial');
    await waitForText(page, `${item('governance', 'budget-line')} [data-item-status]`, 'Salvo às');
    await page.goto(url(`/avaliacoes/${id}/envio`));
    expect(await text(page, '#submission-form button')).toContain('Enviar as correções');
    await Promise.all([page.waitForNavigation(), page.click('#submission-form button[type=submit]')]);
    expect(await text(page, 'main [role=status]')).toContain('Diagnóstico enviado');
    expect((await api(tokens.ana)).state).toBe('resubmitted');
    expect((await answerOf('governance', 'budget-line')).value).toBe('partial');
    await context.close();
  }, 90_000);
});
