import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { asJson } from '../../database/portable-sql';
import { type AssessmentState, EDITABLE_STATES, STATE_LABELS } from '../assessment/assessment-state';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { type Actor, requireRole } from '../auth/actor';
import { Clock } from '../clock/clock';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import type { LocalizedText } from '../i18n/localized-text';
import { message, verbatim } from '../i18n/message';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import { GoodPracticeEntity } from './good-practice.entity';
import type { CreateGoodPracticeDto, GoodPracticeQueryDto, ReviewGoodPracticeDto } from './good-practices.dto';

/** A practice is published only from a diagnosis its government has sent: not while it is still being filled. */
const NOT_YET_SUBMITTED: readonly AssessmentState[] = ['enrolled', 'diagnosis-in-progress'];

export interface GoodPracticeGroup {
  readonly slug: string;
  readonly number: number | null;
  readonly title: LocalizedText;
}

/** SQLite keeps datetimes as UTC "YYYY-MM-DD HH:MM:SS.SSS" text; raw queries return that text. */
const isoFromSqlite = (value: string | Date | null): string | null =>
  value instanceof Date ? value.toISOString() : value ? new Date(`${value.replace(' ', 'T')}Z`).toISOString() : null;

/**
 * Good practices: officials record them while their diagnosis is open, reviewers approve or reject them,
 * and the approved ones form the public bank of practice sheets ("fichas") and go into the report.
 */
@Injectable()
export class GoodPracticesService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, assessmentId: string, dto: CreateGoodPracticeDto) {
    return this.workflow.dataSource.transaction(async (em) => {
      const assessment = await this.workflow.load(em, actor, assessmentId);
      requireRole(actor, 'official');
      if (!EDITABLE_STATES.includes(assessment.state)) {
        throw new DomainError(
          'ASSESSMENT_LOCKED',
          message('good-practices.only-during-diagnosis', { state: STATE_LABELS[assessment.state] }),
          [],
          { currentState: assessment.state },
        );
      }
      const fields: FieldProblem[] = [];
      const groups = Object.keys(assessment.versions);
      if (!groups.includes(dto.group)) {
        fields.push({
          field: 'group',
          code: 'UNKNOWN_GROUP',
          message: message('good-practices.unknown-group'),
          allowed: groups,
        });
      }
      const thisYear = this.clock.year();
      if (dto.startYear !== undefined && dto.startYear > thisYear) {
        fields.push({
          field: 'startYear',
          code: 'FUTURE_YEAR',
          message: message('good-practices.future-year', { year: thisYear }),
        });
      }
      if (fields.length > 0) {
        throw new DomainError(
          'VALIDATION_FAILED',
          message('common.invalid-input', { count: new Set(fields.map((f) => f.field)).size }),
          fields,
        );
      }
      const row = em.create(GoodPracticeEntity, {
        id: randomUUID(),
        assessmentId,
        groupSlug: dto.group,
        title: dto.title,
        description: dto.description,
        link: dto.link ?? null,
        startYear: dto.startYear ?? null,
        status: 'pending',
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      await em.insert(GoodPracticeEntity, row);
      await this.workflow.audit.record(em, actor, {
        action: 'good-practice.create',
        entity: 'good-practice',
        entityId: row.id,
        assessmentId,
        after: {
          group: row.groupSlug,
          title: row.title,
          description: row.description,
          link: row.link,
          startYear: row.startYear,
        },
      });
      return this.view(row, assessment.versions);
    });
  }

  /** Every practice of an assessment, whatever its status, for the government and the reviewers. */
  async listForAssessment(actor: Actor, assessmentId: string) {
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, assessmentId);
    const rows = await em.find(GoodPracticeEntity, {
      where: { assessmentId },
      order: { createdAt: 'ASC', title: 'ASC' },
    });
    return rows.map((r) => this.view(r, assessment.versions));
  }

  /** Approves or rejects (with a comment the government reads); a later decision replaces an earlier one. */
  async review(actor: Actor, id: string, dto: ReviewGoodPracticeDto) {
    requireRole(actor, 'reviewer', 'admin');
    return this.workflow.dataSource.transaction(async (em) => {
      const row = await em.findOneBy(GoodPracticeEntity, { id });
      if (!row) throw new DomainError('GOOD_PRACTICE_NOT_FOUND', message('good-practices.not-found'), [], { id });
      if (dto.decision === 'reject' && (dto.comment ?? '').length < 5) {
        throw new DomainError('VALIDATION_FAILED', message('common.invalid-input', { count: 1 }), [
          { field: 'comment', code: 'COMMENT_REQUIRED', message: message('good-practices.comment-required') },
        ]);
      }
      const assessment = await em.findOneByOrFail(AssessmentEntity, { id: row.assessmentId });
      if (dto.decision === 'approve' && NOT_YET_SUBMITTED.includes(assessment.state)) {
        throw new DomainError(
          'DIAGNOSIS_NOT_SUBMITTED',
          message('good-practices.diagnosis-not-submitted', { state: STATE_LABELS[assessment.state] }),
          [],
          { currentState: assessment.state },
        );
      }
      const before = { status: row.status, reviewComment: row.reviewComment };
      const patch = {
        status: dto.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
        reviewComment: dto.comment || null,
        reviewedBy: actor.id,
        reviewedAt: this.clock.now(),
      };
      await em.update(GoodPracticeEntity, { id }, patch);
      await this.workflow.audit.record(em, actor, {
        action: `good-practice.${dto.decision}`,
        entity: 'good-practice',
        entityId: id,
        assessmentId: row.assessmentId,
        before,
        after: { status: patch.status, reviewComment: patch.reviewComment },
      });
      return this.view(Object.assign(row, patch), assessment.versions);
    });
  }

  /** Practices waiting for a reviewer, oldest first, with the government and edition they come from. */
  async pending(limit: number) {
    const rows = await this.workflow.dataSource
      .getRepository(GoodPracticeEntity)
      .createQueryBuilder('p')
      .innerJoin(AssessmentEntity, 'a', 'a.id = p.assessment_id')
      .innerJoin(GovernmentEntity, 'g', 'g.ibge_code = a.government_code')
      .where('p.status = :status', { status: 'pending' })
      .select([
        'p.id AS "id"',
        'p.title AS "title"',
        'p.description AS "description"',
        'p.group_slug AS "groupSlug"',
        'p.link AS "link"',
        'p.assessment_id AS "assessmentId"',
        'a.edition_year AS "editionYear"',
        'a.versions AS "versions"',
        'g.name AS "governmentName"',
        'g.uf AS "uf"',
      ])
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit)
      .getRawMany<{
        id: string;
        title: string;
        description: string;
        groupSlug: string;
        link: string | null;
        assessmentId: string;
        editionYear: number;
        versions: unknown;
        governmentName: string;
        uf: string;
      }>();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      link: r.link,
      assessmentId: r.assessmentId,
      editionYear: r.editionYear,
      group: this.group(r.groupSlug, asJson<Record<string, number>>(r.versions)[r.groupSlug]),
      government: { name: r.governmentName, uf: r.uf },
    }));
  }

  /** The approved practices of one assessment, in the order they were recorded (for its report). */
  approvedFor(assessmentId: string): Promise<GoodPracticeEntity[]> {
    return this.workflow.dataSource
      .getRepository(GoodPracticeEntity)
      .find({ where: { assessmentId, status: 'approved' }, order: { createdAt: 'ASC', title: 'ASC' } });
  }

  /** The public bank: approved practices only, with the government and edition they come from. */
  async publicList(query: GoodPracticeQueryDto) {
    const qb = this.workflow.dataSource
      .getRepository(GoodPracticeEntity)
      .createQueryBuilder('p')
      .innerJoin(AssessmentEntity, 'a', 'a.id = p.assessment_id')
      .innerJoin(GovernmentEntity, 'g', 'g.ibge_code = a.government_code')
      .where('p.status = :status', { status: 'approved' });
    if (query.group) qb.andWhere('p.group_slug = :group', { group: query.group });
    if (query.uf) qb.andWhere('g.uf = :uf', { uf: query.uf });
    if (query.edition) qb.andWhere('a.edition_year = :edition', { edition: query.edition });
    const total = await qb.getCount();
    const rows = await qb
      .select([
        'p.id AS "id"',
        'p.title AS "title"',
        'p.description AS "description"',
        'p.group_slug AS "groupSlug"',
        'p.link AS "link"',
        'p.start_year AS "startYear"',
        'p.reviewed_at AS "approvedAt"',
        'a.edition_year AS "editionYear"',
        'a.versions AS "versions"',
        'g.ibge_code AS "ibgeCode"',
        'g.name AS "governmentName"',
        'g.uf AS "uf"',
        'g.kind AS "kind"',
      ])
      .orderBy('a.edition_year', 'DESC')
      .addOrderBy('g.name', 'ASC')
      .addOrderBy('p.title', 'ASC')
      .limit(query.limit)
      .offset(query.offset)
      .getRawMany<{
        id: string;
        title: string;
        description: string;
        groupSlug: string;
        link: string | null;
        startYear: number | null;
        approvedAt: string | Date | null;
        editionYear: number;
        versions: unknown;
        ibgeCode: string;
        governmentName: string;
        uf: string;
        kind: string;
      }>();
    return {
      total,
      limit: query.limit,
      offset: query.offset,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        group: this.group(r.groupSlug, asJson<Record<string, number>>(r.versions)[r.groupSlug]),
        link: r.link,
        startYear: r.startYear,
        editionYear: r.editionYear,
        government: { ibgeCode: r.ibgeCode, name: r.governmentName, uf: r.uf, kind: r.kind },
        approvedAt: isoFromSqlite(r.approvedAt),
      })),
    };
  }

  /** The group a practice belongs to, named as the assessment's questionnaire version names it. */
  group(slug: string, version: number | undefined): GoodPracticeGroup {
    const entry = this.catalogue.groups().find((g) => g.definition.slug === slug);
    if (!entry) return { slug, number: null, title: verbatim(slug) };
    const questionnaire = (version !== undefined ? entry.versions.get(version) : undefined) ?? entry.latest;
    return { slug, number: entry.definition.number, title: questionnaire.title };
  }

  private view(row: GoodPracticeEntity, versions: Record<string, number>) {
    return {
      id: row.id,
      assessmentId: row.assessmentId,
      group: this.group(row.groupSlug, versions[row.groupSlug]),
      title: row.title,
      description: row.description,
      link: row.link,
      startYear: row.startYear,
      status: row.status,
      reviewComment: row.reviewComment,
      reviewedAt: row.reviewedAt,
      createdAt: row.createdAt,
    };
  }
}
