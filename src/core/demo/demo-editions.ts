import type { EditionCalendar } from '../editions/edition-rules';

/** Editions of the real programme (there was none in 2023), with the calendar the demo has always shown. */
export const REAL_EDITIONS: readonly number[] = [2020, 2021, 2022, 2024];

export function realCalendar(year: number): EditionCalendar {
  return {
    enrolmentOpens: `${year}-03-01`,
    enrolmentCloses: `${year}-04-15`,
    diagnosisDeadline: `${year}-06-30`,
    reviewDeadline: `${year}-08-31`,
    certificationDate: `${year}-10-15`,
  };
}

/**
 * The year of the edition the demo places around the day it starts: the clock's year, or 2025 when the clock
 * is set to a year of the real editions or before them (their dates stay as they were, so an edition of the
 * clock's year would collide with a real one or precede it).
 */
export function currentEditionYear(clockYear: number): number {
  return Math.max(clockYear, REAL_EDITIONS[REAL_EDITIONS.length - 1] + 1);
}

/** The day `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The current edition's calendar around `today`: enrolment opened two weeks ago and stays open three more,
 * the diagnosis is due in eight weeks, review and certification follow.
 */
export function currentCalendar(today: string): EditionCalendar {
  return {
    enrolmentOpens: addDays(today, -14),
    enrolmentCloses: addDays(today, 21),
    diagnosisDeadline: addDays(today, 56),
    reviewDeadline: addDays(today, 98),
    certificationDate: addDays(today, 126),
  };
}

/**
 * The first edition each questionnaire version applies to, as the programme published them: group 10's
 * second scope (gender, LGBTIQ+ and racial equality) and group 8's "assistência e proteção social" from
 * 2021, health after eMulti from 2024. A version not listed here applies from the current edition on.
 */
const FIRST_EDITION: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  protection: { 2: 2021 },
  'social-assistance': { 2: 2021 },
  health: { 2: 2024 },
};

/**
 * The version of each group an edition uses: the newest published one that already applied that year.
 * A version the table expects but that is not published yet is simply skipped (the one before it applies).
 */
export function pinnedVersions(
  groups: readonly { slug: string; versions: readonly number[] }[],
  year: number,
  currentYear: number,
): Record<string, number> {
  const pins: Record<string, number> = {};
  for (const { slug, versions } of groups) {
    const from = (v: number) => (v === 1 ? REAL_EDITIONS[0] : (FIRST_EDITION[slug]?.[v] ?? currentYear));
    const applying = versions.filter((v) => from(v) <= year);
    pins[slug] = applying.length > 0 ? Math.max(...applying) : Math.min(...versions);
  }
  return pins;
}
