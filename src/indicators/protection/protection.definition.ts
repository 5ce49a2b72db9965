import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { protectionRecommendations } from './protection.recommendations';

export const protectionDefinition: IndicatorGroupDefinition = {
  number: 10,
  slug: 'protection',
  dimension: 'rights-and-services',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: protectionRecommendations,
};
