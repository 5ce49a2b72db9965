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
  'community-outreach': {
    'pt-BR':
      'Incluir abrigos, ocupações e bairros com migrantes nas microáreas dos agentes comunitários de saúde, cadastrar as famílias migrantes na unidade de referência e planejar visitas domiciliares e busca ativa regulares.',
    en: "Include shelters, occupied buildings and neighbourhoods where migrants live in community health workers' micro-areas, register migrant families with their reference unit and plan regular home visits and active outreach.",
  },
  'emulti-support': {
    'pt-BR':
      'Solicitar o credenciamento de Equipes Multiprofissionais na Atenção Primária à Saúde (eMulti) e incluir os casos de migrantes no atendimento compartilhado com as equipes de Saúde da Família.',
    en: "Apply for accreditation of multiprofessional primary-care teams (eMulti) and include migrants' cases in shared care with the Family Health teams.",
  },
  'vaccination-outreach': {
    'pt-BR':
      'Planejar vacinação regular em abrigos, ocupações, escolas e pontos de chegada, com busca ativa de doses em atraso e atualização da caderneta sem exigência de documentos.',
    en: 'Plan regular vaccination in shelters, occupied buildings, schools and arrival points, with active search for overdue doses and vaccination records updated without document requirements.',
  },
  'mental-health': {
    'pt-BR':
      'Pactuar um fluxo entre atenção primária, eMulti e CAPS para acolher migrantes em sofrimento psíquico, com intérprete ou mediação cultural quando necessário.',
    en: 'Agree a flow between primary care, eMulti teams and the CAPS to receive migrants in psychological distress, with an interpreter or cultural mediation when needed.',
  },
  'sexual-reproductive-health': {
    'pt-BR':
      'Organizar nas unidades que mais atendem migrantes a captação precoce para o pré-natal, o planejamento reprodutivo e a testagem e prevenção de IST e HIV, com orientação nos idiomas das comunidades.',
    en: "Organise, in the units that serve most migrants, early enrolment in prenatal care, reproductive planning and STI and HIV testing and prevention, with advice in the communities' languages.",
  },
};
