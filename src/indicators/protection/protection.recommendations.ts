import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const protectionRecommendations: RecommendationCatalogue = {
  'network-open': {
    'pt-BR':
      'Publicar orientação ou fluxo que garanta o atendimento de mulheres migrantes em todos os serviços da rede de enfrentamento à violência, sem exigência de documentos ou situação migratória regular.',
    en: 'Issue guidance or a workflow ensuring migrant women are served by every service of the network responding to violence, without requiring documents or a regular migration status.',
  },
  'network-interpreters': {
    'pt-BR':
      'Contratar ou firmar parceria para um serviço de intérpretes e mediadores culturais, presencial ou remoto, que os serviços da rede possam acionar sempre que necessário.',
    en: "Hire or partner with an interpreting and cultural-mediation service, in person or remote, that the network's services can call on whenever needed.",
  },
  'victim-protocol': {
    'pt-BR':
      'Elaborar e pactuar entre os serviços um protocolo para migrantes vítimas de violência de gênero, cobrindo medidas protetivas da Lei Maria da Penha, Defensoria Pública e autorização de residência prevista na Lei 13.445/2017.',
    en: "Draft and agree between the services a protocol for migrant victims of gender-based violence, covering Maria da Penha Law protective measures, the Public Defender's Office and the residence permit provided for in Law 13,445/2017.",
  },
  'awareness-campaigns': {
    'pt-BR':
      'Produzir, com organizações de migrantes, uma campanha anual sobre violência de gênero nos idiomas das comunidades locais, divulgada onde as migrantes circulam.',
    en: 'Produce, with migrant organisations, a yearly campaign on gender-based violence in the languages of local communities, distributed where migrant women go.',
  },
  'campaign-languages': {
    'pt-BR':
      'Traduzir as campanhas e os materiais para os idiomas das principais nacionalidades registradas no território, incluindo línguas indígenas como o warao quando houver essa população.',
    en: 'Translate campaigns and materials into the languages of the main nationalities registered in the territory, including indigenous languages such as Warao where those peoples live.',
  },
  'network-training': {
    'pt-BR':
      'Capacitar anualmente os profissionais da rede de atendimento à mulher sobre direitos das migrantes, documentação, tráfico de pessoas e diferenças culturais no relato da violência.',
    en: "Train the professionals of the network serving women every year on migrant women's rights, documents, human trafficking and cultural differences in reporting violence.",
  },
  shelter: {
    'pt-BR':
      'Garantir por norma ou convênio que a casa-abrigo ou o acolhimento provisório receba mulheres migrantes e seus filhos nas mesmas condições que as brasileiras, sem exigir documentos.',
    en: 'Ensure by rule or agreement that the safe house or temporary shelter takes in migrant women and their children on the same terms as Brazilian women, without requiring documents.',
  },
  'nationality-records': {
    'pt-BR':
      'Incluir o campo de nacionalidade nas fichas de atendimento de todos os serviços da rede e consolidar os dados periodicamente.',
    en: 'Add a nationality field to the intake forms of every service of the network and compile the data periodically.',
  },
  'lgbtiq-access': {
    'pt-BR':
      'Publicar orientação que garanta o atendimento de migrantes LGBTIQ+ nos serviços de proteção, inclusive de mulheres trans e travestis na rede de atendimento à mulher, e o uso do nome social nos registros.',
    en: 'Issue guidance ensuring LGBTIQ+ migrants are served by protection services, including trans women and travestis in the network serving women, and that their chosen name is used in records.',
  },
  'lgbtiq-protocol': {
    'pt-BR':
      'Elaborar e pactuar um protocolo de atendimento a migrantes LGBTIQ+ vítimas de violência ou discriminação, com acolhimento seguro, sigilo e encaminhamento à Defensoria Pública.',
    en: "Draft and agree a care protocol for LGBTIQ+ migrants who are victims of violence or discrimination, with safe reception, confidentiality and referral to the Public Defender's Office.",
  },
  'racial-equality-actions': {
    'pt-BR':
      'Incluir a população migrante no plano ou programa municipal de igualdade racial, com campanhas contra racismo e xenofobia e um canal de denúncia que acompanhe os casos.',
    en: 'Include the migrant population in the local racial-equality plan or programme, with campaigns against racism and xenophobia and a reporting channel that follows cases up.',
  },
  'rights-campaigns': {
    'pt-BR':
      'Realizar anualmente campanhas multilíngues que tratem de violência de gênero, LGBTIfobia, racismo e xenofobia, com os canais de denúncia (Ligue 180, Disque 100).',
    en: 'Run yearly multilingual campaigns covering gender-based violence, LGBTIQ-phobia, racism and xenophobia, with the reporting channels (Ligue 180, Disque 100).',
  },
  'protection-training': {
    'pt-BR':
      'Capacitar anualmente os profissionais dos serviços de proteção no atendimento a migrantes com enfoque de gênero, LGBTIQ+ e igualdade racial.',
    en: 'Train the professionals of protection services every year on serving migrants with a gender, LGBTIQ+ and racial-equality approach.',
  },
  'disaggregated-records': {
    'pt-BR':
      'Incluir nas fichas de acolhimento campos autodeclarados e facultativos de gênero, raça/cor, orientação sexual e nacionalidade, com acesso restrito e divulgação apenas agregada, conforme a LGPD.',
    en: 'Add self-declared, optional fields for gender, race/colour, sexual orientation and nationality to reception forms, with restricted access and aggregate-only publication, as the LGPD requires.',
  },
};
