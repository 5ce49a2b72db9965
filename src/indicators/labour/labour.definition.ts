import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { labourRecommendations } from './labour.recommendations';

export const labourDefinition: IndicatorGroupDefinition = {
  number: 9,
  slug: 'labour',
  dimension: 'rights-and-services',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: labourRecommendations,
};
