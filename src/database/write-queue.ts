import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface WriteQueueOptions {
  /** Off (GROUP_COMMIT=off): every item is a transaction of its own, as before; the benchmark's baseline. */
  readonly groupCommit: boolean;
  /** The most items one transaction holds, so that one commit stays short and a big burst takes turns. */
  readonly maxGroup: number;
  /**
   * How many transactions run at once: 1 for SQLite's one connection (the default); on PostgreSQL several groups
   * share the pool, each on a connection of its own.
   */
  readonly concurrency?: number;
}

export const DEFAULT_MAX_GROUP = 256;

/** A transaction that took longer than this held every autosave behind it: worth a warning in the log. */
const SLOW_TRANSACTION_MS = 1000;

/** What a group writer says of each item: its result, or why it was refused (then nothing of it was written). */
export type Outcome<R> = { readonly ok: R } | { readonly refused: unknown };

/**
 * Checks and writes a group of items inside the caller's transaction, returning one outcome per item in their
 * order. It must check each item before writing any of it (in memory, against what it read in this
 * transaction), so that a refused item leaves nothing behind. Throwing fails the whole group.
 */
export type GroupWriter<I, R> = (em: EntityManager, items: readonly I[]) => Promise<Outcome<R>[]>;

interface Pending<W> {
  readonly work: W;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Lane {
  readonly writer: GroupWriter<unknown, unknown>;
  readonly waiting: Pending<unknown>[];
}

const settle = <R>(outcome: Outcome<R>): R => {
  if ('ok' in outcome) return outcome.ok;
  throw outcome.refused;
};

/**
 * The one writer of an SQLite database (one connection: transactions cannot overlap on it). Two kinds of work
 * wait here, in arrival order within each kind:
 *
 * - a transaction of its own (`transaction`: review, batch recording, uploads, everything else);
 * - an item of a group writer (`group`: the autosave), which shares one transaction with the items of the same
 *   writer waiting beside it (group commit, at most `maxGroup`). The writer checks each item and writes those
 *   that pass; a refused one (stale version, invalid value) is rejected alone, the others are resolved only
 *   after the COMMIT that holds them. If the writer throws or the COMMIT fails, every item of the group
 *   fails: none is acknowledged.
 *
 * Fairness: while both kinds wait, they alternate (a group, then one transaction, then a group...). So an item
 * waits behind at most one other transaction (the one running, however long: an SQLite transaction cannot be
 * interrupted) plus the groups ahead of it (one, unless more than `maxGroup` items were queued before it);
 * and a transaction waits behind at most one group.
 *
 * With `concurrency` above 1 (PostgreSQL, where only groups come here) that many transactions run at once, each
 * taking the items waiting when it starts.
 */
export class WriteQueue {
  /** What ran: transactions of their own, groups and the items in them, the largest group. */
  readonly stats = { transactions: 0, groups: 0, items: 0, largestGroup: 0 };
  private readonly logger = new Logger(WriteQueue.name);
  private readonly transactions: Pending<() => Promise<unknown>>[] = [];
  private readonly lanes: Lane[] = [];
  private running = 0;
  private scheduled = false;
  private lastWasGroup = false;
  private nextLane = 0;

  constructor(
    /** Runs `work` in one transaction on the connection (TypeORM's own `manager.transaction`). */
    private readonly begin: <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>,
    private readonly options: WriteQueueOptions,
  ) {}

  /** A write transaction of its own; `run` starts and ends it (with `begin`, or TypeORM's transaction). */
  transaction<T>(run: () => Promise<T>): Promise<T> {
    return this.enqueue(this.transactions, run) as Promise<T>;
  }

  /** The function that submits one item to `writer`; its promise settles after the commit that holds it. */
  group<I, R>(writer: GroupWriter<I, R>): (item: I) => Promise<R> {
    if (!this.options.groupCommit)
      return (item) => this.transaction(() => this.begin(async (em) => settle((await writer(em, [item]))[0])));
    const lane: Lane = { writer: writer as GroupWriter<unknown, unknown>, waiting: [] };
    this.lanes.push(lane);
    return (item) => this.enqueue(lane.waiting, item) as Promise<R>;
  }

  private enqueue<W>(list: Pending<W>[], work: W): Promise<unknown> {
    return new Promise((resolve, reject) => {
      list.push({ work, resolve, reject });
      // Starting on the next turn lets the items that arrived in this one join the same group.
      if (this.running < this.concurrency && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.next();
        });
      }
    });
  }

  private get concurrency(): number {
    return this.options.concurrency ?? 1;
  }

  private next(): void {
    while (this.running < this.concurrency) {
      const step = this.pick();
      if (!step) return;
      this.running++;
      void step().finally(() => {
        this.running--;
        this.next();
      });
    }
  }

  /** Alternates while both kinds wait (and among group writers in turn); otherwise whichever waits. */
  private pick(): (() => Promise<void>) | undefined {
    const lane = this.waitingLane();
    if (lane && (this.transactions.length === 0 || !this.lastWasGroup)) {
      this.lastWasGroup = true;
      const group = lane.waiting.splice(0, this.options.maxGroup);
      return () => this.runGroup(lane.writer, group);
    }
    const own = this.transactions.shift();
    if (!own) return undefined;
    this.lastWasGroup = false;
    return () => this.runTransaction(own);
  }

  private waitingLane(): Lane | undefined {
    for (let i = 0; i < this.lanes.length; i++) {
      const at = (this.nextLane + i) % this.lanes.length;
      if (this.lanes[at].waiting.length > 0) {
        this.nextLane = (at + 1) % this.lanes.length;
        return this.lanes[at];
      }
    }
    return undefined;
  }

  private async runTransaction(pending: Pending<() => Promise<unknown>>): Promise<void> {
    const started = Date.now();
    this.stats.transactions++;
    try {
      pending.resolve(await pending.work());
    } catch (e) {
      pending.reject(e);
    }
    const took = Date.now() - started;
    if (took > SLOW_TRANSACTION_MS) this.logger.warn(`a write transaction held the database for ${took} ms`);
  }

  private async runGroup(writer: GroupWriter<unknown, unknown>, group: Pending<unknown>[]): Promise<void> {
    this.stats.groups++;
    this.stats.items += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    let outcomes: Outcome<unknown>[];
    try {
      outcomes = await this.begin(async (em) => {
        const written = await writer(
          em,
          group.map((p) => p.work),
        );
        if (written.length !== group.length) throw new Error('a group writer must give one outcome per item');
        return written;
      });
    } catch (e) {
      // The writer or the commit failed: nothing of the group is on disk.
      for (const pending of group) pending.reject(e);
      return;
    }
    for (const [i, pending] of group.entries()) {
      const outcome = outcomes[i];
      if ('ok' in outcome) pending.resolve(outcome.ok);
      else pending.reject(outcome.refused);
    }
  }
}
