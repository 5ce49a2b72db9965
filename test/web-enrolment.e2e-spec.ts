import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { auth, bootWithStaff, createEdition, createUser, dayFrom, PASSWORD, samplePdf } from './support/lifecycle';
import { type RunningApp, scratchDir } from './support/test-app';

const PORTO_ALEGRE = '4314902';
const OFFICIAL = 'focal@portoalegre.test';

describe('web pages: enrolment and the focal person’s course (headless Chromium)', () => {
  let app: RunningApp;
  let cleanup: () => void;
  let files: { dir: string; cleanup: () => void };
  let browser: Browser;
  let page: Page;
  let token: string;
  let letterPath: string;
  let certificatePath: string;
  let bigPath: string;
  let assessmentId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    const boot = await bootWithStaff();
    app = boot.app;
    cleanup = boot.cleanup;
    token = await createUser(app, boot.tokens.admin, OFFICIAL, 'official', PORTO_ALEGRE);
    await createEdition(app, boot.tokens.admin, year);
    // The next edition's enrolment has not opened yet.
    await createEdition(
      app,
      boot.tokens.admin,
      year + 1,
      {},
      {
        calendar: {
          enrolmentOpens: dayFrom(app, 200),
          enrolmentCloses: dayFrom(app, 230),
          diagnosisDeadline: dayFrom(app, 260),
          reviewDeadline: dayFrom(app, 290),
          certificationDate: dayFrom(app, 320),
        },
      },
    );
    files = scratchDir('migracidades-uploads-');
    letterPath = join(files.dir, 'carta-de-intencao.pdf');
    writeFileSync(letterPath, samplePdf('Carta de intencao assinada'));
    bigPath = join(files.dir, 'carta-grande.pdf');
    writeFileSync(bigPath, Buffer.concat([samplePdf('Carta'), Buffer.alloc(11 * 1024 * 1024, 32)]));
    certificatePath = join(files.dir, 'certificado-enap.pdf');
    writeFileSync(certificatePath, samplePdf('Certificado ENAP'));
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    await page.goto(url('/entrar'));
    await page.type('#email', OFFICIAL);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-form button[type=submit]')]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    cleanup?.();
    files?.cleanup();
  });

  const url = (path: string) => `${app.baseUrl}${path}`;
  const main = () => page.$eval('main', (m) => m.textContent ?? '');
  const crumbs = () => page.$$eval('.web-breadcrumb li', (ls) => ls.map((l) => l.textContent?.trim()));
  const focused = () => page.evaluate(() => (globalThis as any).document.activeElement?.id);
  const value = (id: string) => page.$eval(`[id="${id}"]`, (e) => (e as any).value);
  async function submit(form: string) {
    await Promise.all([page.waitForNavigation(), page.click(`#${form} button[type=submit]`)]);
  }
  async function upload(selector: string, path: string) {
    const input = await page.waitForSelector(`input[type=file]${selector}`);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  }
  async function noSeriousViolations() {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('works without JavaScript: both substitutes’ rows open, the refusal drawn by the server', async () => {
    const context = await browser.createBrowserContext();
    const bare = await context.newPage();
    await bare.setJavaScriptEnabled(false);
    await bare.goto(url('/entrar?next=%2Finscricao'));
    await bare.type('#email', OFFICIAL);
    await bare.type('#password', PASSWORD);
    await Promise.all([bare.waitForNavigation(), bare.click('#sign-in-form button[type=submit]')]);
    expect(new URL(bare.url()).pathname).toBe(`/edicoes/${year}/inscricao`);
    expect(await bare.$eval('#substitute-1', (f) => (f as any).hidden)).toBe(false);
    expect(await bare.$('.web-add-substitute')).toBeNull();
    await bare.type('#focalPerson-name', 'Ana Ponto Focal');
    const response = await Promise.all([
      bare.waitForNavigation(),
      bare.click('#enrolment-form button[type=submit]'),
    ]).then(([r]) => r);
    expect(response?.status()).toBe(422);
    expect(await bare.$$eval('#error-summary a', (as) => as.length)).toBeGreaterThan(1);
    expect(await bare.$eval('#focalPerson-name', (i) => (i as any).value)).toBe('Ana Ponto Focal');
    // A file over the limit is refused by the server too (without the script nothing stops it being sent).
    const input = await bare.waitForSelector('input[type=file]#letterOfIntent');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(bigPath);
    const tooLarge = await Promise.all([
      bare.waitForNavigation(),
      bare.click('#enrolment-form button[type=submit]'),
    ]).then(([r]) => r);
    expect(tooLarge?.status()).toBe(413);
    expect(
      await bare.$$eval('#error-summary a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
    ).toEqual([['#letterOfIntent', 'Carta de intenção: o arquivo excede o limite de tamanho']]);
    await context.close();
  }, 60_000);

  it('leads from /inscricao to the open edition’s form, accessible in pt-BR and en', async () => {
    await page.goto(url('/inscricao'));
    expect(new URL(page.url()).pathname).toBe(`/edicoes/${year}/inscricao`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Inscrição');
    expect(await crumbs()).toEqual(['Início', 'Inscrição']);
    expect(await page.$eval('#focalPerson-phone', (i) => i.getAttribute('aria-describedby'))).toBe(
      'focalPerson-phone-hint',
    );
    // The second substitute waits behind a button (the page script), the first is open.
    expect(await page.$eval('#substitute-1', (f) => (f as any).hidden)).toBe(true);
    await page.click('.web-add-substitute');
    expect(await page.$eval('#substitute-1', (f) => (f as any).hidden)).toBe(false);
    await noSeriousViolations();
    await screenshot(page, 'enrolment-pt-BR');
    await page.goto(url(`/edicoes/${year}/inscricao?lang=en`));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Enrolment');
    expect(await main()).toContain('Letter of intent (PDF)');
    await noSeriousViolations();
    await page.goto(url(`/edicoes/${year}/inscricao?lang=pt-BR`));
  }, 60_000);

  it('refuses the form without the focal person’s e-mail and without the letter, keeping what was typed', async () => {
    await page.type('#focalPerson-name', 'Ana Ponto Focal');
    await page.type('#focalPerson-phone', '(51) 3289-0000');
    await page.type('#focalPerson-department', 'Secretaria de Direitos Humanos');
    await page.type('#substitutes-0-name', 'Bruno Suplente');
    await page.type('#substitutes-0-email', 'bruno@portoalegre.test');
    await page.type('#substitutes-0-department', 'Secretaria de Assistência Social');
    await page.type('#migrantService-name', 'Centro de Referência para Migrantes');
    await page.type('#migrantService-phone', '(51) 3289-1111');
    await page.type('#migrantService-email', 'crai@portoalegre.test');
    await page.type('#migrantService-address', 'Rua dos Andradas, 1000, Centro');
    await submit('enrolment-form');

    expect(await focused()).toBe('error-summary');
    const links = await page.$$eval('#error-summary a', (as) =>
      as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })),
    );
    expect(links).toEqual([
      { href: '#focalPerson-email', text: 'Ponto focal, E-mail: preencha este campo.' },
      { href: '#letterOfIntent', text: 'Carta de intenção: escolha o arquivo PDF da carta assinada.' },
    ]);
    expect(await page.$eval('#focalPerson-email', (i) => i.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('#focalPerson-email', (i) => i.getAttribute('aria-describedby'))).toBe(
      'focalPerson-email-error',
    );
    expect(await value('focalPerson-name')).toBe('Ana Ponto Focal');
    expect(await value('substitutes-0-email')).toBe('bruno@portoalegre.test');
    expect(await value('migrantService-address')).toBe('Rua dos Andradas, 1000, Centro');
    expect(await main()).toContain('O navegador não guarda o arquivo escolhido: escolha-o novamente');
    // The link of the summary takes the reader to the field.
    await page.click('#error-summary a[href="#focalPerson-email"]');
    expect(await page.evaluate(() => (globalThis as any).location.hash)).toBe('#focalPerson-email');
    await noSeriousViolations();
    await screenshot(page, 'enrolment-errors');
    // Nothing was enrolled.
    const list = await app.request('GET', `/api/assessments?edition=${year}`, undefined, auth(token));
    expect(list.body.items).toEqual([]);
  }, 60_000);

  it('the page script refuses a file over the limit before sending it', async () => {
    await upload('#letterOfIntent', bigPath);
    expect(await page.$eval('#letterOfIntent-size', (m) => m.textContent)).toBe(
      'O arquivo escolhido passa de 10 MB: escolha um arquivo menor.',
    );
    const before = page.url();
    await page.click('#enrolment-form button[type=submit]');
    expect(page.url()).toBe(before);
    expect(await focused()).toBe('letterOfIntent');
    expect(await value('focalPerson-name')).toBe('Ana Ponto Focal');
    await page.$eval('#letterOfIntent', (i) => ((i as any).value = ''));
  }, 60_000);

  it('a wrong e-mail is named with its reason', async () => {
    await page.type('#focalPerson-email', 'ana-sem-arroba');
    await submit('enrolment-form');
    expect(await page.$$eval('#error-summary a', (as) => as.map((a) => a.textContent))).toContain(
      'Ponto focal, E-mail: deve ser um endereço de e-mail.',
    );
    expect(await value('focalPerson-email')).toBe('ana-sem-arroba');
  }, 60_000);

  it('enrols with the letter uploaded, then records the course with its certificate', async () => {
    await page.$eval('#focalPerson-email', (i) => ((i as any).value = ''));
    await page.type('#focalPerson-email', 'ana@portoalegre.test');
    await upload('#letterOfIntent', letterPath);
    await submit('enrolment-form');

    const address = new URL(page.url());
    expect(address.pathname).toMatch(/^\/avaliacoes\/[0-9a-f-]{36}\/curso$/);
    assessmentId = address.pathname.split('/')[2];
    expect(await page.$eval('[role=status]', (s) => s.textContent)).toContain(
      'Inscrição recebida. Agora registre o curso do ponto focal.',
    );
    const view = (await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(token))).body;
    expect(view.enrolment).toMatchObject({
      focalPerson: { name: 'Ana Ponto Focal', email: 'ana@portoalegre.test', phone: '(51) 3289-0000' },
      substitutes: [{ name: 'Bruno Suplente', email: 'bruno@portoalegre.test' }],
      migrantService: { name: 'Centro de Referência para Migrantes', address: 'Rua dos Andradas, 1000, Centro' },
      letterOfIntent: { fileName: 'carta-de-intencao.pdf', mime: 'application/pdf' },
    });
    expect(view.enrolment.substitutes).toHaveLength(1);
    const stored = await fetch(url(`/api/assessments/${assessmentId}/files/${view.enrolment.letterOfIntent.file}`), {
      headers: auth(token),
    });
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(samplePdf('Carta de intencao assinada')).digest('hex'),
    );

    // The course: refused without a certificate, the date kept; then recorded.
    expect(await crumbs()).toEqual(['Início', 'Curso do ponto focal']);
    await noSeriousViolations();
    await page.$eval('#completedAt', (i) => ((i as any).value = '2026-11-30'));
    await submit('course-form');
    expect(await focused()).toBe('error-summary');
    expect(await page.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#certificate',
    ]);
    expect(await value('completedAt')).toBe('2026-11-30');
    await upload('#certificate', certificatePath);
    await submit('course-form');
    expect(await page.$eval('[role=status]', (s) => s.textContent)).toContain('Conclusão do curso registrada.');
    expect(await main()).toContain('Curso concluído em 30/11/2026.');
    const after = (await app.request('GET', `/api/assessments/${assessmentId}`, undefined, auth(token))).body;
    expect(after.enrolment.course).toMatchObject({
      completedAt: '2026-11-30',
      certificate: { fileName: 'certificado-enap.pdf', mime: 'application/pdf' },
    });
    expect(after.stages[0]).toMatchObject({ stage: 'enrolment', status: 'complete' });
    await noSeriousViolations();
    await screenshot(page, 'course');
    await page.goto(url(`/avaliacoes/${assessmentId}/curso?lang=en`));
    expect(await main()).toContain('Course completed on 30 Nov 2026.');
    await noSeriousViolations();
    await page.goto(url(`/avaliacoes/${assessmentId}/curso?lang=pt-BR`));
  }, 90_000);

  it('an enrolled government is told so, with links; a closed edition gives its dates', async () => {
    await page.goto(url(`/edicoes/${year}/inscricao`));
    expect(await main()).toContain(`O seu governo já está inscrito na edição ${year}.`);
    expect(await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining([`/avaliacoes/${assessmentId}`, `/avaliacoes/${assessmentId}/curso`]),
    );
    await page.goto(url(`/edicoes/${year + 1}/inscricao`));
    const closed = await main();
    expect(closed).toMatch(
      new RegExp(`As inscrições da edição ${year + 1} vão de \\d{2}/\\d{2}/\\d{4} a \\d{2}/\\d{2}/\\d{4}; hoje é`),
    );
    expect(await page.$('#enrolment-form')).toBeNull();
    await noSeriousViolations();
    await page.goto(url(`/edicoes/${year + 1}/inscricao?lang=en`));
    expect(await main()).toContain(`Enrolment for edition ${year + 1} runs from`);
    await page.goto(url(`/edicoes/${year + 1}/inscricao?lang=pt-BR`));
  }, 60_000);

  it('another government’s course page is refused; an unknown edition is a page, not JSON', async () => {
    const other = await app.request('GET', '/api/assessments', undefined, auth(token));
    expect(other.status).toBe(200);
    const refused = await page.goto(url('/avaliacoes/00000000-0000-4000-8000-000000000000/curso'));
    expect(refused?.status()).toBe(404);
    expect(await page.$eval('h1', (h) => h.textContent)).toBeTruthy();
    const missing = await page.goto(url('/edicoes/1999/inscricao'));
    expect(missing?.status()).toBe(404);
    expect(await page.$eval('html', (h) => h.lang)).toBe('pt-BR');
  }, 60_000);
});
