import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { type GroupWriter, type Outcome, WriteQueue } from './write-queue';

/** The queue on a real SQLite file: a table of notes, written by a group writer that refuses empty texts. */
describe('WriteQueue on SQLite', () => {
  let dir: string;
  let db: DataSource;
  const order: string[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'write-queue-'));
    db = await new DataSource({ type: 'sqlite', database: join(dir, 'queue.sqlite'), enableWAL: true }).initialize();
    await db.query('PRAGMA foreign_keys = ON');
    await db.query('CREATE TABLE parents (id INTEGER PRIMARY KEY)');
    await db.query(
      'CREATE TABLE notes (text TEXT NOT NULL, parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)',
    );
    order.length = 0;
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const queue = (maxGroup = 256, groupCommit = true) =>
    new WriteQueue((work) => db.manager.transaction(work), { groupCommit, maxGroup });

  interface Note {
    readonly text: string;
    readonly parent?: number;
  }

  /** Writes the notes that have a text, in one insert; each outcome is the text. */
  const writeNotes: GroupWriter<Note, string> = async (em: EntityManager, notes) => {
    order.push(`group of ${notes.length}`);
    const outcomes: Outcome<string>[] = notes.map((n) =>
      n.text === '' ? { refused: new Error('empty note') } : { ok: n.text },
    );
    const rows = notes.filter((n) => n.text !== '');
    if (rows.length > 0)
      await em.query(
        `INSERT INTO notes (text, parent) VALUES ${rows.map(() => '(?, ?)').join(', ')}`,
        rows.flatMap((n) => [n.text, n.parent ?? null]),
      );
    return outcomes;
  };

  const texts = async () =>
    ((await db.query('SELECT text FROM notes ORDER BY rowid')) as { text: string }[]).map((r) => r.text);

  /** A transaction of its own that holds the connection for `ms`. */
  const hold = (q: WriteQueue, name: string, ms: number) =>
    q.transaction(() =>
      db.manager.transaction(async (em) => {
        order.push(name);
        await em.query('INSERT INTO notes (text) VALUES (?)', [name]);
        await new Promise((r) => setTimeout(r, ms));
      }),
    );

  it('groups the items that arrive together into one transaction, in their order', async () => {
    const q = queue();
    const save = q.group(writeNotes);
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((text) => save({ text })));
    expect(answers).toEqual(['a', 'b', 'c', 'd']);
    expect(await texts()).toEqual(['a', 'b', 'c', 'd']);
    expect(q.stats).toMatchObject({ groups: 1, items: 4, largestGroup: 4 });
  });

  it('refuses one item alone: the others of its group are written, nothing of it', async () => {
    const save = queue().group(writeNotes);
    const results = await Promise.allSettled([save({ text: 'a' }), save({ text: '' }), save({ text: 'c' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('empty note'));
    expect(await texts()).toEqual(['a', 'c']);
  });

  it('fails every item of a group whose COMMIT fails, and writes none of them', async () => {
    const save = queue().group(writeNotes);
    // The deferred foreign key is checked at COMMIT: one note naming no parent makes the commit fail.
    const results = await Promise.allSettled([
      save({ text: 'a' }),
      save({ text: 'b', parent: 42 }),
      save({ text: 'c' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(await texts()).toEqual([]);
    // The queue goes on after a failed group.
    expect(await save({ text: 'd' })).toBe('d');
    expect(await texts()).toEqual(['d']);
  });

  it('makes an item wait behind at most one other transaction, and a transaction behind at most one group', async () => {
    const q = queue();
    const save = q.group(writeNotes);
    const first = hold(q, 'long write 1', 200);
    const queued = [hold(q, 'long write 2', 50), hold(q, 'long write 3', 50)];
    await new Promise((r) => setTimeout(r, 20));
    // Arriving while the first long write runs, with two more queued before it.
    const saves = [save({ text: 'x' }), save({ text: 'y' })];
    await Promise.all([first, ...queued, ...saves]);
    expect(order).toEqual(['long write 1', 'group of 2', 'long write 2', 'long write 3']);

    order.length = 0;
    const busy = hold(q, 'long write 4', 50);
    await new Promise((r) => setTimeout(r, 10));
    const before = Array.from({ length: 3 }, (_, i) => save({ text: `before ${i}` }));
    const write = hold(q, 'long write 5', 0);
    const after = save({ text: 'after' });
    await Promise.all([busy, ...before, write, after]);
    // The saves that wait when the connection frees up go together (the one that came after the write too),
    // and the write goes next, before any later group.
    expect(order).toEqual(['long write 4', 'group of 4', 'long write 5']);
  });

  it('holds at most maxGroup items in one transaction', async () => {
    const q = queue(256);
    const save = q.group(writeNotes);
    await Promise.all(Array.from({ length: 600 }, (_, i) => save({ text: `note ${i}` })));
    expect(order).toEqual(['group of 256', 'group of 256', 'group of 88']);
    expect(q.stats).toMatchObject({ groups: 3, items: 600, largestGroup: 256 });
    expect((await texts()).length).toBe(600);
  });

  it('with group commit off, gives every item a transaction of its own', async () => {
    const q = queue(256, false);
    const save = q.group(writeNotes);
    const results = await Promise.allSettled([save({ text: 'a' }), save({ text: '' }), save({ text: 'c' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(order).toEqual(['group of 1', 'group of 1', 'group of 1']);
    expect(q.stats).toMatchObject({ transactions: 3, groups: 0 });
    expect(await texts()).toEqual(['a', 'c']);
  });

  it('with a concurrency of 2 (PostgreSQL), runs a second group while the first is still open', async () => {
    // Transactions of their own on a pool: here none is needed, the groups only wait for each other.
    const q = new WriteQueue(async (work) => work({} as EntityManager), {
      groupCommit: true,
      maxGroup: 2,
      concurrency: 2,
    });
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((r) => (releaseFirst = r));
    const save = q.group<string, string>(async (_em, items) => {
      order.push(`group ${items.join('+')}`);
      // The first group ends only once the second has started: with one transaction at a time, it never would.
      if (items[0] === 'a') await firstMayEnd;
      else releaseFirst();
      return items.map((ok) => ({ ok }));
    });
    const saved = await Promise.all(['a', 'b', 'c', 'd'].map((item) => save(item)));
    expect(saved).toEqual(['a', 'b', 'c', 'd']);
    expect(order).toEqual(['group a+b', 'group c+d']);
    expect(q.stats).toMatchObject({ groups: 2, items: 4 });
  });
});
