import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, requireGovernmentAccess } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { type AssessmentEvent, STATE_LABELS, transition } from './assessment-state';
import { AssessmentEntity } from './assessment.entity';

/**
 * Loading assessments for a caller and moving them through the state machine: the pieces every
 * lifecycle service (diagnosis, review, priorities) shares.
 */
@Injectable()
export class AssessmentWorkflow {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    readonly audit: AuditService,
  ) {}

  /** The assessment, if the caller may see it (officials: their own government's only). */
  async load(em: EntityManager, actor: Actor, id: string): Promise<AssessmentEntity> {
    const assessment = await em.findOneBy(AssessmentEntity, { id });
    if (!assessment) {
      throw new DomainError('ASSESSMENT_NOT_FOUND', {
        'pt-BR': `Avaliação ${id} não encontrada.`,
        en: `Assessment ${id} not found.`,
      });
    }
    requireGovernmentAccess(actor, assessment.governmentCode);
    return assessment;
  }

  /** The transition's target state, or a 409 naming the current state (403 for a role that may never do it). */
  target(assessment: AssessmentEntity, event: AssessmentEvent, actor: Actor) {
    const result = transition(assessment.state, event, actor.role);
    if (result.ok) return result.to;
    if (result.reason === 'ROLE_NOT_ALLOWED') {
      throw new DomainError('FORBIDDEN', {
        'pt-BR': `A ação "${event}" é reservada a: ${result.roles.join(', ')}.`,
        en: `The action "${event}" is reserved to: ${result.roles.join(', ')}.`,
      });
    }
    const label = STATE_LABELS[assessment.state];
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      {
        'pt-BR': `Não é possível "${event}": a avaliação está "${label['pt-BR']}" (é preciso estar em: ${result.allowedFrom.join(', ')}).`,
        en: `Cannot "${event}": the assessment is "${label.en}" (it must be in: ${result.allowedFrom.join(', ')}).`,
      },
      [],
      { currentState: assessment.state, allowedFrom: result.allowedFrom },
    );
  }

  /**
   * Applies a transition (and any other column changes) if nobody changed the assessment meanwhile, and
   * records it in the audit trail.
   */
  async move(
    em: EntityManager,
    assessment: AssessmentEntity,
    event: AssessmentEvent,
    actor: Actor,
    patch: Partial<AssessmentEntity> = {},
    note?: string,
  ): Promise<AssessmentEntity> {
    const to = this.target(assessment, event, actor);
    const result = await em
      .createQueryBuilder()
      .update(AssessmentEntity)
      .set({ ...patch, state: to, rowVersion: assessment.rowVersion + 1 })
      .where('id = :id AND row_version = :v', { id: assessment.id, v: assessment.rowVersion })
      .execute();
    if (result.affected !== 1) {
      throw new DomainError('ILLEGAL_TRANSITION', {
        'pt-BR': 'A avaliação foi alterada por outra pessoa; recarregue e tente de novo.',
        en: 'The assessment was changed by someone else; reload and try again.',
      });
    }
    await this.audit.record(em, actor, {
      action: `assessment.${event}`,
      entity: 'assessment',
      entityId: assessment.id,
      assessmentId: assessment.id,
      before: { state: assessment.state },
      after: { state: to, ...(note ? { reason: note } : {}), ...summarise(patch) },
    });
    return Object.assign(assessment, patch, { state: to, rowVersion: assessment.rowVersion + 1 });
  }
}

/** Audit keeps the changed columns, not large blobs such as the score snapshot. */
function summarise(patch: Partial<AssessmentEntity>): Record<string, unknown> {
  const { scoreSnapshot, ...rest } = patch;
  return scoreSnapshot ? { ...rest, scoreIndex: scoreSnapshot.index.index } : rest;
}
