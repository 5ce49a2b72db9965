import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { governanceRecommendations } from './governance.recommendations';

export const governanceDefinition: IndicatorGroupDefinition = {
  number: 1,
  slug: 'governance',
  dimension: 'governance',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: governanceRecommendations,
};
