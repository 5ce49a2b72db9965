import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { AssessmentViewService } from '../core/assessment/assessment-view.service';
import { DiagnosisService } from '../core/assessment/diagnosis.service';
import { EnrolmentService } from '../core/assessment/enrolment.service';
import { PrioritiesService } from '../core/assessment/priorities.service';
import type { Actor } from '../core/auth/actor';
import { Clock } from '../core/clock/clock';
import { AuthService } from '../core/auth/auth.service';
import { CertificateBatchService } from '../core/certification/certificate-batch.service';
import { CertificationService } from '../core/certification/certification.service';
import { minimalPdf } from '../core/demo/minimal-pdf';
import { EditionsService } from '../core/editions/editions.service';
import { QuestionnaireCatalogue } from '../core/questionnaire/questionnaire-catalogue.service';
import { CHROMIUM_ARGS } from '../core/rendering/pdf-renderer.service';
import { TemplatesService } from '../core/rendering/templates.service';
import { ReviewService } from '../core/review/review.service';

/**
 * `npm run bench:certificates -- --count N`: issues N seals end to end (QR, credential, signature,
 * embedding, records) as one batch, and compares with two baselines on the same HTML measured in the same
 * run: a browser launched per PDF, and a plain Puppeteer loop on one reused page. Prints figures; asserts
 * nothing.
 */

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main(): Promise<void> {
  const count = arg('count', 100);
  const dir = mkdtempSync(join(tmpdir(), 'bench-certificates-'));
  const root = resolve(__dirname, '../..');
  const config = loadConfig(
    {
      DATA_DIR: join(dir, 'data'),
      ASSESSMENTS_DIR: join(root, 'assessments'),
      TEMPLATES_DIR: join(root, 'templates'),
      LOG_LEVEL: 'error',
      RENDER_PAGES: process.env.RENDER_PAGES ?? '2',
      PORT: '0',
    },
    dir,
  );
  process.env.LOG_LEVEL = 'error';
  const app = await createApp(config);
  try {
    const auth = app.get(AuthService);
    const actor = (u: {
      id: string;
      email: string;
      name: string;
      role: Actor['role'];
      governmentCode: string | null;
    }): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, governmentCode: u.governmentCode });
    const admin = actor(
      await auth.createUser(null, {
        email: 'admin@bench.local',
        name: 'Admin',
        password: 'bench-password-1',
        role: 'admin',
      }),
    );
    const reviewer = actor(
      await auth.createUser(null, {
        email: 'rev@bench.local',
        name: 'Revisora',
        password: 'bench-password-1',
        role: 'reviewer',
      }),
    );
    const certifier = actor(
      await auth.createUser(null, {
        email: 'cert@bench.local',
        name: 'Certificadora',
        password: 'bench-password-1',
        role: 'certifier',
      }),
    );
    const official = actor(
      await auth.createUser(null, {
        email: 'focal@bench.local',
        name: 'Focal',
        password: 'bench-password-1',
        role: 'official',
        governmentCode: '4314902',
      }),
    );
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

    // One government goes through the real lifecycle; the others are copies of its approved assessment.
    const template = await seedOne(app, year, admin, official, reviewer);
    const db = app.get(DataSource);
    const codes = (
      (await db.query(`SELECT ibge_code FROM governments WHERE ibge_code <> '4314902' ORDER BY ibge_code LIMIT ?`, [
        count - 1,
      ])) as { ibge_code: string }[]
    ).map((r) => r.ibge_code);
    const [row] = (await db.query('SELECT * FROM assessments WHERE id = ?', [template])) as Record<string, unknown>[];
    await db.transaction(async (em) => {
      for (const code of codes) {
        await em.query(
          `INSERT INTO assessments (id, edition_year, government_code, state, versions, round, enrolment, score_snapshot, submitted_at, approved_at, row_version)
           VALUES (?, ?, ?, 'priorities-set', ?, ?, ?, ?, ?, ?, 1)`,
          [
            randomUUID(),
            year,
            code,
            row.versions,
            row.round,
            row.enrolment,
            row.score_snapshot,
            row.submitted_at,
            row.approved_at,
          ],
        );
      }
    });

    // End to end: the batch, as the certifiers run it.
    const batches = app.get(CertificateBatchService);
    peakRss = process.memoryUsage().rss;
    const t0 = performance.now();
    const started = await batches.start(certifier, year);
    let progress = started;
    while (progress.status !== 'done') {
      await new Promise((r) => setTimeout(r, 50));
      progress = await batches.progress(started.id);
    }
    const seconds = (performance.now() - t0) / 1000;
    const endToEnd = { perSecond: progress.done / seconds, seconds, peak: peakRss, failed: progress.failed };

    // Baselines on the same HTML.
    const html = await sealHtml(app);
    const reused = await reusedPage(html, count);
    const perPdf = await browserPerPdf(html, Math.min(count, 10));

    console.log(
      `\nSelo MigraCidades: ${count} seals, RENDER_PAGES=${config.renderPages}, Node ${process.version}, ${cpus().length} cores`,
    );
    console.table({
      'engine, end to end (batch: QR, VC signature, PDF embedding, records)': {
        'seals/s': endToEnd.perSecond.toFixed(1),
        seconds: endToEnd.seconds.toFixed(2),
        'peak RSS (node)': mb(endToEnd.peak),
        failed: endToEnd.failed,
      },
      'baseline: plain Puppeteer loop, one reused page': {
        'seals/s': reused.perSecond.toFixed(1),
        seconds: reused.seconds.toFixed(2),
        'peak RSS (node)': mb(reused.peak),
        failed: 0,
      },
      [`baseline: one browser launched per PDF (${Math.min(count, 10)} PDFs)`]: {
        'seals/s': perPdf.perSecond.toFixed(1),
        seconds: perPdf.seconds.toFixed(2),
        'peak RSS (node)': mb(perPdf.peak),
        failed: 0,
      },
    });
    console.log(
      `At the engine's rate, the 5,597 governments of Brazil take ${(5597 / endToEnd.perSecond).toFixed(0)} s.`,
    );
  } finally {
    await app.close();
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
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
async function sealHtml(app: Awaited<ReturnType<typeof createApp>>): Promise<string> {
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

async function reusedPage(html: string, count: number) {
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
  peakRss = process.memoryUsage().rss;
  const page = await browser.newPage();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  await browser.close();
  return { perSecond: count / seconds, seconds, peak: peakRss };
}

async function browserPerPdf(html: string, count: number) {
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS],
    });
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    await browser.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: count / seconds, seconds, peak: peakRss };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
