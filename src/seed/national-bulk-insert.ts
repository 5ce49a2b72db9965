import type { EntityManager } from 'typeorm';
import { rawQuery } from '../database/portable-sql';

/** SQLite binds at most 32,766 values per statement (PostgreSQL 65,535). */
const MAX_BOUND = 32_000;
/**
 * Multi-row INSERTs of as many rows as the bound-value limit allows. The tables a row refers to are flushed
 * first, so that every reference is already there (a foreign key found missing, even for a moment, makes
 * SQLite search the referring tables at every later insert).
 */
export class BulkInsert {
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

export const ASSESSMENT_COLUMNS = [
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
/** The answers table's columns, as the autosave path writes them. */
export { ANSWER_COLUMNS } from '../core/assessment/answer-rows';
export const PRIORITY_COLUMNS = [
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
