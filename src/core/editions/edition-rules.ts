import type { AssessmentState } from '../assessment/assessment-state';
import type { EnrolmentRecord } from '../assessment/assessment.types';
import { message } from '../i18n/message';
import type { LocalizedText } from '../i18n/localized-text';
import type { MaturityLevelKey } from '../scoring/scoring-policy';

/** Dates (YYYY-MM-DD) of an edition's stages. */
export interface EditionCalendar {
  readonly enrolmentOpens: string;
  readonly enrolmentCloses: string;
  readonly diagnosisDeadline: string;
  readonly reviewDeadline: string;
  readonly certificationDate: string;
}

/**
 * What it takes to be certified. The programme certifies engagement: by default every stage complete;
 * an edition may also ask for a minimum index or a minimum level in every group.
 */
export interface CertificationRule {
  readonly kind: 'all-stages' | 'minimum-index' | 'minimum-levels';
  readonly minimumIndex?: number;
  readonly minimumLevel?: MaturityLevelKey;
}

export const DEFAULT_CERTIFICATION_RULE: CertificationRule = { kind: 'all-stages' };

/**
 * Until when an edition's seals are valid: a year after their issue (the default), until the next edition's
 * certification (a year after issue while that date is unknown), or until a fixed date.
 */
export type SealValidity =
  | { readonly kind: 'one-year' }
  | { readonly kind: 'until-next-certification' }
  | { readonly kind: 'fixed'; readonly until: string };

export const DEFAULT_SEAL_VALIDITY: SealValidity = { kind: 'one-year' };

const CALENDAR_ORDER: readonly (keyof EditionCalendar)[] = [
  'enrolmentOpens',
  'enrolmentCloses',
  'diagnosisDeadline',
  'reviewDeadline',
  'certificationDate',
];

const CALENDAR_LABELS: Record<keyof EditionCalendar, LocalizedText> = {
  enrolmentOpens: message('editions.calendar.enrolment-opens'),
  enrolmentCloses: message('editions.calendar.enrolment-closes'),
  diagnosisDeadline: message('editions.calendar.diagnosis-deadline'),
  reviewDeadline: message('editions.calendar.review-deadline'),
  certificationDate: message('editions.calendar.certification-date'),
};

/** The calendar's dates must follow each other; returns the fields out of order. */
export function calendarProblems(c: EditionCalendar): { field: string; message: LocalizedText }[] {
  const problems: { field: string; message: LocalizedText }[] = [];
  for (let i = 1; i < CALENDAR_ORDER.length; i++) {
    const [before, after] = [CALENDAR_ORDER[i - 1], CALENDAR_ORDER[i]];
    if (c[after] < c[before])
      problems.push({
        field: `calendar.${after}`,
        message: message('editions.calendar.out-of-order', {
          date: CALENDAR_LABELS[after],
          day: { date: c[after] },
          previous: CALENDAR_LABELS[before],
          previousDay: { date: c[before] },
        }),
      });
  }
  return problems;
}

/** The same day a year later (29 February becomes 28 February). */
export function addYear(date: string): string {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4, 10)}`;
  return next.endsWith('-02-29') ? `${next.slice(0, 8)}28` : next;
}

/**
 * The last day (inclusive) a seal issued on `issueDate` is valid, under its edition's rule; `nextCertification`
 * is the next edition's certification date when that edition exists.
 */
export function sealValidUntil(validity: SealValidity, issueDate: string, nextCertification: string | null): string {
  if (validity.kind === 'fixed') return validity.until;
  if (validity.kind === 'until-next-certification') return nextCertification ?? addYear(issueDate);
  return addYear(issueDate);
}

/**
 * A government's diagnosis deadline: the edition's, unless an administrator extended it (the latest extension
 * granted counts, earlier or later than the one before).
 */
export function diagnosisDeadline(
  editionDeadline: string,
  latestExtension: string | null,
): { readonly deadline: string; readonly extended: boolean } {
  return latestExtension === null
    ? { deadline: editionDeadline, extended: false }
    : { deadline: latestExtension, extended: true };
}

/**
 * Whether an official may still change the diagnosis on `today` (dates inclusive, UTC days, as the clock gives
 * them). While reviewers request changes the official may answer the items sent back even after the deadline:
 * the review's time is not the official's delay.
 */
export function diagnosisOpen(state: AssessmentState, today: string, deadline: string): boolean {
  return state === 'changes-requested' || today <= deadline;
}

/** Whether enrolment is open on `today` (both ends inclusive). */
export function enrolmentOpen(calendar: EditionCalendar, today: string): boolean {
  return today >= calendar.enrolmentOpens && today <= calendar.enrolmentCloses;
}

// ---- The five stages of an edition (DOMAIN.md) ----

export const STAGES = ['enrolment', 'diagnosis', 'prioritisation', 'certification', 'monitoring'] as const;
export type StageKey = (typeof STAGES)[number];

/** The stages every certification rule requires complete before a seal. */
export const STAGES_BEFORE_CERTIFICATION: readonly StageKey[] = ['enrolment', 'diagnosis', 'prioritisation'];

/**
 * complete: done; current: where the assessment is now; missing: not done although the assessment has moved
 * past it; upcoming: not reached yet.
 */
export type StageStatus = 'complete' | 'current' | 'missing' | 'upcoming';

export interface Stage {
  readonly stage: StageKey;
  readonly label: LocalizedText;
  readonly status: StageStatus;
  /** What the stage still needs, in words a person reads. */
  readonly missing: readonly LocalizedText[];
}

/** The facts the stages are read from. */
export interface StageFacts {
  readonly state: AssessmentState;
  readonly letterOfIntent: boolean;
  readonly focalPerson: boolean;
  readonly course: boolean;
  /** Progress on this assessment's priorities was reported (in the next edition). */
  readonly progressReported: boolean;
}

const APPROVED: readonly AssessmentState[] = ['approved', 'priorities-set', 'certified'];

/** Which stage the assessment is at, by its state. */
function currentStage(state: AssessmentState): StageKey {
  if (state === 'certified') return 'monitoring';
  if (state === 'priorities-set') return 'certification';
  if (state === 'approved') return 'prioritisation';
  return 'diagnosis';
}

function diagnosisMissing(state: AssessmentState): LocalizedText[] {
  if (APPROVED.includes(state)) return [];
  if (state === 'enrolled' || state === 'diagnosis-in-progress') return [message('editions.stage.diagnosis-not-sent')];
  if (state === 'changes-requested') return [message('editions.stage.diagnosis-changes-requested')];
  return [message('editions.stage.diagnosis-in-review')];
}

/** Every stage with its status and what it still needs. */
export function assessmentStages(f: StageFacts): Stage[] {
  const missing: Record<StageKey, LocalizedText[]> = {
    enrolment: [
      ...(f.letterOfIntent ? [] : [message('editions.stage.letter-of-intent-missing')]),
      ...(f.focalPerson ? [] : [message('editions.stage.focal-person-missing')]),
      ...(f.course ? [] : [message('editions.stage.course-missing')]),
    ],
    diagnosis: diagnosisMissing(f.state),
    prioritisation:
      f.state === 'priorities-set' || f.state === 'certified' ? [] : [message('editions.stage.priorities-missing')],
    certification: f.state === 'certified' ? [] : [message('editions.stage.seal-missing')],
    monitoring: f.progressReported ? [] : [message('editions.stage.progress-missing')],
  };
  const at = STAGES.indexOf(currentStage(f.state));
  // A stage left incomplete while a later one was done (no seal, yet progress reported a year on) was skipped,
  // not in progress.
  const lastComplete = STAGES.reduce((last, stage, i) => (missing[stage].length === 0 ? i : last), -1);
  return STAGES.map((stage, i) => ({
    stage,
    label: message(`editions.stage.${stage}`),
    status:
      missing[stage].length === 0
        ? 'complete'
        : i < at || i < lastComplete
          ? 'missing'
          : i === at
            ? 'current'
            : 'upcoming',
    missing: missing[stage],
  }));
}

/** The stages a seal requires that are not complete. */
export function stagesMissingForCertification(stages: readonly Stage[]): Stage[] {
  return stages.filter((s) => STAGES_BEFORE_CERTIFICATION.includes(s.stage) && s.missing.length > 0);
}

/** The stages of an assessment from its state and enrolment record. */
export function stagesOf(
  assessment: { readonly state: AssessmentState; readonly enrolment: Partial<EnrolmentRecord> },
  progressReported = false,
): Stage[] {
  const { enrolment } = assessment;
  return assessmentStages({
    state: assessment.state,
    letterOfIntent: Boolean(enrolment.letterOfIntent?.file),
    focalPerson: Boolean(enrolment.focalPerson?.name && enrolment.focalPerson.email),
    course: Boolean(enrolment.course?.completedAt),
    progressReported,
  });
}
