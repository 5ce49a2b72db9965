import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { transparencyRecommendations } from './transparency.recommendations';

export const transparencyDefinition: IndicatorGroupDefinition = {
  number: 4,
  slug: 'transparency',
  dimension: 'governance',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: transparencyRecommendations,
};
