import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, requireGovernmentAccess, roleNames } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import { type AssessmentEvent, STATE_LABELS, transition } from './assessment-state';
import { AssessmentEntity } from './assessment.entity';
import { itemName } from './item-name';

/**
 * Loading assessments for a caller and moving them through the state machine: the pieces every
 * lifecycle service (diagnosis, review, priorities) shares.
 */
@Injectable()
export class AssessmentWorkflow {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    readonly audit: AuditService,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  /** An item as people read it ("item 1.3 («label»)"), in the questionnaire version the assessment pins. */
  itemName(
    assessment: Pick<AssessmentEntity, 'versions'>,
    ref: { readonly group: string; readonly itemKey: string },
  ): LocalizedText {
    const version = assessment.versions[ref.group];
    if (version === undefined) return message('diagnosis.unknown-group');
    const { definition } = this.catalogue.group(ref.group);
    return itemName(this.catalogue.version(ref.group, version), definition.number, ref.itemKey);
  }

  /** The assessment, if the caller may see it (officials: their own government's only). */
  async load(em: EntityManager, actor: Actor, id: string): Promise<AssessmentEntity> {
    const assessment = await em.findOneBy(AssessmentEntity, { id });
    if (!assessment) {
      throw new DomainError('ASSESSMENT_NOT_FOUND', message('workflow.assessment-not-found'), [], { id });
    }
    requireGovernmentAccess(actor, assessment.governmentCode);
    return assessment;
  }

  /** The transition's target state, or a 409 naming the current state (403 for a role that may never do it). */
  target(assessment: AssessmentEntity, event: AssessmentEvent, actor: Actor) {
    const result = transition(assessment.state, event, actor.role);
    if (result.ok) return result.to;
    if (result.reason === 'ROLE_NOT_ALLOWED') {
      throw new DomainError(
        'FORBIDDEN',
        message('workflow.role-not-allowed', {
          roles: roleNames(result.roles),
          action: message(`workflow.action.${event}`),
        }),
      );
    }
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      message('workflow.illegal-transition', {
        action: message(`workflow.action.${event}`),
        state: STATE_LABELS[assessment.state],
        allowed: { list: result.allowedFrom.map((s) => STATE_LABELS[s]) },
        next: message(`workflow.next.${assessment.state}`),
      }),
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
      throw new DomainError('ILLEGAL_TRANSITION', message('workflow.concurrent-change'));
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
