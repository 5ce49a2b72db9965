import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import type { Actor } from '../core/auth/actor';
import { CertificateBatchService } from '../core/certification/certificate-batch.service';
import { CertificationService } from '../core/certification/certification.service';
import { eachPage, savePage } from '../core/rendering/pdf-pages';
import { CHROMIUM_ARGS, PdfRendererService } from '../core/rendering/pdf-renderer.service';
import { TemplatesService } from '../core/rendering/templates.service';
import { type MemoryFigures, ProcessTreeMemory } from './process-tree-memory';
import { type CpuFigures, ProcessTreeCpu } from './process-tree-cpu';
import { databaseName, onEachDatabase } from './bench-database';
import { arg } from './page-timing';
import { startCpuProfile } from './cpu-profile';
import { profileSteps, seedSeals } from './certificates-seed';

/**
 * `npm run bench:certificates -- --count N [--only sqlite|postgres] [--profile] [--cpu-profile]`: issues N seals end to end
 * (QR, credential, signature, embedding, records) as one batch, on SQLite and then on PostgreSQL (at
 * BENCH_POSTGRES_URL or the local test database, in a schema of its own dropped at the end; skipped, saying
 * so, when it cannot be reached), and compares, in the same run, with
 * - the ceiling: the very documents the batch printed (captured as the engine rendered them: same template,
 *   same data, same chunks), printed again by the same Chromium pages with the same concurrency and split
 *   into one saved PDF per seal, with nothing else done (no database, no signature, no storage);
 * - a plain Puppeteer loop printing one seal per print on one reused page;
 * - a browser launched per PDF.
 * Memory is this process plus every Chromium process, sampled during each phase by a process of its own.
 * `--profile` times the batch's steps; `--cpu-profile` writes CPU profiles of this process over the engine's and
 * the ceiling's phases to .tmp/seal-profiles.
 * Prints figures; asserts nothing.
 */

let memory: ProcessTreeMemory;
const cpu = new ProcessTreeCpu(() => new Set([memory.pid]));
const startPhase = async () => {
  await memory.start();
  cpu.start();
};
const endPhase = async () => ({ cpu: cpu.stop(), memory: await memory.stop() });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
type App = Awaited<ReturnType<typeof createApp>>;

interface Phase {
  readonly seals: number;
  readonly seconds: number;
  readonly memory: MemoryFigures;
  readonly cpu: CpuFigures;
  readonly failed: number;
}

async function main(): Promise<void> {
  const count = arg('count', 100);
  memory = await ProcessTreeMemory.open();
  try {
    // The baselines print the last database's chunk once.
    const html = (await onEachDatabase((url) => onDatabase(count, url))).at(-1);
    if (html) await baselines(html, count);
  } finally {
    memory.close();
  }
}

/** The engine and its ceiling on one database; returns the seal's HTML for the baselines. */
async function onDatabase(count: number, databaseUrl: string | undefined): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-certificates-'));
  const root = resolve(__dirname, '../..');
  const config = loadConfig(
    {
      DATA_DIR: join(dir, 'data'),
      ASSESSMENTS_DIR: join(root, 'assessments'),
      TEMPLATES_DIR: join(root, 'templates'),
      LOG_LEVEL: 'error',
      RENDER_PAGES: process.env.RENDER_PAGES ?? '2',
      CERTIFICATE_BATCH_SIZE: process.env.CERTIFICATE_BATCH_SIZE ?? '50',
      PORT: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    dir,
  );
  process.env.LOG_LEVEL = 'error';
  const app = await createApp(config);
  try {
    const { year, certifier } = await seedSeals(app, count);
    const renderer = app.get(PdfRendererService);
    // Chromium and its pages are started before the clock runs, for the engine as for the ceiling, each having
    // printed a seal once (its fonts and images loaded, its layout code warm): the ceiling runs second, and would
    // otherwise be the only one to find them so.
    const warmUp = await sealHtml(app);
    await Promise.all(Array.from({ length: config.renderPages }, () => renderer.render(warmUp, { landscape: true })));
    const { phase: engine, chunks } = await endToEnd(app, year, certifier, process.argv.includes('--profile'));
    const top = await ceiling(renderer, chunks, config.renderPages);
    await renderer.close();
    const sizes = chunks.map((c) => c.seals);
    console.log(
      `\nSelo MigraCidades on ${databaseName(config.database)}: ${count} seals, RENDER_PAGES=${config.renderPages}, ` +
        `CERTIFICATE_BATCH_SIZE=${config.certificateBatchSize} (${chunks.length} chunks of ${Math.min(...sizes)}–${Math.max(...sizes)}), ` +
        `Node ${process.version}, ${cpus().length} cores, load average ${loadAverage()}`,
    );
    console.table({
      'ceiling: the same chunks printed and split, nothing else': row(top, top),
      'engine, end to end (batch: QR, VC signature, PDF embedding, records)': row(engine, top),
    });
    const ratio = engine.seals / engine.seconds / (top.seals / top.seconds);
    console.log(
      `Engine at ${(ratio * 100).toFixed(0)} % of the ceiling (target 70 %); peak memory of Node and Chromium together ` +
        `${mb(engine.memory.peak)} RSS, ${mb(engine.memory.pssPeak)} PSS (target under 1 GB). ` +
        `At the engine's rate, the 5,597 governments of Brazil take ${(5597 / (engine.seals / engine.seconds)).toFixed(0)} s.`,
    );
    return warmUp;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The plain loops, once for the run (no database in them). */
async function baselines(html: string, count: number): Promise<void> {
  const reused = await reusedPage(html, count);
  const perPdf = await browserPerPdf(html, Math.min(count, 10));
  console.log(`\nBaselines (no database), load average ${loadAverage()}:`);
  console.table({
    'plain Puppeteer loop, one seal per print, one reused page': row(reused),
    [`one browser launched per PDF (${perPdf.seals} PDFs)`]: row(perPdf),
  });
}

function row(p: Phase, top?: Phase) {
  return {
    'seals/s': (p.seals / p.seconds).toFixed(1),
    seconds: p.seconds.toFixed(2),
    ...(top ? { '% of ceiling': `${((p.seals / p.seconds / (top.seals / top.seconds)) * 100).toFixed(0)} %` } : {}),
    'CPU ms per seal: node + chromium': `${perSeal(p, p.cpu.node)} + ${perSeal(p, p.cpu.children)}`,
    'peak RSS node+chromium': mb(p.memory.peak),
    'mean RSS node+chromium': mb(p.memory.mean),
    'node at peak': mb(p.memory.nodeAtPeak),
    'peak PSS': mb(p.memory.pssPeak),
    processes: p.memory.processesAtPeak,
    failed: p.failed,
  };
}

const perSeal = (p: Phase, seconds: number) => ((seconds * 1000) / p.seals).toFixed(1);

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

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
  const profiler = await cpuProfile('engine');
  await startPhase();
  const t0 = performance.now();
  const started = await batches.start(certifier, year);
  // The batch's end is taken when its last chunk is recorded (not at the next poll, which would add up to
  // half a second); meanwhile it is polled as the batch page does, not faster (each poll is four queries on
  // the engine's own connection), and a batch that stops making progress (its error is in the log) is reported.
  let ended = false;
  const end = batches.whenIdle(started.id).then(() => ((ended = true), performance.now()));
  for (let last = { done: -1, at: performance.now() }; !ended;) {
    await Promise.race([end, new Promise((r) => setTimeout(r, 500))]);
    if (ended) break;
    const progress = await batches.progress(started.id);
    if (progress.done + progress.failed !== last.done)
      last = { done: progress.done + progress.failed, at: performance.now() };
    if (performance.now() - last.at > 120_000)
      throw new Error(`The batch made no progress for 120 s: ${JSON.stringify(progress)}`);
  }
  const seconds = ((await end) - t0) / 1000;
  const progress = await batches.progress(started.id);
  if (progress.status !== 'done') throw new Error(`The batch stopped before its end: ${JSON.stringify(progress)}`);
  const figures = await endPhase();
  if (profiler) console.log(`\nCPU profile of the engine's phase: ${await profiler()}`);
  if (steps) {
    console.log("\nWhere the engine's time went (--profile; concurrent workers overlap):");
    console.table(steps.report());
  }
  templates.render = render;
  return { phase: { seals: progress.done, seconds, ...figures, failed: progress.failed }, chunks };
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
      const printed = await renderer.render(chunk.html, { landscape: true });
      seals += (await eachPage(printed, chunk.seals, savePage)).length;
    }
  };
  const profiler = await cpuProfile('ceiling');
  await startPhase();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const figures = await endPhase();
  if (profiler) console.log(`CPU profile of the ceiling's phase: ${await profiler()}`);
  return { seals, seconds, ...figures, failed: 0 };
}

/** With --cpu-profile, a CPU profile of this process over one phase, in .tmp/seal-profiles. */
const cpuProfile = async (phase: string) =>
  process.argv.includes('--cpu-profile')
    ? startCpuProfile(resolve(__dirname, '../../.tmp/seal-profiles'), phase)
    : undefined;

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
  await startPhase();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  const figures = await endPhase();
  await browser.close();
  return { seals: count, seconds, ...figures, failed: 0 };
}

async function browserPerPdf(html: string, count: number): Promise<Phase> {
  await startPhase();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    await browser.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seals: count, seconds, ...(await endPhase()), failed: 0 };
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
