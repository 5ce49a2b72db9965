import type { DataSource, EntityManager } from 'typeorm';
import { dialectOfRunner, rawQuery } from '../../database/portable-sql';

/**
 * PostgreSQL advisory locks, for work that one process of the deployment must do at a time. On SQLite these do
 * nothing: the engine runs there as one process, and its writes are serialised already.
 */
export const ADVISORY_LOCKS = {
  /** Choosing free positions in the seals' revocation list. */
  statusListSlots: 7_301_001,
  /** The deadline reminders' sweep. */
  deadlineReminders: 7_301_002,
  /** Sending the outbox by SMTP. */
  notificationDelivery: 7_301_003,
} as const;

/** Waits for the lock, held by this transaction until it ends. */
export async function lockForTransaction(em: EntityManager, key: number): Promise<void> {
  if (dialectOfRunner(em) === 'postgres') await rawQuery(em, 'SELECT pg_advisory_xact_lock(?)', [key]);
}

/** Whether this transaction got the lock (held until it ends); false when another process holds it now. */
export async function tryLockForTransaction(em: EntityManager, key: number): Promise<boolean> {
  if (dialectOfRunner(em) !== 'postgres') return true;
  const [row] = await rawQuery<{ locked: boolean }>(em, 'SELECT pg_try_advisory_xact_lock(?) AS locked', [key]);
  return row.locked === true;
}

/**
 * Runs `work` unless another process is running the same work now (then returns false at once): the lock is
 * held by a connection of its own, so it lasts across the transactions `work` makes and ends with a process
 * that dies.
 */
export async function unlessRunningElsewhere(
  dataSource: DataSource,
  key: number,
  work: () => Promise<void>,
): Promise<boolean> {
  if (dialectOfRunner(dataSource) !== 'postgres') {
    await work();
    return true;
  }
  const runner = dataSource.createQueryRunner();
  try {
    const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [key])) as { locked: boolean }[];
    if (row.locked !== true) return false;
    try {
      await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
    return true;
  } finally {
    await runner.release();
  }
}
