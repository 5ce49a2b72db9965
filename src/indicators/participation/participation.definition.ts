import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { participationRecommendations } from './participation.recommendations';

export const participationDefinition: IndicatorGroupDefinition = {
  number: 3,
  slug: 'participation',
  dimension: 'governance',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: participationRecommendations,
};
