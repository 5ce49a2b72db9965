import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's sqlite driver runs every query on one connection, so two transactions started concurrently
 * would interleave on it (the second becomes a savepoint inside the first, and a rollback of either takes
 * the other's work with it). Transactions therefore run one after another: SQLite serialises writers anyway,
 * and each of ours is short. Writes outside a transaction must not be made; use `dataSource.transaction`.
 */
export function serializeTransactions(dataSource: DataSource): DataSource {
  const manager = dataSource.manager as EntityManager & { transaction: (...args: unknown[]) => Promise<unknown> };
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = (...args: unknown[]) => {
    const run = tail.then(() => original(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  return dataSource;
}
