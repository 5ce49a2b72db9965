type Done = (this: unknown, error: Error | null, rows: unknown[]) => void;

/** What is used of a node-sqlite3 prepared statement. */
interface Statement {
  all(...args: unknown[]): void;
  finalize(): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** What is used of a node-sqlite3 connection: the methods wrapped here, and `prepare`. */
export interface CacheableConnection {
  all(sql: string, ...args: unknown[]): unknown;
  prepare(sql: string): Statement;
  close(done?: (error: Error | null) => void): void;
}

/** How many statements a connection keeps prepared: the SQL texts used most recently. */
export const STATEMENT_CACHE_SIZE = 200;

const caches = new WeakMap<object, Map<string, Statement>>();

/**
 * Keeps the statements of a node-sqlite3 connection prepared, by SQL text (the most recent
 * STATEMENT_CACHE_SIZE), for `all`: what TypeORM runs with it (every statement that does not begin with INSERT,
 * UPDATE or DELETE: the reads, BEGIN, COMMIT, ROLLBACK, and the autosave's writes, which begin with WITH).
 *
 * Why: node-sqlite3 prepares each statement on the thread pool, then comes back to the event loop to run it
 * on the thread pool again. Under load the event loop is busy with the requests being parsed, so each of those
 * two waits for its turn; a transaction's statements follow one another, so a group of autosaves waits for
 * its turn twice per statement. A statement prepared before runs in one.
 *
 * `all` steps a statement to its end, after which it holds no lock and no snapshot (a read left half-way
 * would keep the WAL from being checkpointed), so only `all` is cached; `run` (INSERT, UPDATE, DELETE in
 * TypeORM), `get` and `each` prepare as before. A statement that failed is finalized and prepared again next
 * time. `close` finalizes them all first, since SQLite refuses to close a connection with statements open.
 */
export function cacheStatements(connection: CacheableConnection, size = STATEMENT_CACHE_SIZE): void {
  const cache = new Map<string, Statement>();
  caches.set(connection, cache);
  const close = connection.close.bind(connection);
  let closed = false;
  const keep = (sql: string, statement: Statement) => {
    if (closed || cache.has(sql)) return statement.finalize(); // prepared twice at once: one is enough
    cache.set(sql, statement);
    if (cache.size <= size) return;
    const [oldest, evicted] = cache.entries().next().value!;
    cache.delete(oldest);
    evicted.finalize();
  };
  connection.all = (sql: string, ...args: unknown[]) => {
    const done = (typeof args[args.length - 1] === 'function' ? args.pop() : () => undefined) as Done;
    const cached = cache.get(sql);
    if (cached) {
      // The most recently used last, so that the first is the one to evict.
      cache.delete(sql);
      cache.set(sql, cached);
    }
    // A new statement goes into the cache once it has run (a statement that failed to prepare runs nothing).
    const statement = cached ?? connection.prepare(sql);
    let answered = false;
    const answer = function (this: unknown, error: Error | null, rows: unknown[]) {
      answered = true;
      if (error && !cached)
        statement.finalize(); // used by this call alone
      else if (error && cache.get(sql) === statement) {
        // The first failure takes it out; a call already waiting on it still runs before the finalize.
        cache.delete(sql);
        statement.finalize();
      } else if (!error && !cached) keep(sql, statement);
      done.call(this, error, rows);
    };
    // Without a callback of its own, a failed prepare is an 'error' event, and the `all` waiting behind it never runs.
    if (!cached) statement.on('error', (error) => answered || answer.call(statement, error, []));
    statement.all(...args, answer);
    return connection;
  };
  connection.close = (done?: (error: Error | null) => void) => {
    closed = true;
    for (const statement of cache.values()) statement.finalize();
    cache.clear();
    close(done);
  };
}

/** How many statements the connection holds prepared (for the tests). */
export function cachedStatements(connection: object): number {
  return caches.get(connection)?.size ?? 0;
}
