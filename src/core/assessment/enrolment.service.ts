import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireGovernmentAccess } from '../auth/actor';
import { Clock } from '../clock/clock';
import { EditionEntity } from '../editions/edition.entity';
import { type EditionCalendar, enrolmentOpen } from '../editions/edition-rules';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { FilesService } from '../files/files.service';
import { GovernmentEntity } from '../governments/government.entity';
import type { UploadedFile } from '../http/multipart';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerValue } from '../questionnaire/questionnaire.types';
import { carryForward } from '../questionnaire/version-chain';
import { AnswerEntity } from './answer.entity';
import { APPROVED_STATES } from './assessment-state';
import { AssessmentWorkflow } from './assessment-workflow.service';
import { AssessmentEntity } from './assessment.entity';
import type { EnrolmentRecord } from './assessment.types';
import type { EnrolmentDto } from './assessment.dto';

/** An edition's enrolment window as one government sees it today. */
export interface EnrolmentAvailability {
  readonly year: number;
  readonly calendar: EditionCalendar;
  readonly today: string;
  readonly open: boolean;
  /** Why the window is closed, with its dates (the message `enrol` refuses with), or null while it is open. */
  readonly closed: LocalizedText | null;
  /** The government's assessment in the edition, if it is already enrolled. */
  readonly assessmentId: string | null;
}

function enrolmentClosed(year: number, calendar: EditionCalendar, today: string): LocalizedText {
  return message('editions.enrolment-closed', {
    year,
    opens: { date: calendar.enrolmentOpens },
    closes: { date: calendar.enrolmentCloses },
    today: { date: today },
  });
}

/** The stored files an answer refers to: its evidence, and the value of an evidence item. */
function filesOf(row: AnswerEntity): string[] {
  const value = row.value as { file?: unknown } | null;
  const files = (row.evidence ?? []).flatMap((e) => ('file' in e ? [e.file] : []));
  return value && typeof value === 'object' && typeof value.file === 'string' ? [...files, value.file] : files;
}

/**
 * Enrolment in an edition: the form with the letter of intent, the answers a renewing government carries from
 * its previous edition, and the focal person's course completion.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly workflow: AssessmentWorkflow,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  async enrol(
    actor: Actor,
    year: number,
    data: EnrolmentDto,
    letter: UploadedFile | undefined,
  ): Promise<AssessmentEntity> {
    requireGovernmentAccess(actor, data.governmentCode);
    return this.files.transactionWithUploads(async (em, stage) => {
      const edition = await em.findOneBy(EditionEntity, { year });
      if (!edition) throw new DomainError('EDITION_NOT_FOUND', message('editions.not-found', { year }));
      // Both ends of the window are inclusive (UTC days, as the clock gives them); administrators may enrol late.
      const { enrolmentOpens, enrolmentCloses } = edition.calendar;
      const today = this.clock.today();
      if (actor.role === 'official' && !enrolmentOpen(edition.calendar, today)) {
        throw new DomainError('ENROLMENT_CLOSED', enrolmentClosed(year, edition.calendar, today), [], {
          enrolmentOpens,
          enrolmentCloses,
          today,
        });
      }
      if (!(await em.existsBy(GovernmentEntity, { ibgeCode: data.governmentCode }))) {
        throw new DomainError('VALIDATION_FAILED', message('editions.enrolment.unknown-government'), [
          { field: 'data.governmentCode', message: message('editions.unknown-government') },
        ]);
      }
      if (await em.existsBy(AssessmentEntity, { editionYear: year, governmentCode: data.governmentCode })) {
        throw new DomainError('ALREADY_EXISTS', message('editions.enrolment.already-enrolled', { year }));
      }
      const letterOfIntent = await stage(letter, ['pdf'], 'letterOfIntent', {
        owner: { kind: 'government', id: data.governmentCode },
      });
      const enrolment: EnrolmentRecord = {
        letterOfIntent,
        focalPerson: { ...data.focalPerson },
        substitutes: data.substitutes.map((s) => ({ ...s })),
        migrantService: { ...data.migrantService },
        enrolledAt: this.clock.now().toISOString(),
        enrolledBy: actor.id,
      };
      const previous = await em.findOne(AssessmentEntity, {
        where: { governmentCode: data.governmentCode, editionYear: LessThan(year), state: In([...APPROVED_STATES]) },
        order: { editionYear: 'DESC' },
      });
      const assessment = em.create(AssessmentEntity, {
        id: randomUUID(),
        editionYear: year,
        governmentCode: data.governmentCode,
        state: 'enrolled',
        versions: { ...edition.pinnedVersions },
        previousAssessmentId: previous?.id ?? null,
        round: 1,
        enrolment,
        scoreSnapshot: null,
        submittedAt: null,
        approvedAt: null,
        rowVersion: 1,
      });
      await em.insert(AssessmentEntity, assessment);
      const carried = previous ? await this.carryFrom(em, previous, assessment, actor) : 0;
      await this.workflow.audit.record(em, actor, {
        action: 'assessment.enrol',
        entity: 'assessment',
        entityId: assessment.id,
        assessmentId: assessment.id,
        after: {
          editionYear: year,
          governmentCode: data.governmentCode,
          enrolment,
          carriedAnswers: carried,
          previousAssessmentId: previous?.id ?? null,
        },
      });
      return assessment;
    });
  }

  /**
   * Whether a government may enrol in an edition today (the window as `enrol` checks it), and its assessment there
   * if it is already enrolled: what a page shows before the form.
   */
  async availability(actor: Actor, year: number, governmentCode: string): Promise<EnrolmentAvailability> {
    requireGovernmentAccess(actor, governmentCode);
    const em = this.workflow.dataSource.manager;
    const edition = await em.findOneBy(EditionEntity, { year });
    if (!edition) throw new DomainError('EDITION_NOT_FOUND', message('editions.not-found', { year }));
    const existing = await em.findOneBy(AssessmentEntity, { editionYear: year, governmentCode });
    const today = this.clock.today();
    const open = enrolmentOpen(edition.calendar, today);
    return {
      year,
      calendar: edition.calendar,
      today,
      open,
      closed: open ? null : enrolmentClosed(year, edition.calendar, today),
      assessmentId: existing?.id ?? null,
    };
  }

  /** A renewing government starts from its previous answers, carried through the key maps, marked as carried. */
  private async carryFrom(
    em: EntityManager,
    previous: AssessmentEntity,
    next: AssessmentEntity,
    actor: Actor,
  ): Promise<number> {
    const old = await em.findBy(AnswerEntity, { assessmentId: previous.id });
    const rows: AnswerEntity[] = [];
    for (const [group, toVersion] of Object.entries(next.versions)) {
      const fromVersion = previous.versions[group];
      if (fromVersion === undefined || fromVersion > toVersion) continue;
      const mine = old.filter((a) => a.groupSlug === group && a.value !== null);
      const answers = Object.fromEntries(mine.map((a) => [a.itemKey, a.value as AnswerValue]));
      const result = carryForward(this.catalogue.group(group).versions, fromVersion, toVersion, answers);
      for (const [key, value] of Object.entries(result.answers)) {
        const origin =
          mine.find((a) => a.itemKey === key) ?? mine.find((a) => JSON.stringify(a.value) === JSON.stringify(value));
        rows.push(
          em.create(AnswerEntity, {
            assessmentId: next.id,
            groupSlug: group,
            itemKey: key,
            value,
            evidence: origin?.evidence ?? null,
            version: 1,
            carried: true,
            changedRound: 1,
            reviewStatus: 'pending',
            reviewerRating: null,
            reviewNote: null,
            reviewedRound: null,
            updatedBy: actor.id,
          }),
        );
      }
    }
    for (let i = 0; i < rows.length; i += 100) await em.insert(AnswerEntity, rows.slice(i, i + 100));
    // The files carried with the answers are the government's own: the new assessment may show and keep them.
    await this.files.grant(em, rows.flatMap(filesOf), { kind: 'assessment', id: next.id });
    return rows.length;
  }

  async recordCourse(
    actor: Actor,
    id: string,
    completedAt: string,
    certificate: UploadedFile | undefined,
  ): Promise<EnrolmentRecord> {
    return this.files.transactionWithUploads(async (em, stage) => {
      const assessment = await this.workflow.load(em, actor, id);
      const stored = await stage(certificate, ['pdf', 'image'], 'certificate', {
        owner: { kind: 'government', id: assessment.governmentCode },
      });
      const enrolment: EnrolmentRecord = { ...assessment.enrolment, course: { completedAt, certificate: stored } };
      await em.update(AssessmentEntity, { id }, { enrolment });
      await this.workflow.audit.record(em, actor, {
        action: 'enrolment.course-completed',
        entity: 'assessment',
        entityId: id,
        assessmentId: id,
        before: assessment.enrolment.course ?? null,
        after: enrolment.course,
      });
      return enrolment;
    });
  }

  /** Stores an evidence file for the assessment and returns the reference to put in an answer. */
}
