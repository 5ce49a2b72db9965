import type { ScoreSnapshot } from '../assessment/assessment.types';

/** One edition's approved scores of a government. */
export interface EditionScores {
  readonly year: number;
  readonly snapshot: Pick<ScoreSnapshot, 'index' | 'groups'>;
}

export interface ProgressRow {
  readonly slug: string;
  /** One per edition, in the order of `years`; null where the group had no score that edition. */
  readonly scores: readonly (number | null)[];
  /** The questionnaire version each score was computed with, null where there is no score. */
  readonly versions: readonly (number | null)[];
  /** Whether the questionnaire changed version between editions (scores stay 0-100, so still comparable). */
  readonly versionChanged: boolean;
  /** Last edition minus the one before it; null unless both have a score. */
  readonly change: number | null;
}

export interface ProgressTable {
  readonly years: readonly number[];
  readonly index: readonly (number | null)[];
  readonly indexChange: number | null;
  readonly groups: readonly ProgressRow[];
}

const difference = (values: readonly (number | null)[]): number | null => {
  if (values.length < 2) return null;
  const [before, last] = values.slice(-2);
  return before === null || last === null ? null : Math.round((last - before) * 10) / 10;
};

/**
 * A government's index and group scores edition by edition, from the snapshots its approvals froze. Groups
 * come in `groupOrder`, then any other group some edition scored; a group an edition did not score is null
 * there (shown as "—", never as 0).
 */
export function progressAcrossEditions(
  editions: readonly EditionScores[],
  groupOrder: readonly string[],
): ProgressTable {
  const sorted = [...editions].sort((a, b) => a.year - b.year);
  const scored = new Set(sorted.flatMap((e) => e.snapshot.groups.map((g) => g.group)));
  const slugs = [...groupOrder.filter((s) => scored.has(s)), ...[...scored].filter((s) => !groupOrder.includes(s))];
  const index = sorted.map((e) => e.snapshot.index.index ?? null);
  const groups = slugs.map((slug) => {
    const found = sorted.map((e) => e.snapshot.groups.find((g) => g.group === slug));
    const scores = found.map((g) => g?.score ?? null);
    const versions = found.map((g) => (g && g.score !== null ? g.questionnaireVersion : null));
    const distinct = new Set(versions.filter((v): v is number => v !== null));
    return { slug, scores, versions, versionChanged: distinct.size > 1, change: difference(scores) };
  });
  return { years: sorted.map((e) => e.year), index, indexChange: difference(index), groups };
}
