import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  asNumber,
  asTimestampText,
  dialectOfRunner,
  isoTimestamp,
  placeholders,
  rawQuery,
} from '../../database/portable-sql';
import type { AssessmentState } from '../assessment/assessment-state';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { UserDirectory } from '../auth/user-directory.service';
import { EditionsService } from '../editions/editions.service';
import { GovernmentEntity } from '../governments/government.entity';

/** The states a diagnosis waits in for a reviewer's act: the queue's default. */
const REVIEW_STATES: readonly AssessmentState[] = ['submitted', 'resubmitted', 'in-review'];

/** Who last took a diagnosis into review (read from its audit trail, which an index orders per assessment). */
const LAST_REVIEWER = `(SELECT l."actor_id" FROM "audit_log" l WHERE l."assessment_id" = a."id"
  AND l."action" = 'assessment.start-review' ORDER BY l."id" DESC LIMIT 1)`;

export interface QueuePageFilter {
  readonly edition?: number;
  readonly uf?: string;
  readonly status?: AssessmentState;
  readonly reviewer?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The queue's page and the choices its filters offer (queueScreen). */
export interface QueueScreen {
  readonly page: QueuePage;
  readonly reviewers: readonly { readonly id: string; readonly name: string }[];
  readonly editionYears: readonly number[];
  /** The filter as applied. */
  readonly filter: QueuePageFilter;
}

/** A row of the review queue's API, as stored. */
interface QueueEntry {
  id: string;
  editionYear: number;
  governmentCode: string;
  governmentName: string;
  uf: string;
  kind: string;
  state: string;
  round: number;
  submittedAt: string | Date | null;
  updatedAt: string | Date;
}

interface QueueRow {
  id: string;
  edition_year: number;
  government_code: string;
  name: string;
  uf: string;
  kind: 'municipality' | 'state';
  state: AssessmentState;
  round: number;
  submitted_at: string | null;
  reviewer_id: string | null;
}

export interface QueuePage {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly {
    readonly id: string;
    readonly editionYear: number;
    readonly government: {
      readonly ibgeCode: string;
      readonly name: string;
      readonly uf: string;
      readonly kind: string;
    };
    readonly state: AssessmentState;
    readonly round: number;
    readonly submittedAt: string | null;
    readonly reviewerId: string | null;
    /** The reviewer's name, deactivated since or not. */
    readonly reviewerName: string | null;
  }[];
}

/** The diagnoses waiting for a reviewer: the API's queue and the paged queue the reviewers' page reads. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
    private readonly editions: EditionsService,
  ) {}

  async queue(filter: { edition?: number; uf?: string; status?: string }) {
    const qb = this.dataSource
      .getRepository(AssessmentEntity)
      .createQueryBuilder('a')
      .innerJoin(GovernmentEntity, 'g', 'g.ibge_code = a.government_code')
      .select([
        'a.id AS "id"',
        'a.edition_year AS "editionYear"',
        'a.government_code AS "governmentCode"',
        'g.name AS "governmentName"',
        'g.uf AS "uf"',
        'g.kind AS "kind"',
        'a.state AS "state"',
        'a.round AS "round"',
        'a.submitted_at AS "submittedAt"',
        'a.updated_at AS "updatedAt"',
      ]);
    if (filter.edition) qb.andWhere('a.edition_year = :edition', { edition: filter.edition });
    if (filter.uf) qb.andWhere('g.uf = :uf', { uf: filter.uf });
    if (filter.status) qb.andWhere('a.state = :status', { status: filter.status });
    else qb.andWhere('a.state IN (:...states)', { states: REVIEW_STATES });
    // PostgreSQL sorts NULLs last in an ascending order, SQLite first: pg is told to do as SQLite does.
    const nulls = dialectOfRunner(this.dataSource) === 'postgres' ? 'NULLS FIRST' : undefined;
    const rows = await qb.orderBy('a.submitted_at', 'ASC', nulls).addOrderBy('g.name', 'ASC').getRawMany<QueueEntry>();
    // The stored text, as SQLite gives it, whichever database (pg's driver gives Dates).
    return rows.map((r) => ({
      ...r,
      submittedAt: asTimestampText(r.submittedAt),
      updatedAt: asTimestampText(r.updatedAt),
    }));
  }

  /**
   * The queue's page with the choices of its filters: who may take a diagnosis into review (active reviewers and
   * administrators, for the reviewer filter, which names no one else: an unknown reviewer filters nothing) and
   * the editions, newest first.
   */
  async queueScreen(filter: QueuePageFilter): Promise<QueueScreen> {
    const reviewersRead = this.users.activeNamesWithRoles(['reviewer', 'admin']);
    const appliedRead =
      filter.reviewer === undefined
        ? Promise.resolve(filter)
        : reviewersRead.then((rs) =>
            rs.some((r) => r.id === filter.reviewer) ? filter : { ...filter, reviewer: undefined },
          );
    // Without a reviewer filter the page waits for no list: the three reads run together.
    const [reviewers, editionYears, applied, page] = await Promise.all([
      reviewersRead,
      this.editions.years(),
      appliedRead,
      appliedRead.then((f) => this.queuePage(f)),
    ]);
    return { page, reviewers, editionYears, filter: applied };
  }

  /**
   * The queue as pages read it: filtered and paged in SQL, with the total and each diagnosis's reviewer (who
   * last took it into review). `reviewer` keeps the diagnoses a given reviewer took; the default states are
   * those waiting for a reviewer's act.
   */
  async queuePage(filter: QueuePageFilter): Promise<QueuePage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    // Without an edition, every edition is named so that the (edition_year, state) index serves the state filter:
    // a scan would read every assessment's large score snapshot (on 8,000 assessments ~190 ms instead of ~0.5 ms).
    if (filter.edition) add('a."edition_year" = ?', filter.edition);
    else where.push('a."edition_year" IN (SELECT "year" FROM "editions")');
    if (filter.uf) add('g."uf" = ?', filter.uf);
    if (filter.status) add('a."state" = ?', filter.status);
    else add(`a."state" IN (${placeholders(REVIEW_STATES.length)})`, ...REVIEW_STATES);
    if (filter.reviewer) add(`${LAST_REVIEWER} = ?`, filter.reviewer);
    const from = `FROM "assessments" a JOIN "governments" g ON g."ibge_code" = a."government_code"
      WHERE ${where.join(' AND ')}`;
    const dialect = dialectOfRunner(this.dataSource);
    // PostgreSQL sorts NULLs last in an ascending order, SQLite first: pg is told to do as SQLite does.
    const order = `a."submitted_at" ASC${dialect === 'postgres' ? ' NULLS FIRST' : ''}, g."search_name" ASC, a."id" ASC`;
    // The page's ids first; the reviewer is looked up for those rows only.
    const rows = await rawQuery<QueueRow>(
      this.dataSource,
      `SELECT a."id", a."edition_year", a."government_code", g."name", g."uf", g."kind", a."state", a."round",
        ${isoTimestamp(dialect, 'a."submitted_at"')} AS "submitted_at", ${LAST_REVIEWER} AS "reviewer_id"
      FROM (SELECT a."id" ${from} ORDER BY ${order} LIMIT ? OFFSET ?) page
      JOIN "assessments" a ON a."id" = page."id" JOIN "governments" g ON g."ibge_code" = a."government_code"
      ORDER BY ${order}`,
      [...params, filter.limit, filter.offset],
    );
    const [[{ total }], names] = await Promise.all([
      rawQuery<{ total: number | string }>(this.dataSource, `SELECT COUNT(*) AS "total" ${from}`, params),
      this.users.namesOf(rows.flatMap((r) => (r.reviewer_id ? [r.reviewer_id] : []))),
    ]);
    return {
      total: asNumber(total),
      limit: filter.limit,
      offset: filter.offset,
      items: rows.map((r) => ({
        id: r.id,
        editionYear: r.edition_year,
        government: { ibgeCode: r.government_code, name: r.name, uf: r.uf, kind: r.kind },
        state: r.state,
        round: r.round,
        submittedAt: r.submitted_at,
        reviewerId: r.reviewer_id,
        reviewerName: r.reviewer_id ? (names.get(r.reviewer_id) ?? null) : null,
      })),
    };
  }
}
