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
    await this.recordEach(
      em,
      changes.map((change) => ({ actor, change })),
    );
  }

  /** Changes each by its own actor, in one insert (a group of autosaves sharing a transaction). */
  async recordEach(em: EntityManager, entries: readonly { actor: Actor | null; change: AuditChange }[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.clock.now().toISOString();
    await em.insert(
      AuditEntryEntity,
      entries.map(({ actor, change: c }) => ({
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

  /** An assessment's trail in order, each entry with the name of who acted (null for the engine's own acts). */
  async forAssessment(assessmentId: string): Promise<(AuditEntryEntity & { actorName: string | null })[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .leftJoin('users', 'u', 'u.id = e.actor_id')
      .addSelect('u.name', 'actor_name')
      .where('e.assessment_id = :assessmentId', { assessmentId })
      .orderBy('e.id', 'ASC')
      .getRawAndEntities<{ actor_name: string | null }>();
    return entities.map((e, i) => ({ ...e, actorName: raw[i]?.actor_name ?? null }));
  }
}
