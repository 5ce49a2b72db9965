import type { DataSource, EntityManager } from 'typeorm';
import { openCommittedReads } from './committed-reads';
import { dialectOf } from './dialect';
import { type CacheableConnection, cacheStatements } from './statement-cache';
import { DEFAULT_MAX_GROUP, type GroupWriter, WriteQueue } from './write-queue';

type Transaction = (...args: unknown[]) => Promise<unknown>;

const queues = new WeakMap<DataSource, WriteQueue>();

/**
 * TypeORM's sqlite driver runs every query on one connection, so two transactions started concurrently
 * would interleave on it (the second becomes a savepoint inside the first, and a rollback of either takes
 * the other's work with it). On SQLite every transaction therefore goes through one WriteQueue: one after
 * another, autosaves grouped into shared transactions. Writes outside a transaction must not be made; use
 * `dataSource.transaction`.
 *
 * The lookups of every request (its session, its user) read on a read-only connection of their own beside the
 * writing one (committed-reads.ts). Both connections keep their reads, BEGIN and COMMIT prepared
 * (statement-cache.ts).
 *
 * Durability: WAL with synchronous=FULL (SQLite's default, set here so that nothing depends on how the library
 * was built): every COMMIT syncs the WAL before it returns, so an acknowledged save is on disk and survives a
 * power cut, not only a killed process. NORMAL would be faster but may lose the last commits on a power cut;
 * group commit pays the sync once per group instead, which is what makes FULL affordable.
 *
 * PostgreSQL runs transactions concurrently on a pool: nothing is put in front of them. Autosaves are grouped
 * there too (group commit, unless GROUP_COMMIT=off), for the round trips rather than for the sync: each save alone
 * costs some eight statements; a group of them costs as many for all. Up to half the pool's connections hold a
 * group at once (the other half serve everything else); the writer locks the assessments it checks, in id order,
 * so that two groups, in one process or in two, take turns on an assessment and never deadlock.
 */
export async function serializeTransactions(
  dataSource: DataSource,
  /** GROUP_COMMIT=off: each save a transaction of its own (the benchmark's baseline). */
  groupCommit = true,
): Promise<DataSource> {
  if (dialectOf(dataSource) !== 'sqlite') {
    const pool = (dataSource.options as { poolSize?: number }).poolSize ?? 10;
    if (groupCommit)
      queues.set(
        dataSource,
        new WriteQueue((work) => dataSource.manager.transaction(work), {
          groupCommit,
          maxGroup: DEFAULT_MAX_GROUP,
          concurrency: Math.max(1, Math.floor(pool / 2)),
        }),
      );
    return dataSource;
  }
  cacheStatements((dataSource.driver as unknown as { databaseConnection: CacheableConnection }).databaseConnection);
  await dataSource.query('PRAGMA synchronous = FULL');
  await openCommittedReads(dataSource, (dataSource.options as { database: string }).database);
  const manager = dataSource.manager as EntityManager & { transaction: Transaction };
  const original = manager.transaction.bind(manager) as Transaction;
  const queue = new WriteQueue((work) => original(work) as Promise<never>, {
    groupCommit,
    maxGroup: DEFAULT_MAX_GROUP,
  });
  manager.transaction = (...args: unknown[]) => queue.transaction(() => original(...args));
  queues.set(dataSource, queue);
  return dataSource;
}

/**
 * Submits items to `writer` in groups through the data source's write queue (on SQLite the one writer, on
 * PostgreSQL groups side by side: the writer must lock what it checks); without one (GROUP_COMMIT=off on
 * PostgreSQL) each item is a transaction of its own.
 */
export function groupWriter<I, R>(dataSource: DataSource, writer: GroupWriter<I, R>): (item: I) => Promise<R> {
  const queue = queues.get(dataSource);
  if (queue) return queue.group(writer);
  return (item) =>
    dataSource.transaction(async (em) => {
      const [outcome] = await writer(em, [item]);
      if ('ok' in outcome) return outcome.ok;
      throw outcome.refused;
    });
}

/** The queue's counters (groups, items, largest group), for the benchmark and the tests; none without group commit on PostgreSQL. */
export function writeQueueStats(dataSource: DataSource): WriteQueue['stats'] | undefined {
  return queues.get(dataSource)?.stats;
}
