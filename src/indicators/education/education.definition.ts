import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { educationRecommendations } from './education.recommendations';

export const educationDefinition: IndicatorGroupDefinition = {
  number: 7,
  slug: 'education',
  dimension: 'rights-and-services',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: educationRecommendations,
};
