import type { IndicatorGroupDefinition } from '../../core/indicators/indicator-group.definition';
import { STANDARD_SCORING_POLICY } from '../../core/scoring/scoring-policy';
import { socialAssistanceRecommendations } from './social-assistance.recommendations';

export const socialAssistanceDefinition: IndicatorGroupDefinition = {
  number: 8,
  slug: 'social-assistance',
  dimension: 'rights-and-services',
  scoring: STANDARD_SCORING_POLICY,
  recommendations: socialAssistanceRecommendations,
};
