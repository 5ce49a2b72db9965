import { DataSource } from 'typeorm';
import {
  asBoolean,
  asJson,
  asNumber,
  asTimestampText,
  greatest,
  inList,
  inLists,
  insertRows,
  isoTimestamp,
  jsonParam,
  jsonNumber,
  jsonPart,
  jsonText,
  least,
  likeInsensitive,
  rawQuery,
  sameJson,
  type SqlDialect,
  sqlFor,
} from './portable-sql';

describe('sqlFor', () => {
  it('leaves SQLite text as written', () => {
    expect(sqlFor('sqlite', 'SELECT * FROM t WHERE a = ? AND b = ?')).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
  });

  it('numbers the placeholders for PostgreSQL', () => {
    expect(sqlFor('postgres', 'INSERT INTO t (a, b) VALUES (?, ?), (?, ?)')).toBe(
      'INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)',
    );
  });

  it('keeps a ? inside string literals, quoted names and comments', () => {
    const text = `SELECT 'why?', 'it''s ?', "odd?name" FROM t -- any?\nWHERE a = ? /* b = ? */ AND c = ?`;
    expect(sqlFor('postgres', text)).toBe(
      `SELECT 'why?', 'it''s ?', "odd?name" FROM t -- any?\nWHERE a = $1 /* b = ? */ AND c = $2`,
    );
  });
});

describe('results read the same from both drivers', () => {
  it('numbers, JSON, booleans and timestamps', () => {
    expect([asNumber('42'), asNumber(42), asNumber(null), asNumber(null, 'nullable')]).toEqual([42, 42, 0, null]);
    expect([asJson('{"a":1}'), asJson({ a: 1 }), asJson(null)]).toEqual([{ a: 1 }, { a: 1 }, null]);
    expect([asBoolean(1), asBoolean(true), asBoolean(0), asBoolean(false), asBoolean(null)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(asTimestampText(new Date('2026-12-01T20:51:49.123Z'))).toBe('2026-12-01 20:51:49.123');
    expect(asTimestampText('2026-12-01 20:51:49.123')).toBe('2026-12-01 20:51:49.123');
  });
});

/** The same instant as each stores it: SQLite as TypeORM writes it (UTC), PostgreSQL with its zone. */
const stampOf = (dialect: SqlDialect) =>
  dialect === 'postgres' ? '2026-12-01 17:51:49.123-03' : '2026-12-01 20:51:49.123';

/** The fragments run on a real database: SQLite always, PostgreSQL when the tests are given one. */
const databases: [SqlDialect, () => DataSource][] = [
  ['sqlite', () => new DataSource({ type: 'sqlite', database: ':memory:' })],
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl?.startsWith('postgres')) databases.push(['postgres', () => new DataSource({ type: 'postgres', url: pgUrl })]);

describe.each(databases)('the fragments on %s', (dialect, open) => {
  let db: DataSource;
  beforeAll(async () => {
    db = await open().initialize();
  });
  afterAll(() => db.destroy());

  it('reads JSON fields, compares, formats timestamps and binds placeholders', async () => {
    const json = dialect === 'postgres' ? `CAST(? AS json)` : '?';
    const stamp = dialect === 'postgres' ? `CAST(? AS timestamptz)` : '?';
    const [row] = await rawQuery<Record<string, unknown>>(
      db,
      `SELECT ${jsonText(dialect, 'j', 'by.id')} AS "by", ${jsonNumber(dialect, 'j', 'index.index')} * 2 AS "twice",
         ${jsonPart(dialect, 'j', 'by')} AS "part",
         ${least(dialect, '3', '?')} AS "low", ${greatest(dialect, '3', '?')} AS "high",
         'ABC' ${likeInsensitive(dialect)} ? AS "like", ${isoTimestamp(dialect, 's')} AS "iso", 'what?' AS "q"
       FROM (SELECT ${json} AS j, ${stamp} AS s) AS t`,
      [5, 5, '%b%', '{"by":{"id":"u-1"},"index":{"index":12.5}}', stampOf(dialect)],
    );
    expect({
      ...row,
      part: asJson(row.part),
      like: asBoolean(row.like),
      low: asNumber(row.low),
      high: asNumber(row.high),
    }).toEqual({
      by: 'u-1',
      twice: 25,
      part: { id: 'u-1' },
      low: 3,
      high: 5,
      like: true,
      iso: '2026-12-01T20:51:49.123Z',
      q: 'what?',
    });
  });

  it('takes a list of values for IN, texts with quotes and spaces included, and an empty one', async () => {
    const ids = ["it's", 'a b', 'ç', 'unlisted'];
    const table = `(SELECT 'a b' AS id UNION ALL SELECT 'ç' UNION ALL SELECT 'x' UNION ALL SELECT 'it''s') AS t`;
    const found = async (values: string[]) => {
      const list = inList(dialect, values);
      const rows = await rawQuery<{ id: string }>(db, `SELECT id FROM ${table} WHERE id IN ${list.sql}`, list.params);
      return rows.map((r) => r.id).sort();
    };
    expect(await found(ids)).toEqual(['a b', "it's", 'ç']);
    expect(await found(['x'])).toEqual(['x']);
    expect(await found([])).toEqual([]);
  });

  it('splits a long list into statements only where the dialect needs it, every value found once', async () => {
    const values = Array.from({ length: 450 }, (_, i) => `v${i}`);
    const parts = inLists(dialect, values);
    expect(parts.map((p) => p.values.length)).toEqual(dialect === 'postgres' ? [200, 200, 50] : [450]);
    const table = `(SELECT 'v7' AS id UNION ALL SELECT 'v201' UNION ALL SELECT 'v449' UNION ALL SELECT 'v450') AS t`;
    const found: string[] = [];
    for (const list of parts) {
      const rows = await rawQuery<{ id: string }>(db, `SELECT id FROM ${table} WHERE id IN ${list.sql}`, list.params);
      found.push(...rows.map((r) => r.id));
    }
    expect(found.sort()).toEqual(['v201', 'v449', 'v7']);
    expect(inLists(dialect, [])).toEqual([]);
  });

  it('inserts rows in plain SQL, any count, values as given, conflicts left alone or updated as told', async () => {
    const table = `insert_rows_${process.pid}_${Date.now()}`;
    await db.query(`CREATE TABLE "${table}" ("id" varchar(10) PRIMARY KEY, "n" integer, "note" text, "data" text)`);
    try {
      const rows = Array.from({ length: 250 }, (_, i) => [`r${i}`, i, i % 2 ? null : `it's "${i}"`, jsonParam({ i })]);
      await insertRows(db, table, ['id', 'n', 'note', 'data'], rows);
      await insertRows(db, table, ['id', 'n', 'note', 'data'], []);
      // Two of these are there already: DO NOTHING keeps them as they were, and the new one goes in.
      const again = [
        ['r0', -1, 'changed', null],
        ['r249', -1, 'changed', null],
        ['r250', 250, null, null],
      ];
      await insertRows(db, table, ['id', 'n', 'note', 'data'], again, 'ON CONFLICT DO NOTHING');
      await insertRows(db, table, ['id', 'n'], [['r1', 100]], 'ON CONFLICT ("id") DO UPDATE SET "n" = excluded."n"');
      const read = await rawQuery<{ id: string; n: unknown; note: string | null; data: string | null }>(
        db,
        `SELECT "id", "n", "note", "data" FROM "${table}" WHERE "id" IN ('r0', 'r1', 'r249', 'r250')`,
      );
      expect(read.map((r) => ({ ...r, n: asNumber(r.n) })).sort((a, b) => a.n - b.n)).toEqual([
        { id: 'r0', n: 0, note: `it's "0"`, data: '{"i":0}' },
        { id: 'r1', n: 100, note: null, data: '{"i":1}' },
        { id: 'r249', n: 249, note: null, data: '{"i":249}' },
        { id: 'r250', n: 250, note: null, data: null },
      ]);
      const [{ count }] = await rawQuery<{ count: unknown }>(db, `SELECT COUNT(*) AS "count" FROM "${table}"`);
      expect(asNumber(count)).toBe(251);
    } finally {
      await db.query(`DROP TABLE "${table}"`);
    }
  });
});

describe('sameJson', () => {
  it('ignores the order of object keys, as jsonb reorders them', () => {
    expect(
      sameJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }, { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    ).toBe(true);
  });

  it('tells different values, array order and dates apart', () => {
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson({ at: new Date(0) }, { at: '1970-01-01T00:00:00.000Z' })).toBe(true);
  });
});
