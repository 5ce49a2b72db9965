import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { healthRecommendations } from './health.recommendations';

export const healthDefinition: IndicatorGroupDefinition = {
  number: 6,
  slug: 'health',
  dimension: 'rights-and-services',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: healthRecommendations,
};
