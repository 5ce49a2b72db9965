import type { Browser, Page } from 'puppeteer';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { answerAndSubmit, reviewAndApprove } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol, PASSWORD } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const OFFICIAL = 'focal@portoalegre.test';

/** Two items left partly met in the diagnosis, so that there are gaps to choose among. */
const GAPS: Record<string, string> = { 'budget-line': 'partial', 'intersectoral-committee': 'partial' };

describe('web pages: priorities and monitoring (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let page: Page;
  let token: string;
  let previousId: string;
  let currentId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    token = await createUser(app, boot.tokens.admin, OFFICIAL, 'official', PORTO_ALEGRE);
    await createEdition(app, boot.tokens.admin, year - 1);
    await createEdition(app, boot.tokens.admin, year);
    previousId = (await enrol(app, token, year - 1, PORTO_ALEGRE)).id;
    await answerAndSubmit(app, token, previousId, (group, item) =>
      group === 'governance' ? (GAPS[item.key] as never) : undefined,
    );
    await reviewAndApprove(app, boot.tokens.reviewer, previousId);
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    await page.goto(url('/entrar'));
    await page.type('#email', OFFICIAL);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;
  const main = () => page.$eval('main', (m) => m.textContent ?? '');
  const focused = () => page.evaluate(() => (globalThis as any).document.activeElement?.id);
  const summary = () =>
    page.$$eval('#error-summary a', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
  async function submit(form: string) {
    await Promise.all([page.waitForNavigation(), page.click(`#${form} button[type=submit]`)]);
  }
  async function noSeriousViolations() {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('lists the approved diagnosis’s gaps by group and saves the priorities chosen with their commitments', async () => {
    await page.goto(url(`/avaliacoes/${previousId}/prioridades`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Prioridades');
    expect(await page.$$eval('.web-breadcrumb li', (ls) => ls.map((l) => l.textContent?.trim()))).toEqual([
      'Início',
      'Prioridades',
    ]);
    const groups = await page.$$eval('.web-priority-group legend', (ls) => ls.map((l) => l.textContent));
    expect(groups).toEqual(['Estrutura institucional de governança e estratégia local']);
    const picks = await page.$$eval('[data-priority-pick]', (is) => is.map((i) => i.id));
    expect(picks).toEqual(
      expect.arrayContaining(['pick-governance-budget-line', 'pick-governance-intersectoral-committee']),
    );
    expect(await main()).toContain('Atendido em parte: 50 de 100 pontos.');
    await noSeriousViolations();

    // Nothing chosen: the summary says so and links to the first item.
    await submit('priorities-form');
    expect(await focused()).toBe('error-summary');
    expect(await summary()).toEqual([{ href: `#${picks[0]}`, text: 'Escolha ao menos um item como prioridade.' }]);

    // A commitment too short for a ticked item, and one written for an item left unticked (the script would tick
    // it: here it is cleared first, as without JavaScript).
    await page.click('#pick-governance-budget-line');
    await page.type('#commitment-governance-budget-line', 'Curto');
    await page.type('#commitment-governance-intersectoral-committee', 'Criar o comitê intersetorial por decreto.');
    await page.$eval('#pick-governance-intersectoral-committee', (i) => ((i as any).checked = false));
    await submit('priorities-form');
    expect(await focused()).toBe('error-summary');
    const problems = await summary();
    // In the order of the form: the committee comes before the budget line in the questionnaire.
    expect(problems.map((p) => p.href)).toEqual([
      '#pick-governance-intersectoral-committee',
      '#commitment-governance-budget-line',
    ]);
    expect(problems[0].text).toMatch(/^«.+»: marque o item para escolhê-lo, ou apague o compromisso\.$/);
    expect(problems[1].text).toMatch(/^Compromisso para «.+»: deve ter ao menos 10 caracteres\.$/);
    expect(await page.$eval('#commitment-governance-budget-line', (t) => (t as any).value)).toBe('Curto');
    expect(await page.$eval('#pick-governance-budget-line', (i) => (i as any).checked)).toBe(true);
    expect(await page.$eval('#commitment-governance-budget-line', (t) => t.getAttribute('aria-describedby'))).toBe(
      'commitment-governance-budget-line-hint commitment-governance-budget-line-error',
    );
    await noSeriousViolations();

    await page.$eval('#commitment-governance-budget-line', (t) => ((t as any).value = ''));
    await page.type('#commitment-governance-budget-line', 'Criar ação orçamentária própria no PPA 2026-2029.');
    await page.click('#pick-governance-intersectoral-committee');
    await submit('priorities-form');
    expect(await page.$eval('[role=status]', (s) => s.textContent)).toContain('Prioridades salvas.');
    const saved = (await app.request('GET', `/api/assessments/${previousId}/priorities`, undefined, auth(token))).body;
    expect(
      saved.priorities
        .map((p: any) => [p.itemKey, p.commitment])
        .sort((a: string[], b: string[]) => a[0].localeCompare(b[0])),
    ).toEqual([
      ['budget-line', 'Criar ação orçamentária própria no PPA 2026-2029.'],
      ['intersectoral-committee', 'Criar o comitê intersetorial por decreto.'],
    ]);
    // The page shows them again, ready to change until certification.
    expect(await page.$eval('#pick-governance-budget-line', (i) => (i as any).checked)).toBe(true);
    expect(await main()).toContain('As prioridades já foram escolhidas');
    await screenshot(page, 'priorities');
    await page.goto(url(`/avaliacoes/${previousId}/prioridades?lang=en`));
    expect(await main()).toContain('Partly met: 50 of 100 points.');
    await noSeriousViolations();
    await page.goto(url(`/avaliacoes/${previousId}/prioridades?lang=pt-BR`));
  }, 90_000);

  it('reports progress on the previous edition’s priorities in the next edition', async () => {
    currentId = (await enrol(app, token, year, PORTO_ALEGRE)).id;
    // The new edition's diagnosis has no priorities to choose yet: the page says why.
    await page.goto(url(`/avaliacoes/${currentId}/prioridades`));
    expect(await main()).toContain('As prioridades são escolhidas depois que o diagnóstico é aprovado.');
    expect(await page.$('#priorities-form')).toBeNull();
    await noSeriousViolations();

    await page.goto(url(`/avaliacoes/${currentId}/monitoramento`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Monitoramento');
    expect(await main()).toContain(`relate o andamento das prioridades escolhidas na edição ${year - 1}`);
    expect(await main()).toContain('Criar ação orçamentária própria no PPA 2026-2029.');
    const legends = await page.$$eval('#monitoring-form fieldset legend', (ls) => ls.map((l) => l.textContent));
    expect(legends).toEqual(['Situação', 'Situação']);
    await noSeriousViolations();

    // A note without a status is refused, the note kept.
    const notes = await page.$$eval('#monitoring-form textarea', (ts) => ts.map((t) => t.id));
    await page.type(`#${notes[0]}`, 'Ação incluída na revisão do PPA.');
    await submit('monitoring-form');
    expect(await focused()).toBe('error-summary');
    const [problem] = await summary();
    expect(problem.text).toMatch(/^«.+»: escolha a situação\.$/);
    expect(problem.href).toMatch(/^#status-[0-9a-f-]{36}-not-started$/);
    expect(await page.$eval(`#${notes[0]}`, (t) => (t as any).value)).toBe('Ação incluída na revisão do PPA.');

    const priorityId = notes[0].replace(/^note-/, '');
    await page.click(`label[for="status-${priorityId}-in-progress"]`);
    await submit('monitoring-form');
    expect(await page.$eval('[role=status]', (s) => s.textContent)).toContain('Andamento registrado.');
    const reported = (await app.request('GET', `/api/assessments/${currentId}/priorities`, undefined, auth(token))).body
      .previousEditionPriorities;
    expect(reported.find((p: any) => p.id === priorityId)).toMatchObject({
      progressStatus: 'in-progress',
      progressNote: 'Ação incluída na revisão do PPA.',
      progressReportedIn: currentId,
    });
    expect(await page.$eval(`#status-${priorityId}-in-progress`, (i) => (i as any).checked)).toBe(true);
    await screenshot(page, 'monitoring');
    await page.goto(url(`/avaliacoes/${currentId}/monitoramento?lang=en`));
    expect(await main()).toContain(`report progress on the priorities chosen in the ${year - 1} edition`);
    await noSeriousViolations();
    await page.goto(url(`/avaliacoes/${currentId}/monitoramento?lang=pt-BR`));
  }, 120_000);

  it('the previous edition has nothing to report on, and another government’s page is refused', async () => {
    await page.goto(url(`/avaliacoes/${previousId}/monitoramento`));
    expect(await main()).toContain('Não há prioridades de uma edição anterior a relatar.');
    expect(await page.$('#monitoring-form')).toBeNull();
    const missing = await page.goto(url('/avaliacoes/00000000-0000-4000-8000-000000000000/prioridades'));
    expect(missing?.status()).toBe(404);
  }, 60_000);
});
