import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const participationRecommendations: RecommendationCatalogue = {
  'migrant-consultation': {
    'pt-BR':
      'Prever em norma a consulta aos migrantes sobre as políticas que os afetam e realizar ao menos uma escuta pública por ano, com convites em outras línguas e intérpretes.',
    en: 'Provide in a rule for consulting migrants on the policies that affect them, and hold at least one public listening session a year, with invitations in other languages and interpreters.',
  },
  'consultation-stages': {
    'pt-BR':
      'Consultar os migrantes também na execução e na avaliação das políticas, por exemplo com pesquisas de satisfação nos serviços e devolutivas periódicas às comunidades.',
    en: 'Consult migrants also on how policies are carried out and evaluated, for example with satisfaction surveys in services and regular feedback meetings with communities.',
  },
  'participatory-body': {
    'pt-BR':
      'Criar, por lei ou decreto, um conselho ou comitê de migrantes, ou reservar vagas para migrantes no conselho de direitos humanos, garantindo reuniões regulares.',
    en: "Create, by law or decree, a migrants' council or committee, or reserve seats for migrants on the human rights council, ensuring it meets regularly.",
  },
  'participatory-body-type': {
    'pt-BR':
      'Fortalecer o espaço de participação até torná-lo um conselho com caráter deliberativo e representantes migrantes eleitos pelas próprias comunidades.',
    en: 'Strengthen the participatory body until it becomes a council with decision-making powers and migrant representatives elected by their own communities.',
  },
  'councils-open': {
    'pt-BR':
      'Revisar os regimentos dos conselhos e do orçamento participativo para retirar exigências de nacionalidade ou título de eleitor, e divulgar aos migrantes, em outras línguas, como participar.',
    en: 'Review the internal rules of councils and of participatory budgeting to remove nationality or voter-card requirements, and tell migrants, in other languages, how to take part.',
  },
  'cultural-support': {
    'pt-BR':
      'Incluir manifestações culturais das comunidades migrantes no calendário oficial e abrir os editais de cultura a proponentes migrantes, com cessão de espaços públicos.',
    en: 'Include the cultural events of migrant communities in the official calendar and open culture funding calls to migrant applicants, with the loan of public venues.',
  },
  'associations-support': {
    'pt-BR':
      'Oferecer orientação para a formalização de associações de migrantes (estatuto, CNPJ) e facilitar seu acesso a espaços e a parcerias nos termos da Lei 13.019/2014.',
    en: 'Offer guidance on formally registering migrant associations (statutes, CNPJ) and make it easier for them to obtain spaces and partnerships under Law 13,019/2014.',
  },
};
