import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type Actor, requireRole } from '../auth/actor';
import { UserEntity } from '../auth/user.entity';
import { Clock } from '../clock/clock';
import { EditionEntity } from '../editions/edition.entity';
import { sealValidUntil, stagesOf } from '../editions/edition-rules';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { CertificateEntity } from './certificate.entity';
import { asNumber, asTimestampText, dialectOfRunner, rawQuery } from '../../database/portable-sql';
import { BatchClaims } from './batch-claims';
import { certificationEligibility, wouldBeExpired } from './certification-rules';
import { CertificationService } from './certification.service';

const MAX_ATTEMPTS = 3;

/** A timestamp as the database gives it (SQLite's "2026-12-01 14:00:00" UTC text, or a Date from pg) as ISO. */
const utcIso = (value: unknown) => `${asTimestampText(value)!.replace(' ', 'T')}Z`;

/** The unique index that keeps one running batch per edition refused an insert (SQLite's or PostgreSQL's words). */
const isRunningBatchConflict = (e: Error & { driverError?: { constraint?: string } }) =>
  /UNIQUE constraint failed: certificate_batches\.edition_year/.test(e.message) ||
  e.driverError?.constraint === 'uq_certificate_batches_running';

export interface BatchProgress {
  readonly id: string;
  readonly editionYear: number;
  readonly status: 'running' | 'done';
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly pending: number;
  /** Issued after one or more failed attempts. */
  readonly retried: number;
  readonly failures: readonly { assessmentId: string; attempts: number; error: string | null }[];
  /** When the batch started and ended (UTC, ISO), for the time left. */
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** A batch as a request to start one returns it. */
export interface BatchStart extends BatchProgress {
  /** The edition's batch was already running: this is that one, and no other was started (always set by `start`). */
  readonly alreadyRunning?: boolean;
}

/**
 * Issues every eligible seal of an edition as one job. Each seal is issued in one transaction that also
 * marks its batch item done, so a crash leaves no half-issued seal; numbers come from a counter, so none is
 * used twice; a failed PDF is retried (up to three attempts) without stopping the others; and a job that was
 * running when the process stopped resumes at the next start. Chunks are claimed (BatchClaims), so that on
 * PostgreSQL every process of the deployment takes part in a running batch (it looks for one every two
 * seconds) and each seal is printed by one of them; SQLite runs one process.
 */
@Injectable()
export class CertificateBatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateBatchService.name);
  private readonly running = new Map<string, Promise<void>>();
  private readonly claims: BatchClaims;
  private stopping = false;
  private timer?: NodeJS.Timeout;
  /**
   * The look for batches to run (at start, then periodically on PostgreSQL), one at a time: a stop waits for it,
   * so that a process stopped just after it started does not leave it querying a closed database.
   */
  private joining: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly certification: CertificationService,
    private readonly clock: Clock,
  ) {
    this.claims = new BatchClaims(dataSource);
  }

  onApplicationBootstrap(): void {
    this.joining = this.claims
      .releaseAllOnSqlite()
      .then(() => this.takePart(true))
      .catch((e: Error) => this.logger.error(`Could not resume certificate batches: ${e.message}`));
    if (dialectOfRunner(this.dataSource) !== 'postgres') return;
    this.timer = setInterval(() => {
      this.joining = this.joining.then(() => this.takePart(false)).catch((e: Error) => this.logger.error(e.message));
    }, this.config.batchJoinMs);
    this.timer.unref();
  }

  /** Runs here every batch still running that this process is not running yet (at start: resumes them). */
  private async takePart(atStart: boolean): Promise<void> {
    if (this.stopping) return;
    const rows = await rawQuery<{ id: string }>(
      this.dataSource,
      `SELECT id FROM certificate_batches WHERE status = 'running'`,
    );
    for (const { id } of rows) {
      if (this.running.has(id)) continue;
      if (atStart) this.logger.log(`Resuming certificate batch ${id}`);
      this.launch(id);
    }
  }

  /**
   * Lets each running batch finish the chunk being recorded and start no other; the batch stays 'running'
   * in the database, so the next start resumes it. Returns the ids of the batches that were stopped.
   */
  async stop(): Promise<string[]> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.joining;
    const ids = [...this.running.keys()];
    await Promise.allSettled([...this.running.values()]);
    // What this process had claimed and not done goes back to the other processes at once, not after the lease.
    await this.claims.releaseHeld().catch((e: Error) => this.logger.error(`Could not release claims: ${e.message}`));
    return ids;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /**
   * Starts the edition's batch, or returns the one already running for it (`alreadyRunning`): an edition has
   * one batch at a time (a partial unique index holds it against concurrent requests too). Refused when no
   * seal is left to issue, rather than recording an empty job.
   */
  async start(actor: Actor, year: number): Promise<BatchStart> {
    requireRole(actor, 'certifier');
    const edition = await this.dataSource.getRepository(EditionEntity).findOneBy({ year });
    if (!edition) throw new DomainError('EDITION_NOT_FOUND', message('certification.edition-not-found', { year }));
    const running = await this.runningBatch(this.dataSource.manager, year);
    if (running) return { ...(await this.progress(running)), alreadyRunning: true };
    await this.refuseIfExpired(edition);
    const { id, created } = await this.createBatch(actor, edition).catch(async (e: Error) => {
      const winner = isRunningBatchConflict(e) ? await this.runningBatch(this.dataSource.manager, year) : null;
      if (!winner) throw e;
      return { id: winner, created: false };
    });
    if (created) this.launch(id);
    return { ...(await this.progress(id)), alreadyRunning: !created };
  }

  private async runningBatch(em: EntityManager, year: number): Promise<string | null> {
    const [row] = await rawQuery<{ id: string }>(
      em,
      `SELECT id FROM certificate_batches WHERE edition_year = ? AND status = 'running' LIMIT 1`,
      [year],
    );
    return row?.id ?? null;
  }

  /** Every seal of a batch is issued today, so they share one validity: refuse now if it is already over. */
  private async refuseIfExpired(edition: EditionEntity): Promise<void> {
    const { year } = edition;
    const today = this.clock.today();
    const next = await this.dataSource
      .getRepository(EditionEntity)
      .findOne({ where: { year: MoreThan(year) }, order: { year: 'ASC' } });
    const validUntil = sealValidUntil(edition.sealValidity, today, next?.calendar.certificationDate ?? null);
    if (wouldBeExpired(validUntil, today)) {
      throw new DomainError(
        'SEAL_WOULD_BE_EXPIRED',
        message('certification.batch-would-be-expired', {
          year,
          today: { date: today },
          validUntil: { date: validUntil },
        }),
        [],
        { issueDate: today, validUntil, sealValidity: edition.sealValidity },
      );
    }
  }

  /** The batch and its items in one transaction, unless another batch of the edition started meanwhile. */
  private createBatch(actor: Actor, edition: EditionEntity): Promise<{ id: string; created: boolean }> {
    const year = edition.year;
    return this.dataSource.transaction(async (em) => {
      const running = await this.runningBatch(em, year);
      if (running) return { id: running, created: false };
      const candidates = await em.findBy(AssessmentEntity, { editionYear: year, state: 'priorities-set' });
      const eligible = candidates.filter(
        (a) => certificationEligibility(stagesOf(a), a.scoreSnapshot, edition.certificationRule).eligible,
      );
      if (eligible.length === 0) {
        throw new DomainError('NOTHING_TO_ISSUE', message('certification.batch-nothing-to-issue', { year }));
      }
      const id = randomUUID();
      await rawQuery(
        em,
        `INSERT INTO certificate_batches (id, edition_year, status, created_by) VALUES (?, ?, 'running', ?)`,
        [id, year, actor.id],
      );
      for (let i = 0; i < eligible.length; i += 200) {
        const chunk = eligible.slice(i, i + 200);
        await rawQuery(
          em,
          `INSERT INTO certificate_batch_items (batch_id, assessment_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
          chunk.flatMap((a) => [id, a.id]),
        );
      }
      return { id, created: true };
    });
  }

  async progress(id: string): Promise<BatchProgress> {
    const db = this.dataSource;
    const [batch] = await rawQuery<{
      id: string;
      edition_year: number;
      status: 'running' | 'done';
      created_at: unknown;
      finished_at: unknown;
    }>(db, `SELECT id, edition_year, status, created_at, finished_at FROM certificate_batches WHERE id = ?`, [id]);
    if (!batch) throw new DomainError('BATCH_NOT_FOUND', message('certification.batch-not-found'));
    const counts = (
      await rawQuery<{ status: string; n: unknown }>(
        db,
        `SELECT status, COUNT(*) AS n FROM certificate_batch_items WHERE batch_id = ? GROUP BY status`,
        [id],
      )
    ).map((c) => ({ status: c.status, n: asNumber(c.n) }));
    const count = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
    const failures = await rawQuery<BatchProgress['failures'][number]>(
      db,
      `SELECT assessment_id AS "assessmentId", attempts, error FROM certificate_batch_items WHERE batch_id = ? AND error IS NOT NULL AND status <> 'issued'`,
      [id],
    );
    const [{ retried }] = await rawQuery<{ retried: unknown }>(
      db,
      `SELECT COUNT(*) AS retried FROM certificate_batch_items WHERE batch_id = ? AND status = 'issued' AND attempts > 0`,
      [id],
    );
    return {
      id,
      editionYear: batch.edition_year,
      status: batch.status,
      total: counts.reduce((s, c) => s + c.n, 0),
      done: count('issued'),
      failed: count('failed'),
      pending: count('pending'),
      retried: asNumber(retried),
      failures,
      startedAt: utcIso(batch.created_at),
      finishedAt: batch.finished_at ? utcIso(batch.finished_at) : null,
    };
  }

  /** Resolves when this process no longer runs the batch (it ended, or the process stops): for benchmarks. */
  async whenIdle(id: string): Promise<void> {
    await this.running.get(id);
  }

  private launch(id: string): void {
    if (this.running.has(id)) return;
    const run = this.run(id)
      .catch((e: Error) => this.logger.error(`Batch ${id} stopped: ${e.message}`))
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  /**
   * Issues claimed chunks until none is left, then ends the batch if no other process still holds a chunk.
   * One worker more than there are pages to print with: while a page prints one chunk, the chunk it printed
   * before is split, signed and recorded, and the next one is read and numbered, so no page waits for the
   * database or for pdf-lib (the renderer's pool queues the third print).
   */
  private async run(id: string): Promise<void> {
    const actor = await this.creatorOf(id);
    const workers = this.config.renderPages + 1;
    const size = await this.chunkSize(id, workers);
    const worker = async () => {
      while (!this.stopping) {
        const { token, ids } = await this.claims.claim(id, size);
        if (ids.length === 0) return;
        await this.issueChunk(id, ids, actor);
        if (!this.stopping) this.claims.finished(token);
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    if (this.stopping) return;
    // The last process to finish its part ends the batch: each checks after its own commits.
    await this.dataSource.transaction((em) =>
      rawQuery(
        em,
        `UPDATE certificate_batches SET status = 'done', finished_at = CURRENT_TIMESTAMP
         WHERE id = ? AND status = 'running'
           AND NOT EXISTS (SELECT 1 FROM certificate_batch_items WHERE batch_id = ? AND status = 'pending')`,
        [id, id],
      ),
    );
  }

  /**
   * CERTIFICATE_BATCH_SIZE, or less for a batch too small to give each worker two chunks: the first print then
   * starts sooner and the last chunk, recorded after every page is done, is shorter.
   */
  private async chunkSize(id: string, workers: number): Promise<number> {
    const [{ n }] = await rawQuery<{ n: unknown }>(
      this.dataSource,
      `SELECT COUNT(*) AS n FROM certificate_batch_items WHERE batch_id = ? AND status = 'pending'`,
      [id],
    );
    return Math.max(1, Math.min(this.config.certificateBatchSize, Math.ceil(asNumber(n) / (2 * workers))));
  }

  private async creatorOf(id: string): Promise<Actor> {
    const [batch] = await rawQuery<{ created_by: string }>(
      this.dataSource,
      `SELECT created_by FROM certificate_batches WHERE id = ?`,
      [id],
    );
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: batch.created_by });
    return { id: user.id, email: user.email, name: user.name, role: user.role, governmentCode: user.governmentCode };
  }

  /** The chunk in one print and one transaction; what fails or is refused there is retried one by one. */
  private async issueChunk(batchId: string, assessmentIds: string[], actor: Actor): Promise<void> {
    const alreadyIssued = await this.dataSource
      .getRepository(CertificateEntity)
      .findBy({ assessmentId: In(assessmentIds), revokedAt: IsNull() });
    if (alreadyIssued.length > 0) {
      await this.dataSource.transaction((em) => this.markIssued(em, batchId, alreadyIssued));
    }
    const issued = new Set(alreadyIssued.map((s) => s.assessmentId));
    const rest = assessmentIds.filter((a) => !issued.has(a));
    if (rest.length === 0) return;
    let retry: { assessmentId: string; error: Error }[];
    try {
      const result = await this.certification.issueMany(actor, rest, (tx, seals) =>
        this.markIssued(tx, batchId, seals),
      );
      retry = result.refused;
    } catch (e) {
      retry = rest.map((assessmentId) => ({ assessmentId, error: e as Error }));
    }
    for (const { assessmentId, error } of retry) {
      if (this.stopping) return;
      await this.recordFailure(batchId, assessmentId, error, 1);
      await this.issueOne(batchId, assessmentId, actor, 2);
    }
  }

  private async issueOne(batchId: string, assessmentId: string, actor: Actor, firstAttempt: number): Promise<void> {
    for (let attempt = firstAttempt; attempt <= MAX_ATTEMPTS && !this.stopping; attempt++) {
      // A seal issued some other way meanwhile counts as done for the batch.
      const existing = await this.dataSource
        .getRepository(CertificateEntity)
        .findOneBy({ assessmentId, revokedAt: IsNull() });
      if (existing) {
        await this.dataSource.transaction((em) => this.markIssued(em, batchId, [existing]));
        return;
      }
      try {
        await this.certification.issue(actor, assessmentId, undefined, (tx, seals) =>
          this.markIssued(tx, batchId, seals),
        );
        return;
      } catch (e) {
        await this.recordFailure(batchId, assessmentId, e as Error, attempt);
      }
    }
  }

  private async recordFailure(batchId: string, assessmentId: string, error: Error, attempt: number): Promise<void> {
    const last = attempt >= MAX_ATTEMPTS;
    await this.dataSource.transaction((em) =>
      rawQuery(
        em,
        `UPDATE certificate_batch_items SET attempts = attempts + 1, error = ?, status = ? WHERE batch_id = ? AND assessment_id = ?`,
        [error.message.slice(0, 1000), last ? 'failed' : 'pending', batchId, assessmentId],
      ),
    );
    this.logger.warn(`Seal for ${assessmentId} failed (attempt ${attempt}/${MAX_ATTEMPTS}): ${error.message}`);
  }

  /** The seals' items marked issued, each with its seal's number, in one statement. */
  private async markIssued(
    db: EntityManager,
    batchId: string,
    seals: readonly Pick<CertificateEntity, 'assessmentId' | 'number'>[],
  ): Promise<void> {
    if (seals.length === 0) return;
    await rawQuery(
      db,
      `UPDATE certificate_batch_items SET status = 'issued',
         certificate_number = CASE assessment_id ${seals.map(() => 'WHEN ? THEN ?').join(' ')} END
       WHERE batch_id = ? AND assessment_id IN (${seals.map(() => '?').join(', ')})`,
      [...seals.flatMap((s) => [s.assessmentId, s.number]), batchId, ...seals.map((s) => s.assessmentId)],
    );
  }
}
