import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { asNumber, dialectOfRunner, jsonText, rawQuery, type SqlDialect } from '../database/portable-sql';
import { AuditService } from '../core/audit/audit.service';
import { minimalPdf } from '../core/demo/minimal-pdf';
import type { EditionCalendar } from '../core/editions/edition-rules';
import { EditionsService } from '../core/editions/editions.service';
import { exportLayout } from '../core/exports/export-layout';
import { FilesService, type StoredFileRef } from '../core/files/files.service';
import type { LocalizedText } from '../core/i18n/localized-text';
import { joinTexts, message, translate } from '../core/i18n/message';
import { QuestionnaireCatalogue } from '../core/questionnaire/questionnaire-catalogue.service';
import { ReviewService } from '../core/review/review.service';
import { ANSWER_COLUMNS, ASSESSMENT_COLUMNS, BulkInsert, PRIORITY_COLUMNS } from './national-bulk-insert';
import { type Edition, type Government, SEED_ACTOR_ID, seedGovernment } from './national-government';
import { hash32 } from './national-profile';

export { SEED_ACTOR_ID } from './national-government';
export const DEFAULT_SEED = 'migracidades';
export const DEFAULT_EDITIONS: readonly number[] = [2020, 2021, 2022, 2023, 2024];

export interface NationalSeedOptions {
  /** Same seed, same data. */
  readonly seed?: string;
  /** Only this many governments (a deterministic sample); all of them by default. */
  readonly governments?: number;
  readonly editions?: readonly number[];
  /** Progress lines; silent by default. */
  readonly log?: (line: string) => void;
}

export interface NationalSeedSummary {
  readonly seed: string;
  readonly governments: number;
  readonly editions: readonly number[];
  readonly editionsCreated: readonly number[];
  /** Government-editions left alone because the government already has an assessment there. */
  readonly skipped: number;
  readonly rows: { readonly assessments: number; readonly answers: number; readonly priorities: number };
  readonly seconds: number;
}

/** What the seed refuses, in both languages (the command line prints "pt-BR / en"). */
export class NationalSeedError extends Error {
  constructor(
    readonly text: LocalizedText,
    detail?: string,
  ) {
    super(`${text['pt-BR']} / ${text.en}${detail ? ` (${detail})` : ''}`);
    this.name = 'NationalSeedError';
  }
}

/** Several sentences of a refusal, joined language by language. */
export const refusal = (...parts: LocalizedText[]): LocalizedText => joinTexts(parts);

/** What the seed writes, itself or through the facts triggers. */
const SEEDED_TABLES = [
  'assessments',
  'answers',
  'priorities',
  'assessment_facts',
  'group_facts',
  'group_band_counts',
  'priority_facts',
];
/** Governments per transaction (about 5 x 80 answers each). */
const GOVERNMENTS_PER_TRANSACTION = 800;

/** Which assessments the seed wrote (it signs their enrolment). */
export const seeded = (dialect: SqlDialect) => `${jsonText(dialect, 'enrolment', 'enrolledBy')} = '${SEED_ACTOR_ID}'`;

/** The version of every group in force for an edition: the latest published by the close of enrolment. */
export function versionsInForce(catalogue: QuestionnaireCatalogue, enrolmentCloses: string): Record<string, number> {
  return Object.fromEntries(
    catalogue.groups().map((g) => {
      const published = [...g.versions.values()].filter((q) => q.publishedAt <= enrolmentCloses).map((q) => q.version);
      return [g.definition.slug, published.length > 0 ? Math.max(...published) : Math.min(...g.versions.keys())];
    }),
  );
}

const calendarOf = (year: number): EditionCalendar => ({
  enrolmentOpens: `${year}-03-01`,
  enrolmentCloses: `${year}-04-15`,
  diagnosisDeadline: `${year}-06-30`,
  reviewDeadline: `${year}-08-31`,
  certificationDate: `${year}-10-15`,
});

/**
 * Fills the database with approved assessments of every government in every edition (default 2020-2024),
 * drawn deterministically from `seed` and scored by the review's own snapshot code. Editions missing are
 * created with their calendars and the versions in force. Refuses if seeded data is already there.
 */
export async function seedNational(
  app: INestApplicationContext,
  options: NationalSeedOptions = {},
): Promise<NationalSeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const ds = app.get(DataSource);
  const catalogue = app.get(QuestionnaireCatalogue);
  const review = app.get(ReviewService);
  const columns = columnsByVersion(catalogue);

  const [{ n }] = await rawQuery<{ n: number | string }>(
    ds,
    `SELECT COUNT(*) AS n FROM assessments WHERE ${seeded(dialectOfRunner(ds))}`,
  );
  const already = asNumber(n);
  if (already > 0) {
    throw new NationalSeedError(message('seed.already-seeded', { count: already }));
  }

  const years = [...(options.editions ?? DEFAULT_EDITIONS)].sort((a, b) => a - b);
  const { editions, created } = await ensureEditions(app, years);
  const files = await storeDocuments(app);
  const governments = await pickGovernments(ds, seed, options.governments);
  const taken = new Set(
    (
      await rawQuery<{ k: string }>(
        ds,
        `SELECT edition_year || '/' || government_code AS k FROM assessments WHERE edition_year IN (${years.map(() => '?').join(', ')})`,
        years,
      )
    ).map((r) => r.k),
  );
  await ds.transaction((em) =>
    app.get(AuditService).record(em, null, {
      action: 'seed.national',
      entity: 'seed',
      entityId: seed,
      after: { seed, governments: governments.length, editions: years, editionsCreated: created },
    }),
  );
  // Progress lines are for the operator at the console, in Portuguese.
  log(
    translate('seed.log.start', 'pt-BR', {
      seed,
      governments: governments.length,
      editions: years.length,
      years: { list: years.map(String) },
    }),
  );
  if (created.length > 0)
    log(translate('seed.log.editions-created', 'pt-BR', { years: { list: created.map(String) } }));

  const totals = { assessments: 0, answers: 0, priorities: 0 };
  let skipped = 0;
  for (let i = 0; i < governments.length; i += GOVERNMENTS_PER_TRANSACTION) {
    const chunk = governments.slice(i, i + GOVERNMENTS_PER_TRANSACTION);
    await ds.transaction(async (em) => {
      const assessments = new BulkInsert(em, 'assessments', ASSESSMENT_COLUMNS);
      const out = {
        assessments,
        answers: new BulkInsert(em, 'answers', ANSWER_COLUMNS, [assessments]),
        priorities: new BulkInsert(em, 'priorities', PRIORITY_COLUMNS, [assessments]),
      };
      for (const gov of chunk)
        skipped += await seedGovernment({ seed, gov, editions, taken, columns, catalogue, review, files }, out);
      for (const table of Object.values(out)) await table.flush();
      // The shared letter and course certificate belong to each seeded government, as its own upload would.
      const owned = [files.letter.file, files.course.file];
      for (const gov of chunk) await app.get(FilesService).grant(em, owned, { kind: 'government', id: gov.ibgeCode });
      totals.assessments += out.assessments.total;
      totals.answers += out.answers.total;
      totals.priorities += out.priorities.total;
    });
    log(
      translate('seed.log.progress', 'pt-BR', {
        done: Math.min(i + chunk.length, governments.length),
        total: governments.length,
        assessments: totals.assessments,
        answers: totals.answers,
        priorities: totals.priorities,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      }),
    );
  }
  // Big transactions leave a big write-ahead log behind: fold it into the database file (SQLite's own).
  if (dialectOfRunner(ds) === 'sqlite') await ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
  // PostgreSQL plans from statistics and reads indexes alone only where pages are marked all-visible: both
  // are autovacuum's to keep, but only some time after a bulk load.
  else await ds.query(`VACUUM (ANALYZE) ${SEEDED_TABLES.map((t) => `"${t}"`).join(', ')}`);
  return {
    seed,
    governments: governments.length,
    editions: years,
    editionsCreated: created,
    skipped,
    rows: totals,
    seconds: (performance.now() - started) / 1000,
  };
}

function columnsByVersion(
  catalogue: QuestionnaireCatalogue,
): (group: string, version: number) => ReadonlyMap<string, string> {
  const layout = exportLayout(
    catalogue.groups().map((g) => ({ slug: g.definition.slug, versions: [...g.versions.values()] })),
  );
  const maps = new Map<string, Map<string, string>>();
  for (const item of layout.items) {
    for (const [version, key] of item.keys) {
      const id = `${item.group}@${version}`;
      maps.set(id, (maps.get(id) ?? new Map()).set(key, item.name));
    }
  }
  return (group, version) => maps.get(`${group}@${version}`) ?? new Map();
}

async function ensureEditions(
  app: INestApplicationContext,
  years: readonly number[],
): Promise<{ editions: Edition[]; created: number[] }> {
  const service = app.get(EditionsService);
  const catalogue = app.get(QuestionnaireCatalogue);
  const known = new Map((await service.list()).map((e) => [e.year, e]));
  const created: number[] = [];
  const editions: Edition[] = [];
  for (const year of years) {
    let edition = known.get(year);
    if (!edition) {
      const calendar = calendarOf(year);
      edition = await service.create(null, {
        year,
        calendar,
        pinnedVersions: versionsInForce(catalogue, calendar.enrolmentCloses),
      });
      created.push(year);
    }
    editions.push({ year, calendar: edition.calendar, pinnedVersions: edition.pinnedVersions });
  }
  return { editions, created };
}

/** One letter of intent and one course certificate, stored as uploads are, shared by every seeded enrolment. */
async function storeDocuments(app: INestApplicationContext): Promise<{ letter: StoredFileRef; course: StoredFileRef }> {
  return app.get(FilesService).transactionWithUploads(async (_em, stage) => ({
    letter: await stage(
      {
        field: 'letterOfIntent',
        fileName: 'carta-de-intencao.pdf',
        declaredMime: 'application/pdf',
        bytes: minimalPdf('Carta de intencao - MigraCidades'),
      },
      ['pdf'],
      'letterOfIntent',
    ),
    course: await stage(
      {
        field: 'certificate',
        fileName: 'certificado-curso-enap.pdf',
        declaredMime: 'application/pdf',
        bytes: minimalPdf('Certificado de conclusao - curso ENAP de governanca migratoria local'),
      },
      ['pdf'],
      'certificate',
    ),
  }));
}

/** Every government, or a deterministic sample of `count` of them; in IBGE code order. */
async function pickGovernments(ds: DataSource, seed: string, count?: number): Promise<Government[]> {
  const rows = (await ds.query('SELECT * FROM governments ORDER BY ibge_code')) as {
    ibge_code: string;
    kind: string;
    name: string;
    uf: string;
    population?: number | string | null;
  }[];
  const all = rows.map((r) => ({
    ibgeCode: r.ibge_code,
    kind: r.kind,
    name: r.name,
    uf: r.uf,
    population: asNumber(r.population, 'nullable'),
  }));
  if (count === undefined || count >= all.length) return all;
  return all
    .map((g) => ({ g, order: hash32(`${seed}/sample/${g.ibgeCode}`) }))
    .sort((a, b) => a.order - b.order)
    .slice(0, count)
    .map((x) => x.g)
    .sort((a, b) => a.ibgeCode.localeCompare(b.ibgeCode));
}
