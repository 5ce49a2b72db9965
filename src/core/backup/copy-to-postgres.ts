import type { DataSource, QueryRunner } from 'typeorm';
import { SqliteFile } from './sqlite-file';

/**
 * Moves a deployment from its SQLite file to PostgreSQL: every table's rows copied in one PostgreSQL
 * transaction, then each table counted on both sides. The target must already carry the same migrations
 * (the engine's data source runs them when it opens); the SQLite file is only read, and the engine that
 * used it must be stopped so that nothing is written after the copy began.
 */
export interface CopiedTable {
  readonly table: string;
  readonly source: number;
  readonly target: number;
}

export interface CopyReport {
  readonly tables: readonly CopiedTable[];
  readonly rows: number;
  readonly lastMigration: string;
}

export class CopyError extends Error {}

/** PostgreSQL takes at most 65,535 parameters per statement; stay well under it. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 1_000;
/** Tables of the tools, not of the engine's data. */
const SKIPPED_TABLES = new Set(['migrations', 'typeorm_metadata', 'sqlite_sequence']);

interface TargetColumn {
  readonly name: string;
  readonly type: string;
}

export async function copyToPostgres(
  sqlitePath: string,
  target: DataSource,
  options: { force?: boolean } = {},
): Promise<CopyReport> {
  if (await SqliteFile.inUse(sqlitePath))
    throw new CopyError(`${sqlitePath} is open in another process: stop the engine before moving its database`);
  return SqliteFile.with(sqlitePath, 'read', async (source) => {
    const lastMigration = await sameMigrations(source, target);
    const tables = await tablesInOrder(source);
    const runner = target.createQueryRunner();
    try {
      await requireEmptyTarget(runner, options.force === true);
      await copyAll(source, runner, tables);
    } finally {
      await runner.release();
    }
    const counted = await countBoth(source, target, tables);
    const wrong = counted.filter((t) => t.source !== t.target);
    if (wrong.length > 0)
      throw new CopyError(
        `counts differ after the copy: ${wrong.map((t) => `${t.table} ${t.source} -> ${t.target}`).join(', ')}`,
      );
    return { tables: counted, rows: counted.reduce((n, t) => n + t.target, 0), lastMigration };
  });
}

/** Both databases must stand at the same schema version, or columns would not line up. */
async function sameMigrations(source: SqliteFile, target: DataSource): Promise<string> {
  const from = (await source.all<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp')).map(
    (m) => m.name,
  );
  const to = ((await target.query('SELECT name FROM migrations ORDER BY timestamp')) as { name: string }[]).map(
    (m) => m.name,
  );
  const missing = to.filter((m) => !from.includes(m));
  if (missing.length > 0)
    throw new CopyError(
      `the SQLite database lacks migrations ${missing.join(', ')}: run "npm run migration:run" on it first`,
    );
  const unknown = from.filter((m) => !to.includes(m));
  if (unknown.length > 0)
    throw new CopyError(`the SQLite database has migrations this version does not know: ${unknown.join(', ')}`);
  return to[to.length - 1] ?? '';
}

/** The data tables, parents before the tables whose foreign keys point at them. */
async function tablesInOrder(source: SqliteFile): Promise<string[]> {
  const names = (
    await source.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
  )
    .map((t) => t.name)
    .filter((t) => !SKIPPED_TABLES.has(t));
  const parents = new Map<string, string[]>();
  for (const name of names) {
    const keys = await source.all<{ table: string }>(`PRAGMA foreign_key_list("${name}")`);
    parents.set(
      name,
      keys.map((k) => k.table).filter((t) => t !== name),
    );
  }
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/** A target already in use is never overwritten unless asked; rows the migrations seeded are replaced. */
async function requireEmptyTarget(runner: QueryRunner, force: boolean): Promise<void> {
  if (force) return;
  const used = (await runner.query(
    'SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM assessments) AS assessments',
  )) as { users: string; assessments: string }[];
  if (Number(used[0].users) > 0 || Number(used[0].assessments) > 0)
    throw new CopyError(
      `the PostgreSQL database already holds ${used[0].users} users and ${used[0].assessments} assessments: give --force to replace them`,
    );
}

async function copyAll(source: SqliteFile, runner: QueryRunner, tables: string[]): Promise<void> {
  await runner.startTransaction();
  try {
    await runner.query("SET LOCAL TIME ZONE 'UTC'");
    // The facts tables are copied as they are: their triggers must not add rows of their own meanwhile, and
    // the audit log's guard against deletion must let the rows the migrations seeded (or --force) be replaced.
    for (const table of tables) await runner.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    await runner.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    for (const table of tables) await copyTable(source, runner, table);
    for (const table of tables) await runner.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    for (const table of tables) await advanceSequences(runner, table);
    await runner.commitTransaction();
  } catch (e) {
    await runner.rollbackTransaction();
    throw e;
  }
}

async function targetColumns(runner: QueryRunner, table: string): Promise<TargetColumn[]> {
  const rows = (await runner.query(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  )) as TargetColumn[];
  if (rows.length === 0) throw new CopyError(`table ${table} is missing on PostgreSQL`);
  return rows;
}

async function copyTable(source: SqliteFile, runner: QueryRunner, table: string): Promise<void> {
  const columns = await targetColumns(runner, table);
  const sourceColumns = (await source.all<{ name: string }>(`PRAGMA table_info("${table}")`)).map((c) => c.name);
  const absent = sourceColumns.filter((c) => !columns.some((t) => t.name === c));
  if (absent.length > 0) throw new CopyError(`columns ${absent.join(', ')} of ${table} are missing on PostgreSQL`);
  const shared = columns.filter((c) => sourceColumns.includes(c.name));
  const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / shared.length)));
  const list = shared.map((c) => `"${c.name}"`).join(', ');
  // Keyset paging on rowid: each step reads only its own rows, however large the table.
  for (let after = -1; ;) {
    const rows = await source.all<Record<string, unknown>>(
      `SELECT rowid AS "__rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      [after, perInsert],
    );
    if (rows.length === 0) return;
    await insertRows(runner, table, shared, rows);
    after = rows[rows.length - 1].__rowid as number;
  }
}

async function insertRows(
  runner: QueryRunner,
  table: string,
  columns: TargetColumn[],
  rows: Record<string, unknown>[],
): Promise<void> {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = columns.map((c) => {
      params.push(convert(row[c.name], c.type));
      return `$${params.length}`;
    });
    return `(${marks.join(', ')})`;
  });
  await runner.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
    params,
  );
}

/** SQLite keeps booleans as 0/1 and JSON as text; PostgreSQL's types take the rest as SQLite wrote them. */
function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return Number(value) !== 0;
  return value;
}

/** Ids were copied as they were: the identity and serial counters continue after the largest. */
async function advanceSequences(runner: QueryRunner, table: string): Promise<void> {
  const sequences = (await runner.query(
    `SELECT column_name AS name, pg_get_serial_sequence(quote_ident($1), column_name) AS seq
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  )) as { name: string; seq: string | null }[];
  for (const { name, seq } of sequences.filter((s) => s.seq !== null))
    await runner.query(`SELECT setval($1, COALESCE((SELECT MAX("${name}") FROM "${table}"), 0) + 1, false)`, [seq]);
}

async function countBoth(source: SqliteFile, target: DataSource, tables: string[]): Promise<CopiedTable[]> {
  const counted: CopiedTable[] = [];
  for (const table of tables) {
    const [from] = await source.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`);
    const [to] = (await target.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as { n: string }[];
    counted.push({ table, source: from.n, target: Number(to.n) });
  }
  return counted;
}
