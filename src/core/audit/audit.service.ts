import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import {
  dialectOfRunner,
  inChunks,
  jsonParam,
  jsonRows,
  jsonRowsParam,
  placeholders,
  rawQuery,
} from '../../database/portable-sql';
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
   * Changes each by its own actor, in plain SQL (a group of autosaves sharing a transaction records a hundred
   * at once; TypeORM's insert builder cost more than the statement): on SQLite one statement of one text (the
   * rows as JSON, portable-sql.ts's jsonRows), on PostgreSQL multi-row inserts.
   */
  async recordEach(em: EntityManager, entries: readonly { actor: Actor | null; change: AuditChange }[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.clock.now().toISOString();
    const columns = AUDIT_COLUMNS.map((c) => `"${c}"`).join(', ');
    const values = ({ actor, change: c }: (typeof entries)[number]) => [
      at,
      actor?.id ?? null,
      actor?.role ?? 'system',
      c.action,
      c.entity,
      c.entityId,
      c.assessmentId ?? null,
      jsonParam(c.before ?? null),
      jsonParam(c.after ?? null),
    ];
    if (dialectOfRunner(em) === 'sqlite') {
      await rawQuery(
        em,
        `WITH r AS (${jsonRows(AUDIT_COLUMNS.length)}) INSERT INTO "audit_log" (${columns}) SELECT * FROM r`,
        [jsonRowsParam(entries.map(values))],
      );
      return;
    }
    const row = `(${placeholders(AUDIT_COLUMNS.length)})`;
    for (const some of inChunks(entries, 100))
      await rawQuery(
        em,
        `INSERT INTO "audit_log" (${columns}) VALUES ${some.map(() => row).join(', ')}`,
        some.flatMap(values),
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
