import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const capacityBuildingRecommendations: RecommendationCatalogue = {
  'staff-guidance': {
    'pt-BR':
      'Elaborar e distribuir oficialmente às unidades de atendimento uma nota técnica sobre os documentos dos migrantes (CRNM, protocolo de refúgio, DPRNM), deixando claro que bastam para emitir CPF e cartão do SUS, matricular na escola e inscrever no CadÚnico.',
    en: "Draft and officially distribute to service units a technical note on migrants' documents (CRNM, asylum-request protocol, DPRNM), making clear that they are enough to issue a CPF and a SUS card, enrol in school and register in CadÚnico.",
  },
  'migration-law-available': {
    'pt-BR':
      'Enviar formalmente às secretarias de saúde, educação, assistência social e trabalho a Lei 13.445/2017, o Decreto 9.199/2017 e a Lei 9.474/1997, com um resumo dos direitos que cada serviço deve garantir.',
    en: 'Formally send the health, education, social assistance and labour departments Law 13,445/2017, Decree 9,199/2017 and Law 9,474/1997, with a summary of the rights each service must guarantee.',
  },
  'thematic-trainings': {
    'pt-BR':
      'Promover ao menos uma capacitação por ano sobre o atendimento a migrantes em cada área de atendimento, em parceria com OIM, ACNUR, ENAP, universidades ou sociedade civil, registrando presença e certificados.',
    en: 'Run at least one training a year on serving migrants in each front-line area, in partnership with IOM, UNHCR, ENAP, universities or civil society, recording attendance and certificates.',
  },
  'training-areas': {
    'pt-BR':
      'Estender as capacitações às áreas ainda não contempladas, priorizando saúde e assistência social e incluindo SINE, escolas, guarda municipal e conselho tutelar.',
    en: 'Extend training to the areas not yet covered, giving priority to health and social assistance and including SINE, schools, the municipal guard and the child protection council.',
  },
  'servants-trained': {
    'pt-BR':
      'Definir uma meta anual de servidores capacitados, começando pelas equipes das unidades que mais atendem migrantes, e acompanhar seu cumprimento.',
    en: 'Set a yearly target for public servants trained, starting with the teams of the units that serve most migrants, and monitor whether it is met.',
  },
  'continuing-training': {
    'pt-BR':
      'Incluir o tema migratório na escola de governo e nos planos de educação permanente do SUS e do SUAS, e incentivar formalmente os servidores a concluir o curso da ENAP sobre governança migratória.',
    en: "Include migration in the civil-service school and in the SUS and SUAS continuing-education plans, and formally encourage public servants to complete ENAP's course on migration governance.",
  },
  'awareness-actions': {
    'pt-BR':
      'Organizar um calendário anual de ações internas de sensibilização sobre direitos dos migrantes e combate à xenofobia e ao racismo, aproveitando o Dia Mundial do Refugiado e o Dia Internacional do Migrante.',
    en: "Organise a yearly calendar of internal awareness actions on migrants' rights and on fighting xenophobia and racism, using World Refugee Day and International Migrants Day.",
  },
  'migration-profile-shared': {
    'pt-BR':
      'Elaborar, com dados do SISMIGRA, do CadÚnico e dos registros de atendimento, um perfil dos fluxos migratórios locais, atualizá-lo a cada dois anos e apresentá-lo às equipes de atendimento.',
    en: 'Draw up, from SISMIGRA, CadÚnico and service-record data, a profile of local migration flows, update it every two years and present it to front-line teams.',
  },
};
