import type { Browser, Page } from 'puppeteer';
import { answerAndSubmit } from './support/diagnosis';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { auth, bootWithStaff, createEdition, createUser, enrol, login, PASSWORD, samplePdf } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const RECIFE = '2611606';
const REVIEWER = 'revisora@oim.test';

interface Item {
  group: string;
  key: string;
  anchor: string;
}

describe('reviewer pages: queue, item-by-item review, changes, approval, good practices (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let browser: Browser;
  let page: Page;
  let tokens: { admin: string; reviewer: string };
  let poaToken: string;
  let poa: string;
  let recife: string;
  let practices: string[];
  let items: Item[];
  let sha: string;

  const url = (path: string) => `${app.baseUrl}${path}`;
  const api = (method: string, path: string, token: string, body?: unknown) =>
    app.request(method, path, body, auth(token));
  const text = (selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
  const activeId = () => page.evaluate(() => (globalThis as any).document.activeElement?.id);
  const submit = (selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

  async function noSeriousViolations(path: string) {
    for (const lang of ['en', 'pt-BR']) {
      await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
      expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
      expect(await seriousViolations(page)).toEqual([]);
    }
  }

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    tokens = boot.tokens;
    const year = new Date().getUTCFullYear();
    await createUser(app, tokens.admin, 'focal@poa.test', 'official', PORTO_ALEGRE);
    await createUser(app, tokens.admin, 'focal@recife.test', 'official', RECIFE);
    poaToken = await login(app, 'focal@poa.test');
    const recifeToken = await login(app, 'focal@recife.test');
    await createEdition(app, tokens.admin, year);
    poa = (await enrol(app, poaToken, year, PORTO_ALEGRE)).id;
    recife = (await enrol(app, recifeToken, year, RECIFE)).id;

    // Three yes/partial/no items of the first group: accepted by shortcut, adjusted, sent back.
    const view = (await api('GET', `/api/assessments/${poa}`, poaToken)).body;
    const first = view.groups[0];
    items = first.items
      .filter((i: { type: string; visible: boolean }) => i.type === 'yes-partial-no' && i.visible)
      .slice(0, 3)
      .map((i: { key: string }) => ({ group: first.group, key: i.key, anchor: `item-${first.group}--${i.key}` }));

    const form = new FormData();
    form.append('file', new Blob([samplePdf('Lei municipal de migracao')], { type: 'application/pdf' }), 'lei.pdf');
    sha = (await app.upload(`/api/assessments/${poa}/evidence`, form, auth(poaToken))).body.file;

    practices = [];
    for (const title of ['Centro de referência ao migrante', 'Aulas de português como língua de acolhimento']) {
      const r = await api('POST', `/api/assessments/${poa}/good-practices`, poaToken, {
        title,
        description: 'Uma descrição da prática com detalhes suficientes para a ficha pública.',
        group: first.group,
      });
      practices.push(r.body.id);
    }
    await answerAndSubmit(app, poaToken, poa, undefined, (group, item) =>
      group === items[0].group && item.key === items[0].key ? [{ file: sha }] : undefined,
    );
    await answerAndSubmit(app, recifeToken, recife);

    browser = await launchBrowser({ pdfViewerAsGuest: true });
    page = await (await browser.createBrowserContext()).newPage();
    // The review page previews PDFs in Chromium's viewer: on a busy machine its load takes a while.
    page.setDefaultNavigationTimeout(90_000);
    await page.goto(url('/entrar'));
    await page.type('#email', REVIEWER);
    await page.type('#password', PASSWORD);
    await submit('#sign-in-form button[type=submit]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
  });

  it('the queue lists the submitted diagnoses and filters them by state (a plain GET form)', async () => {
    await page.goto(url('/revisao'));
    expect(await text('main')).toContain('Porto Alegre (RS)');
    expect(await text('main')).toContain('Recife (PE)');
    expect(await text('#queue-total')).toContain('Diagnósticos encontrados: 2');
    await page.select('#f-uf', 'RS');
    await submit('#queue-filters button[type=submit]');
    expect(new URL(page.url()).searchParams.get('uf')).toBe('RS');
    expect(await text('main table')).toContain('Porto Alegre (RS)');
    expect(await text('main table')).not.toContain('Recife');
    await screenshot(page, 'review-queue');
    await noSeriousViolations('/revisao?uf=RS');
    // Nobody took it yet: filtering by the reviewer finds nothing.
    const reviewerId = await page.$eval('#f-reviewer option:nth-child(2)', (o) => (o as any).value);
    await page.goto(url(`/revisao?revisor=${reviewerId}`));
    expect(await text('main')).toContain('Nenhum diagnóstico corresponde aos filtros.');
    // A reviewer the engine does not know (an old link) filters nothing, and the form says so.
    await page.goto(url('/revisao?revisor=desconhecida'));
    expect(await text('#queue-total')).toContain('Diagnósticos encontrados: 2');
    expect(await page.$eval('#f-reviewer', (s) => (s as any).value)).toBe('');
  }, 180_000);

  it('reviews item by item: accept by shortcut, adjust with a justification, a send-back without comment refused, then sent back', async () => {
    await page.goto(url('/revisao?uf=RS'));
    await submit('main table a');
    expect(new URL(page.url()).pathname).toBe(`/revisao/${poa}`);
    expect(await text('.rv-government')).toContain('Porto Alegre (RS)');
    expect(await text('#review-shortcuts')).toContain('«a» aceitar');

    // The uploaded PDF is previewed in the page, served inline, never sniffed.
    const src = await page.$eval(`#${items[0].anchor} iframe`, (f) => f.getAttribute('src'));
    expect(src).toBe(`/revisao/${poa}/arquivos/${sha}`);
    const headers = await page.evaluate(async (s) => {
      const r = await fetch(s!);
      return [
        r.status,
        r.headers.get('content-type'),
        r.headers.get('content-disposition'),
        r.headers.get('x-content-type-options'),
      ];
    }, src);
    expect(headers).toEqual([200, 'application/pdf', expect.stringMatching(/^inline; filename="/), 'nosniff']);

    // Shortcuts: "j" to the first item, "a" accepts it and the decision is saved at once.
    await page.click('h1');
    await page.keyboard.press('j');
    expect(await activeId()).toBe(items[0].anchor);
    await page.keyboard.press('a');
    await page.waitForFunction(
      (sel) => (globalThis as any).document.querySelector(sel)?.textContent === 'Decisão salva.',
      {},
      `#${items[0].anchor} [data-item-status]`,
    );

    // Without the comment, a send-back is refused: the error summary takes the focus and links to the comment.
    await page.click(`label[for="${items[1].anchor}--d2"]`);
    await page.select(`#${items[1].anchor}--rating`, 'partial');
    await page.type(`#${items[1].anchor}--note`, 'A política existe, mas ainda não foi publicada.');
    await page.click(`label[for="${items[2].anchor}--d3"]`);
    await submit('#review-items .rv-submit button');
    expect(await activeId()).toBe('error-summary');
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toBe(`#${items[2].anchor}--note`);
    expect(await text('#error-summary')).toMatch(/^\s*Corrija.*\s+\d+\.\d+ .+: diga ao governo o que corrigir/s);
    // The values typed are kept.
    expect(await page.$eval(`#${items[1].anchor}--note`, (t) => (t as any).value)).toBe(
      'A política existe, mas ainda não foi publicada.',
    );
    expect(await page.$eval(`#${items[2].anchor}--d3`, (r) => (r as any).checked)).toBe(true);
    const before = (await api('GET', `/api/assessments/${poa}`, tokens.reviewer)).body;
    const status = (v: any, key: string) => v.groups[0].items.find((i: { key: string }) => i.key === key).answer;
    // With JavaScript the adjustment was saved as soon as it was complete; the send-back without comment was not.
    expect(status(before, items[1].key).reviewStatus).toBe('adjusted');
    expect(status(before, items[2].key).reviewStatus).toBe('pending');

    await page.type(`#${items[2].anchor}--note`, 'Anexe o decreto publicado no diário oficial.');
    await submit('#review-items .rv-submit button');
    expect(await text('main')).toContain('Decisões salvas.');
    const after = (await api('GET', `/api/assessments/${poa}`, tokens.reviewer)).body;
    expect(status(after, items[0].key).reviewStatus).toBe('accepted');
    expect(status(after, items[1].key)).toMatchObject({ reviewStatus: 'adjusted', reviewerRating: 'partial' });
    expect(status(after, items[2].key)).toMatchObject({
      reviewStatus: 'sent-back',
      reviewNote: 'Anexe o decreto publicado no diário oficial.',
    });
    await page.$eval(`#${items[0].anchor}`, (e) => e.scrollIntoView());
    await screenshot(page, 'review', { fullPage: false });
    await noSeriousViolations(`/revisao/${poa}`);

    await submit('#request-changes');
    expect(await text('main')).toContain('Alterações solicitadas');
    expect((await api('GET', `/api/assessments/${poa}`, tokens.reviewer)).body.state).toBe('changes-requested');

    // The queue now knows who reviews it: filtered by this reviewer and the state, only Porto Alegre.
    await page.goto(url('/revisao'));
    const reviewerId = await page.$eval('#f-reviewer option:nth-child(2)', (o) => (o as any).value);
    await page.goto(url(`/revisao?situacao=changes-requested&revisor=${reviewerId}`));
    expect(await text('main table')).toContain('Porto Alegre (RS)');
    expect(await text('main table')).not.toContain('Recife');
    expect(await text('main table')).toContain('revisora');
    // A reviewer deactivated since they took a diagnosis is still named on its row.
    await createUser(app, tokens.admin, 'revisor2@oim.test', 'reviewer');
    const second = await login(app, 'revisor2@oim.test');
    expect((await api('POST', `/api/assessments/${recife}/review/start`, second)).status).toBe(200);
    const me = (await api('GET', '/api/auth/me', second)).body;
    expect((await api('PATCH', `/api/users/${me.id}`, tokens.admin, { active: false })).status).toBe(200);
    await page.goto(url('/revisao?uf=PE'));
    expect(await text('main table')).toContain('revisor2');
    // Paged in SQL: a page past the end is empty.
    await page.goto(url('/revisao?pagina=2'));
    expect(await text('main')).toContain('Nenhum diagnóstico corresponde aos filtros.');
  }, 180_000);

  it('after the official answers and resubmits: what changed side by side, approval refused while items are pending, then accepted and approved', async () => {
    const view = (await api('GET', `/api/assessments/${poa}`, poaToken)).body;
    const sent = view.groups[0].items.find((i: { key: string }) => i.key === items[2].key);
    const saved = await api('PUT', `/api/assessments/${poa}/answers`, poaToken, {
      answers: [
        {
          group: items[2].group,
          itemKey: items[2].key,
          value: 'partial',
          expectedVersion: sent.answer.version,
          evidence: [{ url: 'https://portoalegre.rs.gov.br/decreto-publicado.pdf' }],
        },
      ],
    });
    expect(saved.status).toBe(200);
    expect((await api('POST', `/api/assessments/${poa}/submit`, poaToken)).status).toBe(200);

    await page.goto(url(`/revisao/${poa}`));
    const changes = await text('#review-changes');
    expect(changes).toContain('Anexe o decreto publicado no diário oficial.');
    expect(await page.$eval('#review-changes td.rv-before', (e) => e.textContent)).toContain('Sim');
    expect(await page.$eval('#review-changes td.rv-now', (e) => e.textContent)).toContain('Parcial');
    expect(changes).toContain('decreto-publicado.pdf');
    await page.$eval('#review-changes', (e) => e.scrollIntoView());
    await screenshot(page, 'review-changes', { fullPage: false });

    // Approval is refused while items are pending: the reasons are listed, each linking to its item.
    await submit('#approve');
    expect(await activeId()).toBe('error-summary');
    const links = await page.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`#${items[2].anchor}`);

    await submit('#accept-pending');
    expect(await text('main')).toContain('Todos os itens pendentes foram aceitos.');
    await submit('#approve');
    expect(await text('main')).toContain('Diagnóstico aprovado.');
    expect((await api('GET', `/api/assessments/${poa}`, tokens.reviewer)).body.state).toBe('approved');
    await noSeriousViolations(`/revisao/${poa}`);
  }, 180_000);

  it('good practices: one rejected (refused first without a comment), one approved', async () => {
    await page.goto(url('/revisao/boas-praticas'));
    expect(await text('main')).toContain('Centro de referência ao migrante');
    await screenshot(page, 'good-practices-review');
    await noSeriousViolations('/revisao/boas-praticas');

    const [first, second] = practices;
    await submit(`#practice-${first} button[value=reject]`);
    expect(await activeId()).toBe('error-summary');
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toBe(`#practice-${first}-comment`);
    await page.type(`#practice-${first}-comment`, 'Falta o link para o programa.');
    await submit(`#practice-${first} button[value=reject]`);
    expect(await text('main')).toContain('Boa prática rejeitada');
    await submit(`#practice-${second} button[value=approve]`);
    expect(await text('main')).toContain('Boa prática aprovada.');
    expect(await text('main')).toContain('Nenhuma boa prática aguarda revisão.');

    const listed = (await api('GET', `/api/assessments/${poa}/good-practices`, tokens.reviewer)).body;
    expect(listed.map((p: { id: string; status: string; reviewComment: string | null }) => [p.id, p.status])).toEqual(
      expect.arrayContaining([
        [first, 'rejected'],
        [second, 'approved'],
      ]),
    );
  }, 180_000);
});
