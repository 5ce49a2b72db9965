import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const healthRecommendations: RecommendationCatalogue = {
  'sus-registration': {
    'pt-BR':
      'Publicar nota técnica ou circular da secretaria de saúde orientando todas as unidades a cadastrar migrantes no SUS e emitir o Cartão Nacional de Saúde com qualquer documento disponível, inclusive protocolo de refúgio ou passaporte vencido.',
    en: 'Issue a technical note or circular from the health department instructing every unit to register migrants in SUS and issue the national health card with any document available, including an asylum-request protocol or an expired passport.',
  },
  'registration-documents': {
    'pt-BR':
      'Retirar a exigência de CPF, comprovante de residência ou documento migratório para o cadastro no SUS e verificar, com as coordenações das unidades, se a orientação é seguida na recepção.',
    en: 'Remove the CPF, proof-of-address or migration-document requirement for SUS registration, and check with unit managers that reception desks follow the guidance.',
  },
  'staff-training': {
    'pt-BR':
      'Incluir o atendimento a migrantes na educação permanente em saúde, capacitando as equipes de atenção primária, urgência e maternidade sobre direitos, cadastro e comunicação intercultural.',
    en: 'Include services to migrants in continuing health education, training primary-care, emergency and maternity teams on rights, registration and intercultural communication.',
  },
  'service-records': {
    'pt-BR':
      'Preencher o campo de nacionalidade no CadSUS e no e-SUS Atenção Primária em todas as unidades e compilar esses dados periodicamente para planejar as ações de saúde.',
    en: 'Fill in the nationality field in CadSUS and e-SUS Primary Care in every unit, and compile these data periodically to plan health actions.',
  },
  interpreters: {
    'pt-BR':
      'Garantir intérpretes ou mediadores culturais nas unidades que mais atendem migrantes, por contratação, parceria com universidades ou organizações, ou serviço de interpretação remota.',
    en: 'Provide interpreters or cultural mediators in the units that serve most migrants, by hiring them, through partnerships with universities or organisations, or with a remote interpreting service.',
  },
  outreach: {
    'pt-BR':
      'Incluir as comunidades migrantes no planejamento da atenção primária, com busca ativa pelos agentes comunitários de saúde e campanhas regulares de vacinação em abrigos e ocupações.',
    en: 'Include migrant communities in primary-care planning, with active outreach by community health workers and regular vaccination campaigns in shelters and occupied buildings.',
  },
  'outreach-actions': {
    'pt-BR':
      'Ampliar as ações nas comunidades migrantes para além da vacinação: pré-natal, acompanhamento infantil, atenção psicossocial pelos CAPS e materiais de saúde nos idiomas mais falados.',
    en: 'Extend actions in migrant communities beyond vaccination: prenatal care, child monitoring, psychosocial care through CAPS and health materials in the most spoken languages.',
  },
};
