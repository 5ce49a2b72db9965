import type { LocalizedText } from '../../core/i18n/localized-text';
import type { Language } from '../../core/i18n/message';

/** One assessment as the readiness list gives it (CertificationService.readiness). */
export interface ReadinessRow {
  readonly assessmentId: string;
  readonly government: { readonly ibgeCode: string; readonly name: string; readonly uf: string; readonly kind: string };
  readonly state: string;
  readonly certified: boolean;
  readonly eligible: boolean;
  readonly reasons: readonly LocalizedText[];
}

/** The edition's governments split as the certifier acts on them: ready now, already certified, still missing a stage. */
export function readinessView(rows: readonly ReadinessRow[], lang: Language) {
  const line = (r: ReadinessRow) => ({
    assessmentId: r.assessmentId,
    name: r.government.name,
    uf: r.government.uf,
    ibgeCode: r.government.ibgeCode,
    reasons: r.reasons.map((x) => x[lang]),
  });
  return {
    ready: rows.filter((r) => r.eligible).map(line),
    certified: rows.filter((r) => r.certified).length,
    waiting: rows.filter((r) => !r.eligible && !r.certified).map(line),
  };
}

/** A seal of the edition's list (SealRegistryService.listForEdition). */
export interface SealRow {
  readonly number: string;
  readonly name: string;
  readonly uf: string;
  readonly ibgeCode: string;
  readonly status: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export const SEALS_PER_PAGE = 20;

/**
 * The seals that match a search (number, government name or UF, accents and case ignored), one page of them.
 * A page past the end shows the last one.
 */
export function searchSeals<T extends SealRow>(
  seals: readonly T[],
  query: string,
  page: number,
  perPage = SEALS_PER_PAGE,
) {
  const q = fold(query);
  const found = q
    ? seals.filter(
        (s) => fold(s.number).includes(q) || fold(s.name).includes(q) || fold(s.uf) === q || s.ibgeCode === q,
      )
    : [...seals];
  const pages = Math.max(1, Math.ceil(found.length / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    total: found.length,
    page: current,
    pages,
    seals: found.slice((current - 1) * perPage, current * perPage),
    previous: current > 1 ? current - 1 : null,
    next: current < pages ? current + 1 : null,
  };
}

/** What a batch's progress bar shows. */
export interface BatchFigures {
  readonly status: 'running' | 'done';
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly retried: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/**
 * Percent finished (issued or failed for good) and the seconds left at the pace so far (null until one seal is
 * done, 0 once the batch is over).
 */
export function batchView(b: BatchFigures, now: Date) {
  const finished = b.done + b.failed;
  const percent = b.total === 0 ? 100 : Math.floor((finished / b.total) * 100);
  const over = b.status === 'done';
  const elapsed = Math.max(0, (now.getTime() - new Date(b.startedAt).getTime()) / 1000);
  const secondsLeft = over ? 0 : finished === 0 ? null : Math.ceil((elapsed / finished) * (b.total - finished));
  return { percent: over ? 100 : Math.min(percent, 99), finished, over, secondsLeft };
}

/** Seconds as "1 min 05 s" / "12 s". */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}
