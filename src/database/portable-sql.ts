import type { DataSource, EntityManager } from 'typeorm';
import { type Dialect, dialectOf } from './dialect';

/**
 * Raw SQL written once for SQLite and PostgreSQL. Write `?` placeholders and SQL both accept
 * (`CURRENT_TIMESTAMP`, `ON CONFLICT`, `RETURNING`, `COALESCE`, `CASE`, `COUNT(*) FILTER (WHERE …)`,
 * `TRUE`/`FALSE`); use the fragments below only where the two truly differ, and the `as…` helpers to read
 * results the same way (pg returns COUNT/SUM as strings and timestamps as Date; JSON comes as text from both
 * as the pool is set up, and asJson also takes it parsed).
 * Never use PostgreSQL's jsonb `?` operators: every `?` outside quotes and comments is a placeholder.
 */
export type SqlDialect = Dialect;

/** Anything raw SQL can run on: a DataSource, or an EntityManager (a transaction's). */
export type SqlRunner = DataSource | EntityManager;

/** The dialect a DataSource or EntityManager speaks (dialect.ts's dialectOf, under the name callers use here). */
export const dialectOfRunner: (db: SqlRunner) => SqlDialect = dialectOf;

/** The text to send: unchanged for SQLite; for PostgreSQL `?` becomes `$1…$n` outside literals and comments. */
export function sqlFor(dialect: SqlDialect, text: string): string {
  return dialect === 'postgres' ? numberPlaceholders(text) : text;
}

/** Runs one raw query written with `?` placeholders on whichever database `db` is. */
export async function rawQuery<T = Record<string, unknown>>(
  db: SqlRunner,
  text: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  return (await db.query(sqlFor(dialectOf(db), text), [...params])) as T[];
}

/** Skips a quoted run ('…', "…" with doubled quotes) or a comment starting at `i`; returns the index after it. */
function skipQuotedOrComment(text: string, i: number): number {
  const c = text[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === c && text[j + 1] === c) j += 2;
      else if (text[j] === c) return j + 1;
      else j++;
    }
    return j;
  }
  if (c === '-' && text[i + 1] === '-') {
    const end = text.indexOf('\n', i);
    return end < 0 ? text.length : end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  return i;
}

function numberPlaceholders(text: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const after = skipQuotedOrComment(text, i);
    if (after > i) {
      out += text.slice(i, after);
      i = after;
    } else {
      out += text[i] === '?' ? `$${++n}` : text[i];
      i++;
    }
  }
  return out;
}

/** `{a,b}` path text of a dotted JSON path, for PostgreSQL's `#>>`. */
const pgPath = (path: string) => `'{${path.split('.').join(',')}}'`;

/** A field of a JSON column as text (`path` dotted, e.g. `index.index`). On SQLite a number stays a number. */
export function jsonText(dialect: SqlDialect, column: string, path: string): string {
  return dialect === 'postgres' ? `(${column} #>> ${pgPath(path)})` : `json_extract(${column}, '$.${path}')`;
}

/** A JSON object or array inside a JSON column: JSON text from SQLite, parsed from pg (read it with asJson). */
export function jsonPart(dialect: SqlDialect, column: string, path: string): string {
  return dialect === 'postgres' ? `(${column} #> ${pgPath(path)})` : `json_extract(${column}, '$.${path}')`;
}

/** A numeric field of a JSON column, as a number on both. */
export function jsonNumber(dialect: SqlDialect, column: string, path: string): string {
  return dialect === 'postgres'
    ? `CAST(${column} #>> ${pgPath(path)} AS DOUBLE PRECISION)`
    : `json_extract(${column}, '$.${path}')`;
}

/**
 * A timestamp column as ISO 8601 text in UTC with milliseconds (`2026-12-01T20:51:49.123Z`). On PostgreSQL
 * the column is a timestamptz (an instant), shown in UTC whatever the session's time zone.
 */
export function isoTimestamp(dialect: SqlDialect, column: string): string {
  return dialect === 'postgres'
    ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;
}

/** The smallest of several values (SQLite's two-argument MIN, PostgreSQL's LEAST). */
export function least(dialect: SqlDialect, ...values: string[]): string {
  return `${dialect === 'postgres' ? 'LEAST' : 'MIN'}(${values.join(', ')})`;
}

/** The largest of several values (SQLite's two-argument MAX, PostgreSQL's GREATEST). */
export function greatest(dialect: SqlDialect, ...values: string[]): string {
  return `${dialect === 'postgres' ? 'GREATEST' : 'MAX'}(${values.join(', ')})`;
}

/** The case-insensitive LIKE: SQLite's LIKE already ignores ASCII case, PostgreSQL's needs ILIKE. */
export function likeInsensitive(dialect: SqlDialect): string {
  return dialect === 'postgres' ? 'ILIKE' : 'LIKE';
}

/** A COUNT or SUM: a number from SQLite, a bigint string from PostgreSQL. NULL stays null. */
export function asNumber(value: unknown): number;
export function asNumber(value: unknown, orNull: 'nullable'): number | null;
export function asNumber(value: unknown, orNull?: 'nullable'): number | null {
  if (value === null || value === undefined) return orNull ? null : 0;
  return Number(value);
}

/** A JSON value read raw: text from SQLite, already parsed from PostgreSQL's json/jsonb. */
export function asJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A boolean read raw: 0/1 from SQLite, true/false from PostgreSQL. */
export function asBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/**
 * A timestamp read raw, in the form SQLite keeps it (`YYYY-MM-DD HH:MM:SS.SSS`, UTC): PostgreSQL's
 * driver hands over a Date. NULL stays null.
 */
export function asTimestampText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return String(value);
}

/**
 * A timestamp read raw as a Date: PostgreSQL's driver gives one; SQLite keeps the UTC text TypeORM writes
 * (`YYYY-MM-DD HH:MM:SS.SSS`, no zone), read as UTC as TypeORM does. NULL stays null.
 */
export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value).replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

/** A Date as a parameter for a timestamp column, as TypeORM writes it: UTC text on SQLite, the Date for pg. */
export function timestampParam(dialect: SqlDialect, date: Date): Date | string {
  return dialect === 'postgres' ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A boolean as a parameter: 1/0 on SQLite (as TypeORM stores it), true/false for PostgreSQL. */
export const booleanParam = (dialect: SqlDialect, value: boolean): boolean | number =>
  dialect === 'postgres' ? value : value ? 1 : 0;

/** A value for a JSON column (simple-json on SQLite, jsonb on PostgreSQL): its JSON text; null stays NULL. */
export const jsonParam = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/**
 * Whether two values are the same JSON, whatever the order of their objects' keys: PostgreSQL's jsonb gives
 * an object's keys sorted (by length, then bytes), not in the order they were written.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortedKeys(toJson(a))) === JSON.stringify(sortedKeys(toJson(b)));
}

const toJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)]));
}

/** Values per statement: within SQLite's limits on variables and expression depth, short for PostgreSQL's planner. */
export const VALUES_PER_STATEMENT = 200;

/**
 * SQLite: the rows of one JSON parameter (an array of arrays, `jsonRowsParam`) as a table of columns `c0, c1…`,
 * so that a statement over any number of rows has one text, which the connection keeps prepared
 * (statement-cache.ts) instead of preparing a new text for each count. JSON keeps what the values are bound as
 * (text, integers, reals, NULL). An INSERT reading it begins with the table, `WITH r AS (…) INSERT … SELECT`:
 * TypeORM runs a statement that begins with INSERT another way, which the cache leaves alone.
 */
export const jsonRows = (columns: number): string =>
  `SELECT ${Array.from({ length: columns }, (_, i) => `value ->> '$[${i}]' AS c${i}`).join(', ')} FROM json_each(?)`;

/** The parameter of `jsonRows`: each row's values in the order of its columns. */
export const jsonRowsParam = (rows: readonly (readonly unknown[])[]): string => JSON.stringify(rows);

/** Rows per multi-row INSERT on PostgreSQL: far below its limit on parameters for any of the engine's tables. */
const ROWS_PER_INSERT = 100;

/**
 * Inserts rows in plain SQL, in as few statements as the dialect takes (TypeORM's insert builder cost more CPU
 * than the statements it built): on SQLite one statement of one text whatever the count (the rows as one JSON
 * parameter, jsonRows), kept prepared; on PostgreSQL multi-row VALUES of at most ROWS_PER_INSERT rows. Each row
 * gives its values in the order of `columns`, as stored (jsonParam, timestampParam, booleanParam). `conflict`
 * follows the rows: `ON CONFLICT … DO NOTHING` or `DO UPDATE SET …`, which both dialects read alike.
 */
export async function insertRows(
  db: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  conflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => `"${c}"`).join(', ');
  if (dialectOf(db) === 'sqlite') {
    // WHERE TRUE: SQLite reads an ON CONFLICT right after a SELECT's FROM as a join's ON.
    await rawQuery(
      db,
      `WITH r AS (${jsonRows(columns.length)}) INSERT INTO "${table}" (${names}) SELECT * FROM r WHERE TRUE ${conflict}`,
      [jsonRowsParam(rows)],
    );
    return;
  }
  const row = `(${placeholders(columns.length)})`;
  for (const some of inChunks(rows, ROWS_PER_INSERT))
    await rawQuery(
      db,
      `INSERT INTO "${table}" (${names}) VALUES ${some.map(() => row).join(', ')} ${conflict}`,
      some.flat(),
    );
}

/**
 * A list of values for `column IN …`, with its parameters: on SQLite one JSON array read with json_each, so that
 * the statement has one text however many values it takes (kept prepared, statement-cache.ts); on PostgreSQL
 * a placeholder each (keep the list within VALUES_PER_STATEMENT: `inLists` splits it so).
 */
export function inList(dialect: SqlDialect, values: readonly unknown[]): { sql: string; params: unknown[] } {
  if (dialect === 'sqlite') return { sql: '(SELECT value FROM json_each(?))', params: [JSON.stringify(values)] };
  if (values.length === 0) return { sql: '(NULL)', params: [] }; // matches nothing
  return { sql: `(${placeholders(values.length)})`, params: [...values] };
}

/**
 * The values in as few statements as the dialect takes them: on SQLite all in one (inList's JSON array has no
 * limit), on PostgreSQL in runs of at most `size`.
 */
export const statementRuns = <T>(dialect: SqlDialect, values: readonly T[], size = VALUES_PER_STATEMENT): T[][] =>
  dialect === 'sqlite' ? (values.length > 0 ? [[...values]] : []) : inChunks(values, size);

/** `statementRuns`, each run with its list for `IN` (inList), to match rows back to its values. */
export const inLists = <T>(
  dialect: SqlDialect,
  values: readonly T[],
  size = VALUES_PER_STATEMENT,
): { values: T[]; sql: string; params: unknown[] }[] =>
  statementRuns(dialect, values, size).map((some) => ({ values: some, ...inList(dialect, some) }));

/** `?, ?, ?` for `count` values. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** The values in runs of at most `VALUES_PER_STATEMENT`, one statement each. */
export const inChunks = <T>(values: readonly T[], size = VALUES_PER_STATEMENT): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));
