import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const governanceRecommendations: RecommendationCatalogue = {
  'focal-body': {
    'pt-BR':
      'Designar formalmente, por decreto ou portaria, um órgão ou ponto focal responsável pela política migratória, com equipe e atribuições definidas.',
    en: 'Formally designate, by decree or ordinance, a body or focal point responsible for migration policy, with a team and defined duties.',
  },
  'local-policy': {
    'pt-BR':
      'Elaborar, com participação de migrantes e das secretarias envolvidas, uma política ou plano local para a população migrante, com metas e responsáveis.',
    en: 'Draft, with migrants and the departments involved, a local policy or plan for the migrant population, with targets and people in charge.',
  },
  'local-policy-instrument': {
    'pt-BR':
      'Instituir a política migratória por lei, para que sobreviva às mudanças de gestão e tenha orçamento próprio.',
    en: 'Establish the migration policy by law, so that it outlasts changes of administration and has its own budget.',
  },
  'intersectoral-committee': {
    'pt-BR':
      'Criar ou reativar um comitê intersetorial sobre migração, com ao menos saúde, educação e assistência social, e calendário regular de reuniões.',
    en: 'Create or revive a cross-sector committee on migration, with at least health, education and social assistance, and a regular meeting schedule.',
  },
  'budget-line': {
    'pt-BR':
      'Incluir no plano plurianual e na lei orçamentária uma ação específica para o atendimento à população migrante.',
    en: 'Include in the multi-year plan and the budget law a specific action for services to the migrant population.',
  },
  'migrant-data': {
    'pt-BR':
      'Registrar a nacionalidade nos cadastros de atendimento e usar os dados do SISMIGRA e do CadÚnico para planejar as ações.',
    en: 'Record nationality in service records and use SISMIGRA and CadÚnico data to plan actions.',
  },
  'data-sources': {
    'pt-BR':
      'Combinar registros próprios com as bases federais (SISMIGRA, CadÚnico) e, quando possível, realizar um diagnóstico local da população migrante.',
    en: 'Combine its own records with federal databases (SISMIGRA, CadÚnico) and, where possible, carry out a local survey of the migrant population.',
  },
};
