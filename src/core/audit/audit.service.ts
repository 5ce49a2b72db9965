import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditChange {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly assessmentId?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends to the audit trail inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, actor: Actor | null, ...changes: AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    const at = this.clock.now().toISOString();
    await em.insert(
      AuditEntryEntity,
      changes.map((c) => ({
        at,
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? 'system',
        action: c.action,
        entity: c.entity,
        entityId: c.entityId,
        assessmentId: c.assessmentId ?? null,
        before: (c.before ?? null) as object | null,
        after: (c.after ?? null) as object | null,
      })),
    );
  }

  async forAssessment(assessmentId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { assessmentId }, order: { id: 'ASC' } });
  }
}
