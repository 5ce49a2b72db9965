import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';

export type MaturityLevelKey = 'initial' | 'developing' | 'consolidated' | 'reference';

export interface MaturityLevel {
  readonly key: MaturityLevelKey;
  readonly label: LocalizedText;
  /** Lowest score (inclusive) of the level; levels are listed from the lowest. */
  readonly from: number;
}

/** How a group turns answers into points. Versioned: every score names the policy version it used. */
export interface ScoringPolicy {
  readonly version: string;
  readonly answerPoints: { readonly yes: number; readonly partial: number; readonly no: number };
  readonly levels: readonly MaturityLevel[];
}

export const MATURITY_LEVELS: readonly MaturityLevel[] = [
  { key: 'initial', label: message('scoring.level.initial'), from: 0 },
  { key: 'developing', label: message('scoring.level.developing'), from: 25 },
  { key: 'consolidated', label: message('scoring.level.consolidated'), from: 50 },
  { key: 'reference', label: message('scoring.level.reference'), from: 75 },
];

/** The programme's model (MIPEX-like): Sim 100, Parcial 50, Não 0; four maturity levels by quarters. */
export const STANDARD_SCORING_POLICY: ScoringPolicy = {
  version: 'standard-1',
  answerPoints: { yes: 100, partial: 50, no: 0 },
  levels: MATURITY_LEVELS,
};

/** A level's name by its key (as snapshots and seals store it), or null for none or an unknown key. */
export function levelLabel(key: string | null | undefined): LocalizedText | null {
  return MATURITY_LEVELS.find((l) => l.key === key)?.label ?? null;
}

export function levelFor(score: number, levels: readonly MaturityLevel[]): MaturityLevel {
  let found = levels[0];
  for (const level of levels) if (score >= level.from) found = level;
  return found;
}
