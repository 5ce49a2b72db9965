import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import { insertRows, jsonParam } from '../../database/portable-sql';
import { AuditEntryEntity } from './audit-entry.entity';

const AUDIT_COLUMNS = [
  'at',
  'actor_id',
  'actor_role',
  'action',
  'entity',
  'entity_id',
  'assessment_id',
  'before',
  'after',
] as const;

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

  /**
   * Changes each by its own actor, in plain SQL (portable-sql.ts's insertRows: a group of autosaves sharing a
   * transaction records a hundred at once).
   */
  async recordEach(em: EntityManager, entries: readonly { actor: Actor | null; change: AuditChange }[]): Promise<void> {
    const at = this.clock.now().toISOString();
    await insertRows(
      em,
      'audit_log',
      AUDIT_COLUMNS,
      entries.map(({ actor, change: c }) => [
        at,
        actor?.id ?? null,
        actor?.role ?? 'system',
        c.action,
        c.entity,
        c.entityId,
        c.assessmentId ?? null,
        jsonParam(c.before ?? null),
        jsonParam(c.after ?? null),
      ]),
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
