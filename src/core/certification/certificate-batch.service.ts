import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type Actor, requireRole } from '../auth/actor';
import { UserEntity } from '../auth/user.entity';
import { EditionEntity } from '../editions/edition.entity';
import { DomainError } from '../errors/domain-error';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { CertificateEntity } from './certificate.entity';
import { certificationEligibility } from './certification-rules';
import { CertificationService } from './certification.service';

const MAX_ATTEMPTS = 3;

export interface BatchProgress {
  readonly id: string;
  readonly editionYear: number;
  readonly status: 'running' | 'done';
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: readonly { assessmentId: string; attempts: number; error: string | null }[];
}

/**
 * Issues every eligible seal of an edition as one job. Each seal is issued in one transaction that also
 * marks its batch item done, so a crash leaves no half-issued seal; numbers come from a counter, so none is
 * used twice; a failed PDF is retried (up to three attempts) without stopping the others; and a job that was
 * running when the process stopped resumes at the next start.
 */
@Injectable()
export class CertificateBatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateBatchService.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly certification: CertificationService,
  ) {}

  onApplicationBootstrap(): void {
    void this.dataSource.query(`SELECT id FROM certificate_batches WHERE status = 'running'`).then((rows: { id: string }[]) => {
      for (const { id } of rows) {
        this.logger.log(`Resuming certificate batch ${id}`);
        this.launch(id);
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  async start(actor: Actor, year: number): Promise<BatchProgress> {
    requireRole(actor, 'certifier');
    const edition = await this.dataSource.getRepository(EditionEntity).findOneBy({ year });
    if (!edition) throw new DomainError('EDITION_NOT_FOUND', { 'pt-BR': `A edição ${year} não existe.`, en: `Edition ${year} does not exist.` });
    const candidates = await this.dataSource.getRepository(AssessmentEntity).findBy({ editionYear: year, state: 'priorities-set' });
    const eligible = candidates.filter((a) => certificationEligibility(a.state, a.scoreSnapshot, edition.certificationRule).eligible);
    const id = randomUUID();
    await this.dataSource.transaction(async (em) => {
      await em.query(`INSERT INTO certificate_batches (id, edition_year, status, created_by) VALUES (?, ?, 'running', ?)`, [id, year, actor.id]);
      for (let i = 0; i < eligible.length; i += 200) {
        const chunk = eligible.slice(i, i + 200);
        await em.query(`INSERT INTO certificate_batch_items (batch_id, assessment_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flatMap((a) => [id, a.id]));
      }
    });
    this.launch(id);
    return this.progress(id);
  }

  async progress(id: string): Promise<BatchProgress> {
    const [batch] = (await this.dataSource.query(`SELECT id, edition_year, status FROM certificate_batches WHERE id = ?`, [id])) as { id: string; edition_year: number; status: 'running' | 'done' }[];
    if (!batch) throw new DomainError('BATCH_NOT_FOUND', { 'pt-BR': `Lote ${id} não encontrado.`, en: `Batch ${id} not found.` });
    const counts = (await this.dataSource.query(`SELECT status, COUNT(*) AS n FROM certificate_batch_items WHERE batch_id = ? GROUP BY status`, [id])) as { status: string; n: number }[];
    const count = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
    const failures = (await this.dataSource.query(`SELECT assessment_id AS assessmentId, attempts, error FROM certificate_batch_items WHERE batch_id = ? AND error IS NOT NULL`, [id])) as BatchProgress['failures'];
    return {
      id, editionYear: batch.edition_year, status: batch.status,
      total: counts.reduce((s, c) => s + c.n, 0), done: count('issued'), failed: count('failed'), pending: count('pending'), failures,
    };
  }

  private launch(id: string): void {
    if (this.running.has(id)) return;
    const run = this.run(id)
      .catch((e: Error) => this.logger.error(`Batch ${id} stopped: ${e.message}`))
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async run(id: string): Promise<void> {
    const [batch] = (await this.dataSource.query(`SELECT created_by FROM certificate_batches WHERE id = ?`, [id])) as { created_by: string }[];
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: batch.created_by });
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, governmentCode: user.governmentCode };
    const queue = (await this.dataSource.query(
      `SELECT assessment_id AS id FROM certificate_batch_items WHERE batch_id = ? AND status = 'pending' ORDER BY rowid`, [id],
    )) as { id: string }[];
    const worker = async () => {
      for (let next = queue.shift(); next && !this.stopping; next = queue.shift()) await this.issueOne(id, next.id, actor);
    };
    await Promise.all(Array.from({ length: this.config.renderPages }, worker));
    if (this.stopping) return;
    await this.dataSource.transaction((em) => em.query(`UPDATE certificate_batches SET status = 'done', finished_at = datetime('now') WHERE id = ?`, [id]));
  }

  private async issueOne(batchId: string, assessmentId: string, actor: Actor): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !this.stopping; attempt++) {
      // A seal issued some other way meanwhile counts as done for the batch.
      const existing = await this.dataSource.getRepository(CertificateEntity).findOneBy({ assessmentId, revokedAt: IsNull() });
      if (existing) {
        await this.dataSource.transaction((em) => this.markIssued(em, batchId, assessmentId, existing.number));
        return;
      }
      try {
        await this.certification.issue(actor, assessmentId, undefined, (tx, seal) => this.markIssued(tx, batchId, assessmentId, seal.number));
        return;
      } catch (e) {
        const last = attempt === MAX_ATTEMPTS;
        await this.dataSource.transaction((em) => em.query(
          `UPDATE certificate_batch_items SET attempts = attempts + 1, error = ?, status = ? WHERE batch_id = ? AND assessment_id = ?`,
          [(e as Error).message.slice(0, 1000), last ? 'failed' : 'pending', batchId, assessmentId],
        ));
        this.logger.warn(`Seal for ${assessmentId} failed (attempt ${attempt}/${MAX_ATTEMPTS}): ${(e as Error).message}`);
      }
    }
  }

  private async markIssued(db: { query: DataSource['query'] }, batchId: string, assessmentId: string, number: string): Promise<void> {
    await db.query(`UPDATE certificate_batch_items SET status = 'issued', certificate_number = ? WHERE batch_id = ? AND assessment_id = ?`, [number, batchId, assessmentId]);
  }
}
