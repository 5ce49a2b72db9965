import type { LocalizedText } from '../i18n/localized-text';
import type { ScoringPolicy } from '../scoring/scoring-policy';

/**
 * What to suggest for an item that is not fully met, keyed by item key. One catalogue serves every
 * version of a group: keys are stable across versions, and a renamed item gets an entry of its own.
 */
export type RecommendationCatalogue = Readonly<Record<string, LocalizedText>>;

/** Everything the core needs to know about one indicator group; each group module registers one. */
export interface IndicatorGroupDefinition {
  /** Position in the programme's list, 1-based. */
  readonly number: number;
  /** Folder name under `assessments/` and `src/indicators/`. */
  readonly slug: string;
  /** 1-5 institutions and governance; 6-10 migrants' access to rights and services. */
  readonly dimension: 'governance' | 'rights-and-services';
  readonly scoring: ScoringPolicy;
  readonly recommendations: RecommendationCatalogue;
}
