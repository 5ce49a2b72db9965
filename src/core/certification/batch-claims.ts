import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dialectOfRunner, placeholders, rawQuery, sqlFor } from '../../database/portable-sql';

/**
 * How long a claim holds without news from its process: a live process renews its claims every RENEW_MS, so
 * a chunk slower than the lease keeps it, and a process that died gives its chunk back within a minute.
 */
const LEASE_MS = 60_000;
const RENEW_MS = 20_000;

/**
 * The chunks of a certificate batch as processes take them: a claim marks pending items as this process's for a
 * lease, so that two processes on one PostgreSQL database share a batch without printing the same seals
 * (`FOR UPDATE SKIP LOCKED`: a process never waits for the rows another is claiming). A seal is still issued
 * at most once whatever the leases do: the database keeps one current seal per assessment
 * (`idx_certificates_current`) and the assessment's move to "certified" checks its row version.
 * SQLite runs one process: its claims are serialised by its single writer, and any claim found at start is
 * from a process that stopped (`releaseAll`).
 */
export class BatchClaims {
  /** This process's claims still being worked on, given back when it stops. */
  private readonly held = new Set<string>();
  /** Claims are named `<process>-<n>`: which process took which chunk reads from the items. */
  private readonly process = randomUUID().slice(0, 8);
  private claims = 0;
  private renewal: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Up to `size` pending items of the batch that no live claim holds, now this process's (under `token`). */
  async claim(batchId: string, size: number): Promise<{ token: string; ids: string[] }> {
    const token = `${this.process}-${++this.claims}`;
    const now = Date.now();
    const ids = await this.dataSource.transaction(async (em) => {
      if (dialectOfRunner(em) === 'postgres') {
        // The pick is materialised first: as a plain IN (…) subquery PostgreSQL may run it again for each row
        // updated, each run skipping the rows the last one locked, and so claim far more than `size`.
        const picked = await em.queryRunner!.query(
          sqlFor(
            'postgres',
            `WITH picked AS MATERIALIZED (
               SELECT batch_id, assessment_id FROM certificate_batch_items
               WHERE batch_id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
               ORDER BY assessment_id LIMIT ? FOR UPDATE SKIP LOCKED)
             UPDATE certificate_batch_items i SET claimed_by = ?, claimed_until = ?
             FROM picked p WHERE i.batch_id = p.batch_id AND i.assessment_id = p.assessment_id
             RETURNING i.assessment_id`,
          ),
          [batchId, now, size, token, now + LEASE_MS],
          true, // an UPDATE's rows, not TypeORM's [rows, count]
        );
        return (picked.records as { assessment_id: string }[]).map((r) => r.assessment_id).sort();
      }
      // SQLite: one writer at a time, so the rows just claimed are read back in the same transaction.
      await rawQuery(
        em,
        `UPDATE certificate_batch_items SET claimed_by = ?, claimed_until = ?
         WHERE batch_id = ? AND rowid IN (
           SELECT rowid FROM certificate_batch_items
           WHERE batch_id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
           ORDER BY rowid LIMIT ?)`,
        [token, now + LEASE_MS, batchId, batchId, now, size],
      );
      const rows = await rawQuery<{ assessment_id: string }>(
        em,
        `SELECT assessment_id FROM certificate_batch_items WHERE claimed_by = ? ORDER BY rowid`,
        [token],
      );
      return rows.map((r) => r.assessment_id);
    });
    if (ids.length > 0) {
      this.held.add(token);
      this.keepRenewing();
    }
    return { token, ids };
  }

  /** The claim's items are issued, failed or given back by the retries: nothing left to release. */
  finished(token: string): void {
    this.held.delete(token);
    this.stopRenewingWhenIdle();
  }

  /**
   * While this process holds claims, their leases are extended: on PostgreSQL so that no other process takes a
   * slow chunk, and on SQLite so that this process's other worker does not.
   */
  private keepRenewing(): void {
    if (this.renewal) return;
    // A renewal that fails lets the lease lapse: another process may then take the chunk, and the database
    // still keeps each seal to one (see above), so it is safe to let it go unlogged until the next try.
    this.renewal = setInterval(() => void this.renew().catch(() => undefined), RENEW_MS);
    this.renewal.unref();
  }

  private stopRenewingWhenIdle(): void {
    if (this.held.size > 0 || !this.renewal) return;
    clearInterval(this.renewal);
    this.renewal = undefined;
  }

  private async renew(): Promise<void> {
    const tokens = [...this.held];
    if (tokens.length === 0) return;
    await this.dataSource.transaction((em) =>
      rawQuery(
        em,
        `UPDATE certificate_batch_items SET claimed_until = ?
         WHERE status = 'pending' AND claimed_by IN (${placeholders(tokens.length)})`,
        [Date.now() + LEASE_MS, ...tokens],
      ),
    );
  }

  /** The claims this process holds on items still pending (as when it stops mid-batch), free for any process now. */
  async releaseHeld(): Promise<void> {
    const tokens = [...this.held];
    this.held.clear();
    this.stopRenewingWhenIdle();
    // SQLite: no other process to give them to; the next start releases them (releaseAllOnSqlite).
    if (tokens.length === 0 || dialectOfRunner(this.dataSource) === 'sqlite') return;
    await this.dataSource.transaction((em) =>
      rawQuery(
        em,
        `UPDATE certificate_batch_items SET claimed_by = NULL, claimed_until = NULL
         WHERE status = 'pending' AND claimed_by IN (${placeholders(tokens.length)})`,
        tokens,
      ),
    );
  }

  /** SQLite at start: the only process there is, so every claim left is from one that stopped. */
  async releaseAllOnSqlite(): Promise<void> {
    if (dialectOfRunner(this.dataSource) !== 'sqlite') return;
    await this.dataSource.transaction((em) =>
      rawQuery(
        em,
        `UPDATE certificate_batch_items SET claimed_by = NULL, claimed_until = NULL
         WHERE status = 'pending' AND claimed_by IS NOT NULL`,
      ),
    );
  }
}
