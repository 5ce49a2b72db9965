import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { asJson, dialectOfRunner, jsonNumber, jsonPart, rawQuery, type SqlDialect } from '../../database/portable-sql';
import { APPROVED_STATES } from '../assessment/assessment-state';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerSet, AnswerValue } from '../questionnaire/questionnaire.types';
import {
  answersAsReviewed,
  csvSafe,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportLayout,
  exportLayout,
  type ExportRecord,
  exportRecord,
  flatCell,
} from './export-layout';

/** One edition, or every edition when `editionYear` is absent. */
export interface ExportScope {
  readonly editionYear?: number;
}

export interface ExportSummary {
  readonly rows: number;
  readonly columns: number;
}

export interface ExportFile {
  readonly stream: Readable;
  readonly contentType: string;
  readonly fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * Assessments read per query; their answers come in one more query. Small on purpose: a page's objects live
 * across the awaits of its writing, and the longer they live the more V8 promotes them to the old generation,
 * which it collects late. Measured on the national data (full XLSX): 10 per page peaks at 234 MB RSS in 18 s,
 * 50 at 326 MB in 14 s, 200 at 357 MB in 13.5 s.
 */
const PAGE = 10;

interface AssessmentPageRow {
  id: string;
  edition_year: number;
  government_code: string;
  state: string;
  versions: unknown;
  idx: number | null;
  group_scores: unknown;
  name: string;
  uf: string;
  region: string;
  kind: string;
}

/** An assessment's answers as one JSON array of [group, item, value, reviewer rating]. */
const packedAnswers = (dialect: SqlDialect) =>
  dialect === 'postgres'
    ? 'json_agg(json_build_array(group_slug, item_key, value, reviewer_rating))'
    : 'json_group_array(json_array(group_slug, item_key, json(value), json(reviewer_rating)))';

/** For callers that bypass the HTTP validation (scripts, benchmarks). */
function requireFormat(format: string): asserts format is ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new DomainError('VALIDATION_FAILED', message('common.export-format'), [
      { field: 'format', code: 'isIn', message: message('common.validation.export-format'), allowed: EXPORT_FORMATS },
    ]);
  }
}

/** An answer as the page query packs it: group, item key, value, reviewer's rating. */
type PackedAnswer = [string, string, AnswerValue | null, AnswerValue | null];

/**
 * The national picture as files: one row per approved assessment (approved, priorities set or certified),
 * with its scores and its answers as reviewed, under columns computed from the questionnaires up front.
 * Rows are read page by page and streamed out, so memory does not grow with the number of assessments.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);
  private cachedLayout?: ExportLayout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  /** The columns: every item of every published version of every group (see `exportLayout`). */
  layout(): ExportLayout {
    this.cachedLayout ??= exportLayout(
      this.catalogue.groups().map((g) => ({ slug: g.definition.slug, versions: [...g.versions.values()] })),
    );
    return this.cachedLayout;
  }

  /** Checks the scope (404 for an unknown edition), then streams the file as it is written. */
  async open(scope: ExportScope, format: ExportFormat): Promise<ExportFile> {
    requireFormat(format);
    await this.requireScope(scope);
    const stream = new PassThrough();
    this.write(stream, scope, format).catch((e: Error) => {
      // Usually the client went away; the response is cut short rather than silently truncated.
      this.logger.warn(`export ${format} ${scope.editionYear ?? 'all'} stopped: ${e.message}`);
      stream.destroy(e);
    });
    const name = scope.editionYear === undefined ? 'todas-as-edicoes' : String(scope.editionYear);
    return { stream, contentType: CONTENT_TYPES[format], fileName: `migracidades-${name}.${format}` };
  }

  /** Writes the export into `out` (e.g. a file stream) and ends it; resolves once everything is written. */
  async exportTo(out: Writable, scope: ExportScope, format: ExportFormat): Promise<ExportSummary> {
    requireFormat(format);
    await this.requireScope(scope);
    return this.write(out, scope, format);
  }

  private async requireScope(scope: ExportScope): Promise<void> {
    if (scope.editionYear === undefined) return;
    const [found] = await rawQuery(this.dataSource, 'SELECT 1 AS found FROM editions WHERE year = ?', [
      scope.editionYear,
    ]);
    if (!found) {
      throw new DomainError('EDITION_NOT_FOUND', message('common.edition-not-found', { year: scope.editionYear }));
    }
  }

  private async write(out: Writable, scope: ExportScope, format: ExportFormat): Promise<ExportSummary> {
    const columns = this.layout().columns;
    let rows = 0;
    const counted = async function* (records: AsyncIterable<ExportRecord>) {
      for await (const r of records) {
        rows += 1;
        yield r;
      }
    };
    const records = counted(this.records(scope));
    switch (format) {
      case 'csv': {
        const lines = async function* () {
          yield columns;
          for await (const r of records) yield columns.map((c) => csvSafe(flatCell(r[c])));
        };
        await pipeline(Readable.from(lines()), stringify({ bom: true }), out);
        break;
      }
      case 'json':
        await pipeline(Readable.from(jsonArray(records)), out);
        break;
      case 'xlsx':
        await writeXlsx(out, columns, records);
        break;
      default:
        throw new Error(`unknown export format ${String(format satisfies never)}`);
    }
    return { rows, columns: columns.length };
  }

  /** The rows, in edition then IBGE code order (a state right before its municipalities), page by page. */
  private async *records(scope: ExportScope): AsyncGenerator<ExportRecord> {
    const layout = this.layout();
    const states = APPROVED_STATES.map(() => '?').join(', ');
    const dialect = dialectOfRunner(this.dataSource);
    // The next page starts after the last one's key, compared as a row value: both databases then read the
    // (edition, government) index from that key (the same test written with OR made PostgreSQL scan the index from
    // its start at every page: 57 ms a page late in the national export, against under 1 ms).
    let after: [number, string] = [0, ''];
    for (;;) {
      const page = await rawQuery<AssessmentPageRow>(
        this.dataSource,
        `SELECT a.id, a.edition_year, a.government_code, a.state, a.versions,
                ${jsonNumber(dialect, 'a.score_snapshot', 'index.index')} AS idx,
                ${jsonPart(dialect, 'a.score_snapshot', 'index.groups')} AS group_scores,
                g.name, g.uf, g.region, g.kind
           FROM assessments a JOIN governments g ON g.ibge_code = a.government_code
          WHERE a.state IN (${states}) ${scope.editionYear === undefined ? '' : 'AND a.edition_year = ?'}
            AND (a.edition_year, a.government_code) > (?, ?)
          ORDER BY a.edition_year, a.government_code
          LIMIT ${PAGE}`,
        [...APPROVED_STATES, ...(scope.editionYear === undefined ? [] : [scope.editionYear]), after[0], after[1]],
      );
      if (page.length === 0) return;
      // One row per assessment with its answers as one JSON text: far fewer objects than a row per answer.
      const answers = await rawQuery<{ assessment_id: string; answers: unknown }>(
        this.dataSource,
        `SELECT assessment_id, ${packedAnswers(dialect)} AS answers
           FROM answers WHERE assessment_id IN (${page.map(() => '?').join(', ')}) GROUP BY assessment_id`,
        page.map((a) => a.id),
      );
      const byAssessment = new Map(answers.map((a) => [a.assessment_id, asJson<PackedAnswer[]>(a.answers)]));
      for (const a of page) yield exportRecord(layout, this.source(a, byAssessment.get(a.id) ?? []));
      const last = page[page.length - 1];
      after = [last.edition_year, last.government_code];
      if (page.length < PAGE) return;
    }
  }

  private source(a: AssessmentPageRow, rows: readonly PackedAnswer[]) {
    const versions = this.catalogue.inGroupOrder(asJson<Record<string, number>>(a.versions));
    const byGroup = new Map<
      string,
      { itemKey: string; value: AnswerValue | null; reviewerRating: AnswerValue | null }[]
    >();
    for (const [group, itemKey, value, reviewerRating] of rows) {
      const answer = { itemKey, value, reviewerRating };
      const list = byGroup.get(group);
      if (list) list.push(answer);
      else byGroup.set(group, [answer]);
    }
    const answers: Record<string, AnswerSet> = {};
    for (const [group, version] of Object.entries(versions)) {
      answers[group] = answersAsReviewed(this.catalogue.version(group, version), byGroup.get(group) ?? []);
    }
    const groupScores = asJson<{ group: string; score: number | null }[] | null>(a.group_scores) ?? [];
    return {
      ibgeCode: a.government_code,
      government: a.name,
      uf: a.uf,
      region: a.region,
      kind: a.kind,
      edition: a.edition_year,
      state: a.state,
      versions,
      index: a.idx,
      groupScores,
      answers,
    };
  }
}

/** A JSON array of row objects, one page of text at a time. */
async function* jsonArray(records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  let chunk = '';
  for await (const r of records) {
    chunk += `${first ? '\n' : ',\n'}${JSON.stringify(r)}`;
    first = false;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n]\n`;
}

/** Resolves when `out` can take more, rejects if it closes first (e.g. the client went away). */
function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('output closed'));
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose).off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('output closed'));
    out.on('drain', onDrain).on('close', onClose).on('error', done);
  });
}

/** exceljs's streaming writer: each row is committed (written out and dropped) as soon as it is added. */
async function writeXlsx(
  out: Writable,
  columns: readonly string[],
  records: AsyncIterable<ExportRecord>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('MigraCidades', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...columns]).commit();
  let n = 0;
  for await (const r of records) {
    sheet.addRow(columns.map((c) => flatCell(r[c]))).commit();
    if (++n % 200 === 0) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}
