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

/** The calendar's dates must follow each other; returns the fields out of order. */
export function calendarProblems(c: EditionCalendar): { field: string; problem: string }[] {
  const order: (keyof EditionCalendar)[] = [
    'enrolmentOpens',
    'enrolmentCloses',
    'diagnosisDeadline',
    'reviewDeadline',
    'certificationDate',
  ];
  const problems: { field: string; problem: string }[] = [];
  for (let i = 1; i < order.length; i++) {
    if (c[order[i]] < c[order[i - 1]])
      problems.push({
        field: `calendar.${order[i]}`,
        problem: `${order[i]} (${c[order[i]]}) is before ${order[i - 1]} (${c[order[i - 1]]})`,
      });
  }
  return problems;
}
