import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { AuditService } from '../audit/audit.service';
import { type Actor, requireRole } from '../auth/actor';
import { Clock } from '../clock/clock';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import { message } from '../i18n/message';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import { asNumber, rawQuery, sameJson } from '../../database/portable-sql';
import { DeadlineExtensionEntity } from './deadline-extension.entity';
import { EditionEntity } from './edition.entity';
import {
  calendarProblems,
  type CertificationRule,
  DEFAULT_CERTIFICATION_RULE,
  DEFAULT_SEAL_VALIDITY,
  diagnosisDeadline,
  diagnosisOpen,
  type EditionCalendar,
  enrolmentOpen,
  type SealValidity,
} from './edition-rules';

export interface NewEdition {
  readonly year: number;
  readonly calendar: EditionCalendar;
  readonly pinnedVersions?: Record<string, number>;
  readonly certificationRule?: CertificationRule;
  readonly sealValidity?: { readonly kind: SealValidity['kind']; readonly until?: string };
}

export interface NewDeadlineExtension {
  readonly governmentCode: string;
  readonly until: string;
  readonly reason: string;
}

/** The diagnosis deadline that holds for one government: the edition's, or the latest extension's. */
export interface EffectiveDeadline {
  readonly deadline: string;
  readonly editionDeadline: string;
  readonly extended: boolean;
  readonly extension: { readonly until: string; readonly reason: string; readonly createdAt: string } | null;
}

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The edition's settings checked together: every problem named by its field, or the settings as stored. */
  private validated(input: NewEdition): Pick<EditionEntity, 'pinnedVersions' | 'certificationRule' | 'sealValidity'> {
    const fields: FieldProblem[] = calendarProblems(input.calendar).map((p) => ({
      field: p.field,
      message: p.message,
    }));
    const pinned: Record<string, number> = {};
    const given = input.pinnedVersions ?? {};
    for (const slug of Object.keys(given)) {
      if (!this.catalogue.groups().some((g) => g.definition.slug === slug)) {
        fields.push({ field: `pinnedVersions.${slug}`, message: message('editions.no-such-group') });
      }
    }
    for (const { definition, versions, latest } of this.catalogue.groups()) {
      const version = given[definition.slug] ?? latest.version;
      if (!Number.isInteger(version) || !versions.has(version)) {
        fields.push({
          field: `pinnedVersions.${definition.slug}`,
          message: message('editions.no-such-version', {
            group: latest.title,
            published: { list: [...versions.keys()] },
          }),
        });
      }
      pinned[definition.slug] = version;
    }
    const rule = input.certificationRule ?? DEFAULT_CERTIFICATION_RULE;
    if (rule.kind === 'minimum-index' && rule.minimumIndex === undefined) {
      fields.push({ field: 'certificationRule.minimumIndex', message: message('editions.minimum-index-required') });
    }
    if (rule.kind === 'minimum-levels' && rule.minimumLevel === undefined) {
      fields.push({ field: 'certificationRule.minimumLevel', message: message('editions.minimum-level-required') });
    }
    let sealValidity: SealValidity = DEFAULT_SEAL_VALIDITY;
    if (input.sealValidity?.kind === 'fixed') {
      if (input.sealValidity.until === undefined) {
        fields.push({ field: 'sealValidity.until', message: message('editions.seal-validity-until-required') });
      } else {
        if (input.sealValidity.until < input.calendar.certificationDate)
          fields.push({
            field: 'sealValidity.until',
            message: message('editions.seal-validity-before-certification', {
              certificationDate: { date: input.calendar.certificationDate },
            }),
          });
        sealValidity = { kind: 'fixed', until: input.sealValidity.until };
      }
    } else if (input.sealValidity) {
      sealValidity = { kind: input.sealValidity.kind };
    }
    if (fields.length > 0) {
      throw new DomainError('VALIDATION_FAILED', message('editions.invalid', { count: fields.length }), fields);
    }
    return { pinnedVersions: pinned, certificationRule: { ...rule }, sealValidity };
  }

  async create(actor: Actor | null, input: NewEdition): Promise<EditionEntity> {
    const settings = this.validated(input);
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(EditionEntity, { year: input.year })) {
        throw new DomainError('ALREADY_EXISTS', message('editions.already-exists', { year: input.year }), [
          { field: 'year', message: message('editions.year-taken') },
        ]);
      }
      const edition = em.create(EditionEntity, {
        year: input.year,
        calendar: { ...input.calendar },
        ...settings,
      });
      await em.insert(EditionEntity, edition);
      await this.audit.record(em, actor, {
        action: 'edition.create',
        entity: 'edition',
        entityId: String(input.year),
        after: edition,
      });
      return edition;
    });
  }

  /**
   * An administrator changes an edition's calendar, rule, seal validity or pinned versions, checked as at creation.
   * The pinned versions stay as they are once a government has enrolled: its answers belong to those versions.
   */
  async update(actor: Actor, year: number, input: Partial<Omit<NewEdition, 'year'>>): Promise<EditionEntity> {
    requireRole(actor, 'admin');
    const before = await this.get(year);
    // What the change leaves out stays as it was.
    const settings = this.validated({
      year,
      calendar: input.calendar ?? before.calendar,
      pinnedVersions: { ...before.pinnedVersions, ...input.pinnedVersions },
      certificationRule: input.certificationRule ?? before.certificationRule,
      sealValidity: input.sealValidity ?? before.sealValidity,
    });
    const enrolled = await this.dataSource.getRepository(AssessmentEntity).existsBy({ editionYear: year });
    const changed = Object.keys(settings.pinnedVersions).filter(
      (slug) => settings.pinnedVersions[slug] !== before.pinnedVersions[slug],
    );
    if (enrolled && changed.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        message('editions.invalid', { count: changed.length }),
        changed.map((slug) => ({ field: `pinnedVersions.${slug}`, message: message('editions.pinned-locked') })),
      );
    }
    const after = { ...before, calendar: { ...(input.calendar ?? before.calendar) }, ...settings };
    // A change that changes nothing (an empty body, the values it already has) is no act for the trail.
    if (sameJson(after, before)) return after;
    return this.dataSource.transaction(async (em) => {
      await em.update(
        EditionEntity,
        { year },
        {
          calendar: after.calendar,
          pinnedVersions: after.pinnedVersions,
          certificationRule: after.certificationRule,
          sealValidity: after.sealValidity,
        },
      );
      await this.audit.record(em, actor, {
        action: 'edition.update',
        entity: 'edition',
        entityId: String(year),
        before,
        after,
      });
      return after;
    });
  }

  /** The editions' years, newest first (a filter's choices: no edition's settings to read). */
  async years(): Promise<number[]> {
    const rows = await rawQuery<{ year: unknown }>(
      this.dataSource,
      'SELECT "year" FROM "editions" ORDER BY "year" DESC',
    );
    return rows.map((r) => asNumber(r.year));
  }

  list(): Promise<EditionEntity[]> {
    return this.dataSource.getRepository(EditionEntity).find({ order: { year: 'ASC' } });
  }

  /** The editions whose enrolment window holds today (by the engine's clock), the newest first. */
  async openForEnrolment(): Promise<EditionEntity[]> {
    const today = this.clock.today();
    return (await this.list()).filter((e) => enrolmentOpen(e.calendar, today)).reverse();
  }

  async get(year: number): Promise<EditionEntity> {
    const edition = await this.dataSource.getRepository(EditionEntity).findOneBy({ year });
    if (!edition) throw new DomainError('EDITION_NOT_FOUND', message('editions.not-found', { year }));
    return edition;
  }

  /** An administrator extends the diagnosis deadline of one government in an edition, with a recorded reason. */
  async extendDeadline(actor: Actor, year: number, input: NewDeadlineExtension): Promise<DeadlineExtensionEntity> {
    requireRole(actor, 'admin');
    const edition = await this.get(year);
    if (!(await this.dataSource.getRepository(GovernmentEntity).existsBy({ ibgeCode: input.governmentCode }))) {
      throw new DomainError('VALIDATION_FAILED', message('editions.extension-invalid'), [
        { field: 'governmentCode', message: message('editions.unknown-government') },
      ]);
    }
    if (input.until < edition.calendar.diagnosisDeadline) {
      throw new DomainError('VALIDATION_FAILED', message('editions.extension-invalid'), [
        {
          field: 'until',
          message: message('editions.extension-before-deadline', {
            deadline: { date: edition.calendar.diagnosisDeadline },
          }),
        },
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      const before = await this.latestExtension(year, input.governmentCode, em);
      const row = em.create(DeadlineExtensionEntity, {
        id: randomUUID(),
        editionYear: year,
        governmentCode: input.governmentCode,
        until: input.until,
        reason: input.reason.trim(),
        createdBy: actor.id,
        createdAt: this.clock.now().toISOString(),
      });
      await em.insert(DeadlineExtensionEntity, row);
      const assessment = await em.findOneBy(AssessmentEntity, {
        editionYear: year,
        governmentCode: input.governmentCode,
      });
      await this.audit.record(em, actor, {
        action: 'edition.deadline-extension',
        entity: 'edition',
        entityId: String(year),
        assessmentId: assessment?.id,
        before: { diagnosisDeadline: before?.until ?? edition.calendar.diagnosisDeadline },
        after: { governmentCode: row.governmentCode, diagnosisDeadline: row.until, reason: row.reason },
      });
      return row;
    });
  }

  async listExtensions(year: number): Promise<DeadlineExtensionEntity[]> {
    await this.get(year);
    return this.dataSource
      .getRepository(DeadlineExtensionEntity)
      .find({ where: { editionYear: year }, order: { createdAt: 'ASC' } });
  }

  private latestExtension(year: number, governmentCode: string, em = this.dataSource.manager) {
    return em.findOne(DeadlineExtensionEntity, {
      where: { editionYear: year, governmentCode },
      // As the autosave's read orders them (save-group-reads.ts), ties included.
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The diagnosis deadline of a government in an edition: the edition's, unless an administrator extended it. */
  async effectiveDeadline(edition: EditionEntity, governmentCode: string): Promise<EffectiveDeadline> {
    const extension = await this.latestExtension(edition.year, governmentCode);
    return {
      ...diagnosisDeadline(edition.calendar.diagnosisDeadline, extension?.until ?? null),
      editionDeadline: edition.calendar.diagnosisDeadline,
      extension: extension
        ? { until: extension.until, reason: extension.reason, createdAt: extension.createdAt }
        : null,
    };
  }

  /**
   * Refuses an official's change to the diagnosis after its deadline (inclusive, by the engine clock's UTC day),
   * except on the items sent back while reviewers request changes (see `diagnosisOpen`). Other callers, and
   * assessments the caller may not reach, are left to the checks that follow.
   */
  async requireDiagnosisOpen(actor: Actor, assessmentId: string): Promise<void> {
    if (actor.role !== 'official') return;
    const assessment = await this.dataSource.getRepository(AssessmentEntity).findOne({
      where: { id: assessmentId },
      select: ['id', 'editionYear', 'governmentCode', 'state'],
    });
    if (!assessment || assessment.governmentCode !== actor.governmentCode) return;
    const edition = await this.get(assessment.editionYear);
    const { deadline, extended } = await this.effectiveDeadline(edition, assessment.governmentCode);
    if (diagnosisOpen(assessment.state, this.clock.today(), deadline)) return;
    throw diagnosisClosedError(edition.year, deadline, extended);
  }
}

/** 403 DIAGNOSIS_CLOSED: the deadline (the edition's, or the government's extension) has passed. */
export function diagnosisClosedError(year: number, deadline: string, extended: boolean): DomainError {
  return new DomainError(
    'DIAGNOSIS_CLOSED',
    message(extended ? 'editions.diagnosis-closed-extended' : 'editions.diagnosis-closed', {
      year,
      deadline: { date: deadline },
    }),
    [],
    { deadline, extended },
  );
}
