import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const socialAssistanceRecommendations: RecommendationCatalogue = {
  'cadunico-registration': {
    'pt-BR':
      'Publicar nota técnica orientando os CRAS e postos do Cadastro Único a inscrever famílias migrantes com os documentos que possuírem, e criar rotina de apoio para a obtenção do CPF do responsável familiar.',
    en: 'Issue a technical note instructing CRAS and CadÚnico points to register migrant families with whatever documents they hold, and set up a routine to help the head of the family obtain a CPF.',
  },
  'federal-benefits': {
    'pt-BR':
      'Incluir no atendimento dos CRAS uma rotina de orientação aos migrantes inscritos sobre os critérios do Bolsa Família e do BPC, com acompanhamento dos pedidos até a concessão.',
    en: 'Add to CRAS services a routine to inform registered migrants of the Bolsa Família and BPC criteria, following applications up to the decision.',
  },
  'eventual-benefits': {
    'pt-BR':
      'Revisar a lei ou resolução municipal de benefícios eventuais para retirar exigências de nacionalidade, tempo mínimo de residência ou documentos que os migrantes não possam apresentar.',
    en: 'Revise the local law or resolution on one-off benefits to remove requirements of nationality, minimum residence period or documents migrants cannot produce.',
  },
  'eventual-benefit-types': {
    'pt-BR':
      'Garantir que as modalidades de benefício eventual mais demandadas por migrantes recém-chegados, como auxílio alimentação e aluguel social, estejam regulamentadas e tenham recursos previstos.',
    en: 'Make sure the one-off benefits most needed by newly arrived migrants, such as food aid and rent allowance, are regulated and have funds set aside.',
  },
  'paif-follow-up': {
    'pt-BR':
      'Incluir as famílias migrantes atendidas no acompanhamento do PAIF, com plano de acompanhamento familiar que considere idioma, documentação e adaptação, e convidá-las às atividades do SCFV.',
    en: 'Bring the migrant families served into PAIF follow-up, with a family plan that considers language, documents and adaptation, and invite them to SCFV activities.',
  },
  'creas-referral': {
    'pt-BR':
      'Elaborar e pactuar com Conselho Tutelar, Defensoria Pública e saúde um fluxo escrito de encaminhamento ao CREAS/PAEFI para migrantes vítimas de tráfico, trabalho escravo, violência ou em situação de rua.',
    en: "Draft and agree with the Guardianship Council, the Public Defender's Office and health services a written referral flow to CREAS/PAEFI for migrants who are victims of trafficking, slave labour or violence, or who are homeless.",
  },
  'shelter-places': {
    'pt-BR':
      'Reservar vagas para migrantes no serviço de acolhimento institucional, próprio ou conveniado, ou pactuar com o estado e municípios vizinhos uma referência regional que os receba.',
    en: 'Reserve places for migrants in the institutional shelter service, run directly or under agreement, or agree with the state and neighbouring municipalities on a regional service that takes them in.',
  },
  'shelter-capacity': {
    'pt-BR':
      'Dimensionar as vagas de acolhimento pela demanda de migrantes registrada nos últimos 12 meses e ampliá-las por convênio com organizações da sociedade civil quando necessário.',
    en: 'Size shelter places to the migrant demand recorded over the last 12 months and expand them through agreements with civil-society organisations where needed.',
  },
  'suas-staff-training': {
    'pt-BR':
      'Incluir no plano de educação permanente do SUAS uma capacitação anual sobre direitos e atendimento de migrantes e refugiados para as equipes de CRAS, CREAS e acolhimento.',
    en: "Include in the SUAS continuing-education plan a yearly training on migrants' and refugees' rights and services for CRAS, CREAS and shelter teams.",
  },
  'federal-benefits-access': {
    'pt-BR':
      'Criar nos CRAS uma rotina para orientar os migrantes inscritos sobre o Bolsa Família e o BPC, apoiar a atualização cadastral e o agendamento no INSS e acompanhar os pedidos negados ou parados.',
    en: 'Set up a CRAS routine to advise registered migrants on Bolsa Família and the BPC, help them update their registration and book the INSS appointment, and follow up refused or stalled applications.',
  },
  'paefi-follow-up': {
    'pt-BR':
      'Pactuar com a rede um fluxo escrito de referência e contrarreferência entre CRAS e CREAS para migrantes em situação de violência ou violação de direitos, com acompanhamento pelo PAEFI e plano individual ou familiar.',
    en: 'Agree with the network a written referral and counter-referral flow between CRAS and CREAS for migrants facing violence or violations of their rights, with PAEFI follow-up and an individual or family plan.',
  },
  'child-protection-network': {
    'pt-BR':
      'Pactuar entre assistência social, Conselho Tutelar e educação uma rotina de identificação e acompanhamento de crianças e adolescentes migrantes em risco, com mediação linguística e cultural e respeito à organização familiar de povos indígenas migrantes.',
    en: 'Agree between social assistance, the Guardianship Council and education a routine to identify and follow up migrant children and adolescents at risk, with language and cultural mediation and respect for the family organisation of migrant indigenous peoples.',
  },
  'unaccompanied-children': {
    'pt-BR':
      'Elaborar e pactuar com Conselho Tutelar, Defensoria Pública e Vara da Infância um fluxo para crianças e adolescentes migrantes desacompanhados ou separados, conforme a Resolução Conjunta CONANDA/CONARE/CNIg/DPU nº 1/2017.',
    en: "Draft and agree with the Guardianship Council, the Public Defender's Office and the children's court a flow for unaccompanied or separated migrant children and adolescents, following Joint Resolution CONANDA/CONARE/CNIg/DPU No. 1/2017.",
  },
  'trafficking-referral': {
    'pt-BR':
      'Elaborar e pactuar com o CREAS, o núcleo de enfrentamento ao tráfico de pessoas, a fiscalização do trabalho e a Defensoria Pública um fluxo para migrantes vítimas de tráfico ou de trabalho análogo ao de escravo, com acolhimento e orientação sobre a autorização de residência.',
    en: "Draft and agree with the CREAS, the anti-trafficking unit, labour inspection and the Public Defender's Office a flow for migrant victims of trafficking or of labour analogous to slavery, with shelter and advice on the residence permit.",
  },
};
