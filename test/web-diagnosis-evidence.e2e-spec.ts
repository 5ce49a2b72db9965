import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { launchBrowser } from './support/browser';
import { answerAndSubmit, reviewAndApprove } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol, PASSWORD, samplePdf } from './support/lifecycle';
import { type RunningApp, scratchDir } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const ANA = 'ana@portoalegre.test';
const BRUNO = 'bruno@portoalegre.test';
const SAO_PAULO = '3550308';
const item = (group: string, key: string) => `#item-${group}--${key}`;

describe('web diagnosis: evidence uploads, conflicts without JavaScript, an expired session, carried answers (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let files: { dir: string; cleanup: () => void };
  let browser: Browser;
  let token: string;
  let id: string;
  let pdf: string;
  let renewal: { id: string; year: number; token: string };

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    const year = new Date().getUTCFullYear();
    token = await createUser(app, boot.tokens.admin, ANA, 'official', PORTO_ALEGRE);
    await createUser(app, boot.tokens.admin, BRUNO, 'official', PORTO_ALEGRE);
    await createEdition(app, boot.tokens.admin, year);
    id = (await enrol(app, boot.tokens.admin, year, PORTO_ALEGRE)).id;
    // São Paulo took part the year before (approved): its answers come along into this edition, to confirm.
    const sp = await createUser(app, boot.tokens.admin, 'carla@saopaulo.test', 'official', SAO_PAULO);
    await createEdition(app, boot.tokens.admin, year - 1);
    const before = await enrol(app, boot.tokens.admin, year - 1, SAO_PAULO);
    await answerAndSubmit(app, sp, before.id);
    await reviewAndApprove(app, boot.tokens.reviewer, before.id);
    renewal = { id: (await enrol(app, boot.tokens.admin, year, SAO_PAULO)).id, year: year - 1, token: sp };
    files = scratchDir('migracidades-evidence-');
    pdf = join(files.dir, 'decreto-designacao.pdf');
    writeFileSync(pdf, samplePdf('Decreto de designacao'));
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
    files?.cleanup();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;
  const answerOf = async (group: string, key: string) =>
    (await app.request('GET', `/api/assessments/${id}`, undefined, auth(token))).body.groups
      .find((g: any) => g.group === group)
      .items.find((i: any) => i.key === key).answer;

  async function signedIn(email: string, options: { javaScript?: boolean } = {}) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    if (options.javaScript === false) await page.setJavaScriptEnabled(false);
    await signIn(page, email);
    return { context, page };
  }
  async function signIn(page: Page, email: string) {
    if (!new URL(page.url()).pathname.startsWith('/entrar')) await page.goto(url('/entrar'));
    await page.type('#email', email);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
  }
  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
  const waitForText = (page: Page, selector: string, expected: string) =>
    page.waitForFunction(
      (s: string, t: string) => ((globalThis as any).document.querySelector(s)?.textContent ?? '').includes(t),
      { timeout: 15_000 },
      selector,
      expected,
    );
  const choose = (page: Page, group: string, key: string, value: string) =>
    page.click(`${item(group, key)} input[value="${value}"] + label`);
  const saveGroup = (page: Page, group: string) =>
    Promise.all([page.waitForNavigation(), page.click(`#form-${group} .dg-actions button`)]);

  it('uploads an evidence file from the page (with JavaScript) and binds it to the answer', async () => {
    const { context, page } = await signedIn(ANA);
    await page.goto(url(`/avaliacoes/${id}`));
    const focal = item('governance', 'focal-body');
    // A file needs an answer to go with.
    await page.click(`${focal} [data-upload]`);
    expect(await text(page, `${focal} [data-item-status]`)).toBe('Escolha um arquivo para enviar.');
    await choose(page, 'governance', 'focal-body', 'yes');
    await waitForText(page, `${focal} [data-item-status]`, 'Salvo às');
    const input = (await page.$(`${focal} input[type=file]`)) as ElementHandle<any>;
    await input.uploadFile(pdf);
    await page.click(`${focal} [data-upload]`);
    await page.waitForSelector(`${focal} .dg-files a`, { timeout: 15_000 });
    // Stored, then bound to the answer by a save of its own (version 2).
    await page.waitForFunction(
      (s: string) => (globalThis as any).document.querySelector(s)?.getAttribute('data-version') === '2',
      { timeout: 15_000 },
      focal,
    );
    expect(await text(page, `${focal} [data-item-status]`)).toMatch(/^Salvo às \d{2}:\d{2}$/);
    expect(await page.$$eval(`${focal} .dg-files a`, (as) => as.map((a) => a.textContent))).toEqual([
      'decreto-designacao.pdf',
    ]);
    const answer = await answerOf('governance', 'focal-body');
    expect(answer.value).toBe('yes');
    expect(answer.evidence).toEqual([
      { file: expect.stringMatching(/^[a-f0-9]{64}$/), fileName: 'decreto-designacao.pdf', mime: 'application/pdf' },
    ]);
    // The link downloads it, with the session of the page.
    const href = await page.$eval(`${focal} .dg-files a`, (a) => a.getAttribute('href'));
    const status = await page.evaluate((h) => fetch(h!).then((r) => r.status), href);
    expect(status).toBe(200);
    await context.close();
  }, 60_000);

  it('uploads without JavaScript (multipart form, token in its action), and names a missing file', async () => {
    const { context, page } = await signedIn(ANA, { javaScript: false });
    await page.goto(url(`/avaliacoes/${id}`));
    const focal = item('governance', 'focal-body');
    await Promise.all([page.waitForNavigation(), page.click(`${focal} [data-upload]`)]);
    expect(await text(page, '#error-summary')).toContain('Escolha um arquivo para enviar.');
    expect(await page.$eval('#error-summary a', (a) => a.getAttribute('href'))).toBe('#item-governance--focal-body');
    const input = (await page.$(`${focal} input[type=file]`)) as ElementHandle<any>;
    await input.uploadFile(pdf);
    await Promise.all([page.waitForNavigation(), page.click(`${focal} [data-upload]`)]);
    expect(await page.$('#error-summary')).toBeNull();
    // The same file twice is stored once (by content) but listed as attached again.
    expect(await page.$$eval(`${focal} .dg-files a`, (as) => as.length)).toBe(2);
    expect((await answerOf('governance', 'focal-body')).evidence).toHaveLength(2);
    await context.close();
  }, 60_000);

  it('without JavaScript, a conflict is shown with the other value, who and when; keep mine or take theirs', async () => {
    const a = await signedIn(ANA, { javaScript: false });
    const b = await signedIn(BRUNO, { javaScript: false });
    await a.page.goto(url(`/avaliacoes/${id}`));
    await b.page.goto(url(`/avaliacoes/${id}`));
    await choose(a.page, 'governance', 'migrant-data', 'yes');
    await saveGroup(a.page, 'governance');
    await choose(b.page, 'governance', 'migrant-data', 'no');
    await saveGroup(b.page, 'governance');
    expect(await text(b.page, '#error-summary')).toContain('Item 1.8: alterado por outra pessoa');
    const conflict = await text(b.page, `${item('governance', 'migrant-data')} .dg-conflict`);
    expect(conflict).toMatch(/ana salvou «Sim» em \d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}\./);
    // Bruno's choice is still in the form.
    expect(await b.page.$eval(`${item('governance', 'migrant-data')} input[value=no]`, (e) => (e as any).checked)).toBe(
      true,
    );
    await Promise.all([b.page.waitForNavigation(), b.page.click(`${item('governance', 'migrant-data')} [name=keep]`)]);
    expect(await answerOf('governance', 'migrant-data')).toMatchObject({ value: 'no', version: 2 });

    await choose(a.page, 'governance', 'migrant-data', 'partial');
    await saveGroup(a.page, 'governance');
    expect(await text(a.page, `${item('governance', 'migrant-data')} .dg-conflict`)).toContain('bruno salvou «Não»');
    await Promise.all([a.page.waitForNavigation(), a.page.click(`${item('governance', 'migrant-data')} [name=take]`)]);
    expect(await answerOf('governance', 'migrant-data')).toMatchObject({ value: 'no', version: 2 });
    expect(await a.page.$eval(`${item('governance', 'migrant-data')} input[value=no]`, (e) => (e as any).checked)).toBe(
      true,
    );
    await a.context.close();
    await b.context.close();
  }, 60_000);

  it('when the session has ended, the answer waits in the browser and is sent after signing in again', async () => {
    const { context, page } = await signedIn(ANA);
    await page.goto(url(`/avaliacoes/${id}`));
    const session = (await context.cookies()).find((c) => c.name === 'mc_session')!;
    await context.deleteCookie(session);
    await choose(page, 'governance', 'local-policy', 'partial');
    await page.waitForSelector('#dg-alert:not([hidden])', { timeout: 15_000 });
    expect(await text(page, '#dg-alert')).toContain('Sua sessão terminou.');
    expect((await answerOf('governance', 'local-policy')).value).toBeNull();
    await Promise.all([page.waitForNavigation(), page.click('#dg-alert a')]);
    await signIn(page, ANA);
    expect(new URL(page.url()).pathname).toBe(`/avaliacoes/${id}`);
    expect(
      await page.$eval(`${item('governance', 'local-policy')} input[value=partial]`, (e) => (e as any).checked),
    ).toBe(true);
    await waitForText(page, `${item('governance', 'local-policy')} [data-item-status]`, 'Salvo às');
    expect((await answerOf('governance', 'local-policy')).value).toBe('partial');
    await context.close();
  }, 60_000);

  it('marks answers carried from the previous edition, lists them before submission, and confirms one', async () => {
    const { context, page } = await signedIn('carla@saopaulo.test');
    await page.goto(url(`/avaliacoes/${renewal.id}`));
    const focal = item('governance', 'focal-body');
    expect(await text(page, `${focal} .dg-carried`)).toContain(`Trazida de ${renewal.year}: confirme ou altere.`);
    expect(await page.$eval(`${focal} input[value=yes]`, (e) => (e as any).checked)).toBe(true);
    await page.goto(url(`/avaliacoes/${renewal.id}/envio`));
    expect(await text(page, '#missing-governance--focal-body')).toContain('resposta trazida ainda não confirmada');

    await page.goto(url(`/avaliacoes/${renewal.id}`));
    await page.click(`${focal} [data-confirm] + label`);
    await waitForText(page, `${focal} [data-item-status]`, 'Salvo às');
    const view = (await app.request('GET', `/api/assessments/${renewal.id}`, undefined, auth(renewal.token))).body;
    const answer = view.groups[0].items.find((i: any) => i.key === 'focal-body').answer;
    expect(answer).toMatchObject({ value: 'yes', carried: false });
    await page.reload();
    expect(await page.$(`${focal} .dg-carried`)).toBeNull();
    await context.close();
  }, 60_000);
});
