import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { DataSource, Not } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { AssessmentViewService } from '../core/assessment/assessment-view.service';
import { DiagnosisService } from '../core/assessment/diagnosis.service';
import { AssessmentEntity } from '../core/assessment/assessment.entity';
import { EnrolmentService } from '../core/assessment/enrolment.service';
import { PrioritiesService } from '../core/assessment/priorities.service';
import type { Actor } from '../core/auth/actor';
import { Clock } from '../core/clock/clock';
import { AuthService } from '../core/auth/auth.service';
import { CertificateBatchService } from '../core/certification/certificate-batch.service';
import { CertificationService } from '../core/certification/certification.service';
import { minimalPdf } from '../core/demo/minimal-pdf';
import { EditionsService } from '../core/editions/editions.service';
import { GovernmentEntity } from '../core/governments/government.entity';
import { QuestionnaireCatalogue } from '../core/questionnaire/questionnaire-catalogue.service';
import { splitPages } from '../core/rendering/pdf-pages';
import { CHROMIUM_ARGS, PdfRendererService } from '../core/rendering/pdf-renderer.service';
import { TemplatesService } from '../core/rendering/templates.service';
import { ReviewService } from '../core/review/review.service';
import { type MemoryFigures, ProcessTreeMemory } from './process-tree-memory';
import { benchDatabase, databaseName } from './bench-database';
import { StepTimer } from './step-timer';

/**
 * `npm run bench:certificates -- --count N`: issues N seals end to end (QR, credential, signature,
 * embedding, records) as one batch, and compares, in the same run, with
 * - the ceiling: the very documents the batch printed (captured as the engine rendered them: same template,
 *   same data, same chunks), printed again by the same Chromium pages with the same concurrency and split
 *   into one saved PDF per seal, with nothing else done (no database, no signature, no storage);
 * - a plain Puppeteer loop printing one seal per print on one reused page;
 * - a browser launched per PDF.
 * Memory is this process plus every Chromium process, sampled during each phase. Prints figures; asserts
 * nothing. `DATABASE_URL=postgres://…` runs it on PostgreSQL (in a schema of its own, dropped at the end).
 */

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const memory = new ProcessTreeMemory();
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
type App = Awaited<ReturnType<typeof createApp>>;

interface Phase {
  readonly seals: number;
  readonly seconds: number;
  readonly memory: MemoryFigures;
  readonly failed: number;
}

async function main(): Promise<void> {
  const count = arg('count', 100);
  const dir = mkdtempSync(join(tmpdir(), 'bench-certificates-'));
  const root = resolve(__dirname, '../..');
  const database = await benchDatabase(process.env.DATABASE_URL);
  const config = loadConfig(
    {
      DATA_DIR: join(dir, 'data'),
      ASSESSMENTS_DIR: join(root, 'assessments'),
      TEMPLATES_DIR: join(root, 'templates'),
      LOG_LEVEL: 'error',
      RENDER_PAGES: process.env.RENDER_PAGES ?? '2',
      CERTIFICATE_BATCH_SIZE: process.env.CERTIFICATE_BATCH_SIZE ?? '50',
      PORT: '0',
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    dir,
  );
  process.env.LOG_LEVEL = 'error';
  const app = await createApp(config);
  try {
    const { year, certifier } = await seedSeals(app, count);
    const renderer = app.get(PdfRendererService);
    // Chromium and its pages are started before the clock runs, for the engine as for the ceiling.
    await Promise.all(Array.from({ length: config.renderPages }, () => renderer.render('<p>warm-up</p>')));
    const { phase: engine, chunks } = await endToEnd(app, year, certifier, process.argv.includes('--profile'));
    const ceilingPhase = await ceiling(renderer, chunks, config.renderPages);
    await renderer.close();

    const html = await sealHtml(app);
    const reused = await reusedPage(html, count);
    const perPdf = await browserPerPdf(html, Math.min(count, 10));

    const sizes = chunks.map((c) => c.seals);
    console.log(
      `\nSelo MigraCidades: ${count} seals, RENDER_PAGES=${config.renderPages}, CERTIFICATE_BATCH_SIZE=${config.certificateBatchSize} ` +
        `(${chunks.length} chunks of ${Math.min(...sizes)}–${Math.max(...sizes)}), Node ${process.version}, ${cpus().length} cores, ` +
        `database: ${databaseName(config.database)}`,
    );
    const row = (p: Phase) => ({
      'seals/s': (p.seals / p.seconds).toFixed(1),
      seconds: p.seconds.toFixed(2),
      '% of ceiling': `${((p.seals / p.seconds / (ceilingPhase.seals / ceilingPhase.seconds)) * 100).toFixed(0)} %`,
      'peak RSS node+chromium': mb(p.memory.peak),
      'mean RSS node+chromium': mb(p.memory.mean),
      'node at peak': mb(p.memory.nodeAtPeak),
      'PSS at peak': mb(p.memory.pssAtPeak),
      processes: p.memory.processesAtPeak,
      failed: p.failed,
    });
    console.table({
      'baseline: plain Puppeteer loop, one seal per print, one reused page': row(reused),
      [`baseline: one browser launched per PDF (${perPdf.seals} PDFs)`]: row(perPdf),
      'ceiling: the same chunks printed and split, nothing else': row(ceilingPhase),
      'engine, end to end (batch: QR, VC signature, PDF embedding, records)': row(engine),
    });
    const ratio = engine.seals / engine.seconds / (ceilingPhase.seals / ceilingPhase.seconds);
    console.log(
      `Engine at ${(ratio * 100).toFixed(0)} % of the ceiling (target 70 %); peak memory of Node and Chromium together ` +
        `${mb(engine.memory.peak)} RSS, ${mb(engine.memory.pssAtPeak)} PSS (target under 1 GB). ` +
        `At the engine's rate, the 5,597 governments of Brazil take ${(5597 / (engine.seals / engine.seconds)).toFixed(0)} s.`,
    );
  } finally {
    await app.close();
    memory.stop();
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  }
}

/** The edition, one government through the real lifecycle and `count - 1` copies of its approved assessment. */
async function seedSeals(app: App, count: number): Promise<{ year: number; certifier: Actor }> {
  const auth = app.get(AuthService);
  const user = (email: string, name: string, role: Actor['role'], governmentCode?: string) =>
    auth
      .createUser(null, { email, name, password: 'bench-password-1', role, governmentCode })
      .then((u): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, governmentCode: u.governmentCode }));
  const admin = await user('admin@bench.local', 'Admin', 'admin');
  const reviewer = await user('rev@bench.local', 'Revisora', 'reviewer');
  const certifier = await user('cert@bench.local', 'Certificadora', 'certifier');
  const official = await user('focal@bench.local', 'Focal', 'official', '4314902');
  // The edition is placed around today, so that the saves are within the deadline and the seals valid.
  const clock = app.get(Clock);
  const year = clock.year();
  const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await app.get(EditionsService).create(admin, {
    year,
    calendar: {
      enrolmentOpens: day(-30),
      enrolmentCloses: day(30),
      diagnosisDeadline: day(60),
      reviewDeadline: day(90),
      certificationDate: day(120),
    },
  });
  const db = app.get(DataSource);
  const template = await db
    .getRepository(AssessmentEntity)
    .findOneByOrFail({ id: await seedOne(app, year, admin, official, reviewer) });
  const codes = (
    await db.getRepository(GovernmentEntity).find({
      select: { ibgeCode: true },
      where: { ibgeCode: Not('4314902') },
      order: { ibgeCode: 'ASC' },
      take: count - 1,
    })
  ).map((g) => g.ibgeCode);
  await db.transaction(async (em) => {
    for (let i = 0; i < codes.length; i += 50) {
      await em.insert(
        AssessmentEntity,
        codes.slice(i, i + 50).map((code) => ({
          id: randomUUID(),
          editionYear: year,
          governmentCode: code,
          state: 'priorities-set' as const,
          versions: template.versions,
          previousAssessmentId: null,
          round: template.round,
          enrolment: template.enrolment,
          scoreSnapshot: template.scoreSnapshot,
          submittedAt: template.submittedAt,
          approvedAt: template.approvedAt,
          rowVersion: 1,
        })),
      );
    }
  });
  return { year, certifier };
}

/** The batch, as the certifiers run it; the documents it prints are kept for the ceiling. */
async function endToEnd(
  app: App,
  year: number,
  certifier: Actor,
  profile: boolean,
): Promise<{ phase: Phase; chunks: { html: string; seals: number }[] }> {
  const templates = app.get(TemplatesService);
  const render = templates.render.bind(templates);
  const chunks: { html: string; seals: number }[] = [];
  templates.render = (name, context) => {
    const html = render(name, context);
    if (name === 'certificate') chunks.push({ html, seals: (context as { seals: unknown[] }).seals.length });
    return html;
  };
  const batches = app.get(CertificateBatchService);
  const steps = profile ? profileSteps(app) : undefined;
  memory.start();
  const t0 = performance.now();
  const started = await batches.start(certifier, year);
  let progress = started;
  for (let last = { done: -1, at: performance.now() }; progress.status !== 'done';) {
    // Polled as the batch page does, not faster: each poll is four queries on the engine's own connection.
    await new Promise((r) => setTimeout(r, 500));
    progress = await batches.progress(started.id);
    if (progress.done + progress.failed !== last.done)
      last = { done: progress.done + progress.failed, at: performance.now() };
    // A batch that stopped (its error is in the log) stays 'running': say so rather than wait for ever.
    if (performance.now() - last.at > 120_000)
      throw new Error(`The batch made no progress for 120 s: ${JSON.stringify(progress)}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const figures = memory.stop();
  if (steps) {
    console.log("\nWhere the engine's time went (--profile; concurrent workers overlap):");
    console.table(steps.report());
  }
  templates.render = render;
  return { phase: { seals: progress.done, seconds, memory: figures, failed: progress.failed }, chunks };
}

/** The steps of issuing, timed where they are called (the private ones too: the bench reads, it changes nothing). */
function profileSteps(app: App): StepTimer {
  const timer = new StepTimer();
  const certification = app.get(CertificationService);
  const internals = certification as unknown as Record<string, object>;
  const batches = app.get(CertificateBatchService);
  timer.wrap('batch', batches, ['issueChunk', 'progress']);
  timer.wrap('batch claims', (batches as unknown as Record<string, object>).claims, ['claim']);
  timer.wrap('certification', certification, ['prepare', 'print', 'record', 'pageContext', 'finish', 'reserveNumbers']);
  timer.wrap('renderer', app.get(PdfRendererService), ['render']);
  timer.wrap('templates', app.get(TemplatesService), ['render']);
  const files = internals.files as Record<string, object>;
  timer.wrap('files', files, ['transactionWithUploads', 'check', 'grant']);
  timer.wrap('file store', files.store, ['put']);
  timer.wrap('statusList', internals.statusList, ['reserve']);
  timer.wrap('keys', internals.keys, ['signJwt']);
  timer.wrap('signatories', internals.signatories, ['ofEditions']);
  timer.wrap('notifications', internals.notifications, ['deliver']);
  const workflow = internals.workflow as { audit: object };
  timer.wrap('workflow', workflow, ['move']);
  timer.wrap('audit', workflow.audit, ['record']);
  return timer;
}

/** The same documents through the same pages, with the same concurrency: printed, split and saved, nothing else. */
async function ceiling(
  renderer: PdfRendererService,
  chunks: readonly { html: string; seals: number }[],
  workers: number,
): Promise<Phase> {
  const queue = [...chunks];
  let seals = 0;
  const worker = async () => {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
      const pages = await splitPages(await renderer.render(chunk.html, { landscape: true }));
      if (pages.length !== chunk.seals) throw new Error(`Printed ${pages.length} pages for ${chunk.seals} seals`);
      await Promise.all(pages.map((p) => p.save()));
      seals += pages.length;
    }
  };
  memory.start();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { seals, seconds, memory: memory.stop(), failed: 0 };
}

async function seedOne(
  app: Awaited<ReturnType<typeof createApp>>,
  year: number,
  admin: Actor,
  official: Actor,
  reviewer: Actor,
): Promise<string> {
  const diagnosis = app.get(DiagnosisService);
  const enrolment = app.get(EnrolmentService);
  const catalogue = app.get(QuestionnaireCatalogue);
  const assessment = await enrolment.enrol(
    admin,
    year,
    {
      governmentCode: '4314902',
      focalPerson: { name: 'Focal', email: 'focal@bench.local', department: 'SMDH' },
      substitutes: [],
      migrantService: { name: 'CRAI', phone: '(51) 3289-0000', email: 'crai@bench.local', address: 'Rua A, 1' },
    },
    { field: 'letterOfIntent', fileName: 'carta.pdf', declaredMime: 'application/pdf', bytes: minimalPdf('Carta') },
  );
  await enrolment.recordCourse(official, assessment.id, app.get(Clock).today(), {
    field: 'certificate',
    fileName: 'curso-enap.pdf',
    declaredMime: 'application/pdf',
    bytes: minimalPdf('Certificado ENAP'),
  });
  const saves = Object.entries(assessment.versions).flatMap(([group, version]) =>
    catalogue
      .version(group, version)
      .items.filter((i) => i.type === 'yes-partial-no')
      .map((i) => ({
        group,
        itemKey: i.key,
        value: i.key.length % 3 === 0 ? 'partial' : 'yes',
        evidence:
          i.evidence === 'required' ? [{ url: `https://portoalegre.rs.gov.br/evidencias/${i.key}` }] : undefined,
        expectedVersion: 0,
      })),
  );
  await diagnosis.saveAnswers(official, assessment.id, saves);
  await diagnosis.submit(official, assessment.id).catch(async () => {
    const view = await app.get(AssessmentViewService).view(official, assessment.id);
    const rest = view.missing.map((m) => {
      const [group, itemKey] = m.item.split('.');
      const item = catalogue.version(group, assessment.versions[group]).items.find((i) => i.key === itemKey)!;
      const value =
        item.type === 'single-choice'
          ? item.options![0].key
          : item.type === 'multiple-choice'
            ? [item.options![0].key]
            : item.type === 'number'
              ? (item.min ?? 1)
              : 'ok';
      return { group, itemKey, value, expectedVersion: 0 };
    });
    await diagnosis.saveAnswers(official, assessment.id, rest);
    await diagnosis.submit(official, assessment.id);
  });
  const review = app.get(ReviewService);
  const view = await app.get(AssessmentViewService).view(reviewer, assessment.id);
  await review.decide(
    reviewer,
    assessment.id,
    view.groups.flatMap((g) =>
      g.items
        .filter((i) => i.visible && i.answer.value !== null)
        .map((i) => ({ group: g.group, itemKey: i.key, decision: 'accept' as const })),
    ),
  );
  const approved = await review.approve(reviewer, assessment.id);
  const gap = approved.scoreSnapshot.groups.flatMap((g) =>
    g.items.filter((i) => i.counted && (i.points ?? 0) < 100).map((i) => ({ group: g.group, itemKey: i.key })),
  )[0];
  await app
    .get(PrioritiesService)
    .setPriorities(official, assessment.id, [{ ...gap, commitment: 'Avançar neste item até a próxima edição.' }]);
  return assessment.id;
}

/** The certificate HTML the engine renders, for the baselines. */
async function sealHtml(app: App): Promise<string> {
  const certification = app.get(CertificationService);
  const qr = await (
    await import('qrcode')
  ).toString(certification.verificationUrl('MC-2025-00001'), { type: 'svg', margin: 1 });
  return app.get(TemplatesService).render('certificate', {
    lang: 'pt-BR',
    year: 2025,
    seals: [
      {
        number: 'MC-2025-00001',
        governmentName: 'Porto Alegre',
        governmentKind: 'Município',
        uf: 'RS',
        stateName: 'Rio Grande do Sul',
        year: 2025,
        level: null,
        index: null,
        logos: { university: null, iom: null },
        issueDate: '28/11/2026',
        validUntil: '15/10/2026',
        signatories: [
          { name: 'Reitoria', role: 'UFRGS', signature: null },
          { name: 'Chefia de Missão', role: 'OIM Brasil', signature: null },
        ],
        verificationUrl: certification.verificationUrl('MC-2025-00001'),
        qrSvg: qr,
      },
    ],
  });
}

async function reusedPage(html: string, count: number): Promise<Phase> {
  const browser = await launchBrowser();
  const page = await browser.newPage();
  memory.start();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  const figures = memory.stop();
  await browser.close();
  return { seals: count, seconds, memory: figures, failed: 0 };
}

async function browserPerPdf(html: string, count: number): Promise<Phase> {
  memory.start();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    await browser.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seals: count, seconds, memory: memory.stop(), failed: 0 };
}

function launchBrowser() {
  return puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
