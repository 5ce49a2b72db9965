import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { searchKey } from '../governments/ibge-reference';
import { APPROVED_STATES, type AssessmentState, STATE_LABELS } from './assessment-state';
import type { AssessmentListDto, AssessmentListQueryDto, AssessmentSort } from './assessment-list.dto';

/**
 * Tie-breakers end on the id, so that paging is stable. Every order starts from an indexed column of
 * `assessments` (UNIQUE (edition_year, government_code), or the table itself) and SQLite keeps only the
 * top `offset + limit` rows while sorting.
 */
const ORDER_BY: Record<AssessmentSort, string> = {
  '-edition': 'a."edition_year" DESC, g."search_name", a."id"',
  edition: 'a."edition_year" ASC, g."search_name", a."id"',
  name: 'g."search_name", a."edition_year" DESC, a."id"',
  '-updated': 'a."updated_at" DESC, a."id"',
  '-index': '"index_score" IS NULL, "index_score" DESC, g."search_name", a."id"',
};

interface ListRow {
  id: string;
  edition_year: number;
  government_code: string;
  name: string;
  uf: string;
  kind: 'municipality' | 'state';
  state: AssessmentState;
  round: number;
  submitted_at: string | null;
  approved_at: string | null;
  updated_at: string;
  index_score: number | null;
}

/** SQLite's stored datetimes as the ISO strings the other endpoints return. */
const ISO = (column: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;

/** Assessments across governments, filtered and paged in SQL: what the staff's lists read. */
@Injectable()
export class AssessmentListService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: AssessmentListQueryDto): Promise<AssessmentListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    // Officials see only their own government; asking for another one is a filter that matches nothing,
    // as it always was on this route (routes about one assessment answer 403 instead).
    if (actor.role === 'official') add('a."government_code" = ?', actor.governmentCode);
    if (query.government) add('a."government_code" = ?', query.government);
    if (query.edition !== undefined) add('a."edition_year" = ?', query.edition);
    if (query.state) add('a."state" = ?', query.state);
    if (query.uf) add('g."uf" = ?', query.uf);
    if (query.kind) add('g."kind" = ?', query.kind);
    const key = query.q ? searchKey(query.q) : '';
    if (key) add(`g."search_name" LIKE ? ESCAPE '\\'`, `%${key.replace(/[\\%_]/g, '\\$&')}%`);

    const joins = 'FROM "assessments" a JOIN "governments" g ON g."ibge_code" = a."government_code"';
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const approved = APPROVED_STATES.map((s) => `'${s}'`).join(', ');
    const rows: ListRow[] = await this.dataSource.query(
      `SELECT a."id", a."edition_year", a."government_code", g."name", g."uf", g."kind", a."state", a."round",
        ${ISO('a."submitted_at"')} AS "submitted_at", ${ISO('a."approved_at"')} AS "approved_at",
        ${ISO('a."updated_at"')} AS "updated_at",
        CASE WHEN a."state" IN (${approved}) THEN f."index_score" END AS "index_score"
      ${joins} LEFT JOIN "assessment_facts" f ON f."assessment_id" = a."id" ${filter}
      ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const [{ total }] = (await this.dataSource.query(`SELECT COUNT(*) AS "total" ${joins} ${filter}`, params)) as {
      total: number;
    }[];
    return {
      total,
      limit: query.limit,
      offset: query.offset,
      items: rows.map((r) => ({
        id: r.id,
        editionYear: r.edition_year,
        government: { ibgeCode: r.government_code, name: r.name, uf: r.uf, kind: r.kind },
        state: r.state,
        stateLabel: STATE_LABELS[r.state],
        round: r.round,
        submittedAt: r.submitted_at,
        approvedAt: r.approved_at,
        index: r.index_score,
        updatedAt: r.updated_at,
      })),
    };
  }
}
