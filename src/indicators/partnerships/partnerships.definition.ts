import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { partnershipsRecommendations } from './partnerships.recommendations';

export const partnershipsDefinition: IndicatorGroupDefinition = {
  number: 5,
  slug: 'partnerships',
  dimension: 'governance',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: partnershipsRecommendations,
};
