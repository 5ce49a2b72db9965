import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { capacityBuildingRecommendations } from './capacity-building.recommendations';

export const capacityBuildingDefinition: IndicatorGroupDefinition = {
  number: 2,
  slug: 'capacity-building',
  dimension: 'governance',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: capacityBuildingRecommendations,
};
