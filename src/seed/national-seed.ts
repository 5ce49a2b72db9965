import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { asNumber, dialectOfRunner, jsonText, rawQuery, type SqlDialect } from '../database/portable-sql';
import type { AnswerEntity } from '../core/assessment/answer.entity';
import type { AssessmentEntity } from '../core/assessment/assessment.entity';
import type { AssessmentState } from '../core/assessment/assessment-state';
import type { EnrolmentRecord, ScoreSnapshot } from '../core/assessment/assessment.types';
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
import {
  generateGroup,
  governmentProfile,
  type GovernmentLike,
  hash32,
  maturityAt,
  seededUuid,
  unit,
} from './national-profile';

/** Marks what the seed wrote: the enrolment's `enrolledBy` and the answers' `updatedBy`. */
export const SEED_ACTOR_ID = 'seed-national';
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

/** SQLite binds at most 32,766 values per statement (PostgreSQL 65,535). */
const MAX_BOUND = 32_000;
/** Governments per transaction (about 5 x 80 answers each). */
const GOVERNMENTS_PER_TRANSACTION = 800;

/** Which assessments the seed wrote (it signs their enrolment). */
export const seeded = (dialect: SqlDialect) => `${jsonText(dialect, 'enrolment', 'enrolledBy')} = '${SEED_ACTOR_ID}'`;

interface Edition {
  readonly year: number;
  readonly calendar: EditionCalendar;
  readonly pinnedVersions: Record<string, number>;
}

interface Government extends GovernmentLike {
  readonly name: string;
  readonly uf: string;
}

/**
 * Multi-row INSERTs of as many rows as the bound-value limit allows. The tables a row refers to are flushed
 * first, so that every reference is already there (a foreign key found missing, even for a moment, makes
 * SQLite search the referring tables at every later insert).
 */
class BulkInsert {
  private values: unknown[] = [];
  private rows = 0;
  private readonly perStatement: number;
  private readonly row: string;
  total = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly refersTo: readonly BulkInsert[] = [],
  ) {
    this.perStatement = Math.floor(MAX_BOUND / columns.length);
    this.row = `(${columns.map(() => '?').join(', ')})`;
  }

  async add(values: readonly unknown[]): Promise<void> {
    this.values.push(...values);
    this.rows += 1;
    if (this.rows === this.perStatement) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows === 0) return;
    for (const parent of this.refersTo) await parent.flush();
    const sql = `INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(this.rows).fill(this.row).join(', ')}`;
    await rawQuery(this.em, sql, this.values);
    this.total += this.rows;
    this.values = [];
    this.rows = 0;
  }
}

const ASSESSMENT_COLUMNS = [
  'id',
  'edition_year',
  'government_code',
  'state',
  'versions',
  'previous_assessment_id',
  'round',
  'enrolment',
  'score_snapshot',
  'submitted_at',
  'approved_at',
  'row_version',
  'created_at',
  'updated_at',
];
const ANSWER_COLUMNS = [
  'assessment_id',
  'group_slug',
  'item_key',
  'value',
  'evidence',
  'version',
  'carried',
  'changed_round',
  'review_status',
  'reviewer_rating',
  'review_note',
  'reviewed_round',
  'updated_by',
  'updated_at',
];
const PRIORITY_COLUMNS = [
  'id',
  'assessment_id',
  'group_slug',
  'item_key',
  'commitment',
  'progress_status',
  'progress_note',
  'progress_reported_in',
  'created_at',
];

/** As TypeORM stores a Date in SQLite. */
const sqlDate = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
const dayMs = 86_400_000;
/** A deterministic moment between two calendar dates (YYYY-MM-DD), in working hours. */
function between(from: string, to: string, r: number): Date {
  const a = Date.parse(`${from}T00:00:00Z`);
  const days = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - a) / dayMs));
  return new Date(
    a +
      Math.floor(r * (days + 1)) * dayMs +
      (9 + (Math.floor(r * 9973) % 9)) * 3_600_000 +
      (Math.floor(r * 7919) % 60) * 60_000,
  );
}

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

interface SeedContext {
  readonly seed: string;
  readonly gov: Government;
  readonly editions: readonly Edition[];
  readonly taken: ReadonlySet<string>;
  /** Item key → its identity across versions (the export column), for one version of a group. */
  readonly columns: (group: string, version: number) => ReadonlyMap<string, string>;
  readonly catalogue: QuestionnaireCatalogue;
  readonly review: ReviewService;
  readonly files: { readonly letter: StoredFileRef; readonly course: StoredFileRef };
}

interface Chosen {
  readonly id: string;
  readonly assessmentId: string;
  readonly group: string;
  readonly key: string;
  readonly identity: string;
  readonly points: number;
  readonly commitment: string;
  readonly createdAt: string;
  progress: { status: string; note: string; reportedIn: string } | null;
}

const PROGRESS_NOTES: Record<string, string> = {
  achieved: 'Meta cumprida: o item passou a ser plenamente atendido.',
  'in-progress': 'Em andamento: houve avanço desde a edição anterior.',
  'not-started': 'Ainda não iniciado; a ação foi reprogramada.',
};

/** The government's assessments in every edition; returns how many editions it already had. */
async function seedGovernment(
  c: SeedContext,
  out: Record<'assessments' | 'answers' | 'priorities', BulkInsert>,
): Promise<number> {
  const { seed, gov } = c;
  const profile = governmentProfile(seed, gov);
  const chosen: Chosen[] = [];
  let previous: { id: string; priorities: Chosen[] } | null = null;
  let skipped = 0;
  for (const [position, edition] of c.editions.entries()) {
    if (c.taken.has(`${edition.year}/${gov.ibgeCode}`)) {
      skipped += 1;
      continue;
    }
    const label = `${seed}/${gov.ibgeCode}/${edition.year}`;
    const id = seededUuid(`${label}/assessment`);
    const cal = edition.calendar;
    const enrolledAt = between(cal.enrolmentOpens, cal.enrolmentCloses, unit(`${label}/enrolled`));
    const submittedAt = between(cal.enrolmentCloses, cal.diagnosisDeadline, unit(`${label}/submitted`));
    const approvedAt = between(cal.diagnosisDeadline, cal.reviewDeadline, unit(`${label}/approved`));
    const last = position === c.editions.length - 1;
    const state: AssessmentState = unit(`${label}/certified`) < (last ? 0.55 : 0.88) ? 'certified' : 'priorities-set';
    const round = unit(`${label}/round`) < 0.12 ? 2 : 1;
    const maturity = maturityAt(seed, gov, profile, position, edition.year);
    const prioritised = new Set((previous?.priorities ?? []).map((p) => p.identity));

    const rows: Pick<
      AnswerEntity,
      'groupSlug' | 'itemKey' | 'value' | 'evidence' | 'reviewerRating' | 'reviewStatus'
    >[] = [];
    const answerRows: unknown[][] = [];
    const reviewedAt = sqlDate(approvedAt);
    for (const [group, version] of Object.entries(edition.pinnedVersions)) {
      const q = c.catalogue.version(group, version);
      const columns = c.columns(group, version);
      const identity = (key: string) => columns.get(key)!;
      const drawn = generateGroup(q, {
        seed,
        ibgeCode: gov.ibgeCode,
        governmentName: gov.name,
        year: edition.year,
        maturity,
        identity,
        prioritised,
      });
      for (const item of q.items) {
        const value = drawn.answers[item.key];
        if (value === undefined) continue;
        const at = `${label}/${identity(item.key)}`;
        const adjusted = item.type === 'yes-partial-no' && value === 'yes' && unit(`${at}/adjust`) < 0.03;
        const changed = round === 2 && unit(`${at}/changed`) < 0.1 ? 2 : 1;
        // Every positive answer to an item that requires evidence has it (the generator sees to that), so the
        // review's own scoring counts it, as it would after a real submission and review.
        const evidence = drawn.evidence.get(item.key);
        rows.push({
          groupSlug: group,
          itemKey: item.key,
          value,
          evidence: evidence ? [...evidence] : null,
          reviewerRating: adjusted ? 'partial' : null,
          reviewStatus: adjusted ? 'adjusted' : 'accepted',
        });
        answerRows.push([
          id,
          group,
          item.key,
          JSON.stringify(value),
          evidence ? JSON.stringify(evidence) : null,
          changed,
          0,
          changed,
          adjusted ? 'adjusted' : 'accepted',
          adjusted ? JSON.stringify('partial') : null,
          adjusted ? 'A evidência comprova apenas parte do que foi declarado.' : null,
          round,
          SEED_ACTOR_ID,
          reviewedAt,
        ]);
      }
    }
    const snapshot: ScoreSnapshot = {
      ...c.review.snapshot({ versions: edition.pinnedVersions, round } as AssessmentEntity, rows as AnswerEntity[]),
      takenAt: approvedAt.toISOString(),
    };
    const points = new Map(
      snapshot.groups.flatMap((g) => {
        const columns = c.columns(g.group, g.questionnaireVersion);
        return g.items.map((i) => [columns.get(i.key)!, i.points] as const);
      }),
    );

    for (const p of previous?.priorities ?? []) {
      const now = points.get(p.identity);
      if (now === undefined || now === null) continue; // dropped by the new version, or not counted: nothing comparable to report
      const status = now >= 100 ? 'achieved' : now > p.points ? 'in-progress' : 'not-started';
      p.progress = { status, note: PROGRESS_NOTES[status], reportedIn: id };
    }
    const mine = choosePriorities(c, snapshot, edition, id, label, sqlDate(new Date(approvedAt.getTime() + 7 * dayMs)));
    chosen.push(...mine);

    const enrolment: EnrolmentRecord = {
      letterOfIntent: c.files.letter,
      focalPerson: {
        name: `Ponto focal — ${gov.name}`,
        email: `ponto-focal-${gov.ibgeCode}@exemplo.gov.br`,
        phone: '(61) 3000-0000',
        department: 'Secretaria de Direitos Humanos e Cidadania',
      },
      substitutes: [
        {
          name: `Suplente — ${gov.name}`,
          email: `suplente-${gov.ibgeCode}@exemplo.gov.br`,
          department: 'Secretaria de Assistência Social',
        },
      ],
      migrantService: {
        name: 'Centro de Referência para Migrantes',
        phone: '(61) 3000-1000',
        email: `migrantes-${gov.ibgeCode}@exemplo.gov.br`,
        address: `Praça da Matriz, s/n, Centro, ${gov.name} - ${gov.uf}`,
      },
      course: {
        completedAt: between(cal.enrolmentOpens, cal.enrolmentCloses, unit(`${label}/course`))
          .toISOString()
          .slice(0, 10),
        certificate: c.files.course,
      },
      enrolledAt: enrolledAt.toISOString(),
      enrolledBy: SEED_ACTOR_ID,
    };
    const transitions = 5 + (state === 'certified' ? 1 : 0) + (round === 2 ? 3 : 0);
    await out.assessments.add([
      id,
      edition.year,
      gov.ibgeCode,
      state,
      JSON.stringify(edition.pinnedVersions),
      previous?.id ?? null,
      round,
      JSON.stringify(enrolment),
      JSON.stringify(snapshot),
      sqlDate(submittedAt),
      sqlDate(approvedAt),
      1 + transitions,
      sqlDate(enrolledAt),
      sqlDate(state === 'certified' ? new Date(`${cal.certificationDate}T12:00:00Z`) : approvedAt),
    ]);
    for (const row of answerRows) await out.answers.add(row);
    previous = { id, priorities: mine };
  }
  for (const p of chosen) {
    await out.priorities.add([
      p.id,
      p.assessmentId,
      p.group,
      p.key,
      p.commitment,
      p.progress?.status ?? null,
      p.progress?.note ?? null,
      p.progress?.reportedIn ?? null,
      p.createdAt,
    ]);
  }
  return skipped;
}

/** One to four gaps (items counted and not fully met), the weightier more likely, committed to in pt-BR. */
function choosePriorities(
  c: SeedContext,
  snapshot: ScoreSnapshot,
  edition: Edition,
  assessmentId: string,
  label: string,
  createdAt: string,
): Chosen[] {
  const gaps = snapshot.groups.flatMap((g) => {
    const q = c.catalogue.version(g.group, g.questionnaireVersion);
    return g.items
      .filter((i) => i.counted && (i.points ?? 0) < 100)
      .map((i) => {
        const item = q.items.find((x) => x.key === i.key)!;
        return {
          group: g.group,
          key: i.key,
          points: i.points ?? 0,
          label: item.label['pt-BR'],
          rank: item.weight * (0.5 + unit(`${label}/rank/${g.group}/${i.key}`)),
        };
      });
  });
  const count = Math.min(gaps.length, 1 + Math.floor(unit(`${label}/priorities`) * 4));
  return gaps
    .sort((a, b) => b.rank - a.rank)
    .slice(0, count)
    .map((g) => ({
      id: seededUuid(`${label}/priority/${g.group}/${g.key}`),
      assessmentId,
      group: g.group,
      key: g.key,
      identity: c.columns(g.group, edition.pinnedVersions[g.group]).get(g.key)!,
      points: g.points,
      commitment:
        c.catalogue.group(g.group).definition.recommendations[g.key]?.['pt-BR'] ??
        `Avançar em "${g.label}" até a próxima edição.`,
      createdAt,
      progress: null,
    }));
}
