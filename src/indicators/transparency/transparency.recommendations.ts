import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const transparencyRecommendations: RecommendationCatalogue = {
  'multilingual-information': {
    'pt-BR':
      'Traduzir as informações essenciais sobre saúde, educação e assistência social para as línguas das principais comunidades migrantes locais e afixá-las nas unidades de atendimento.',
    en: 'Translate the essential information on health, education and social assistance into the languages of the main local migrant communities and post it in service units.',
  },
  'information-languages': {
    'pt-BR':
      'Ampliar as traduções às línguas das comunidades presentes no território, conforme o perfil migratório local, incluindo crioulo haitiano e línguas indígenas como o warao quando houver essas populações.',
    en: 'Extend translations to the languages of the communities present in the territory, according to the local migration profile, including Haitian Creole and indigenous languages such as Warao where those populations live.',
  },
  'services-guide': {
    'pt-BR':
      'Publicar um guia de serviços para migrantes, em português e em outras línguas, com o passo a passo para SUS, escola, CRAS/CREAS, CadÚnico, SINE, CPF e CTPS, e atualizá-lo a cada dois anos.',
    en: 'Publish a services guide for migrants, in Portuguese and other languages, with step-by-step instructions for SUS, schools, CRAS/CREAS, CadÚnico, SINE, CPF and CTPS, and update it every two years.',
  },
  'web-page': {
    'pt-BR':
      'Criar no portal oficial uma página para migrantes que reúna serviços, direitos, endereços e contatos, com versões em outras línguas.',
    en: 'Create a page for migrants on the official website bringing together services, rights, addresses and contacts, with versions in other languages.',
  },
  interpreters: {
    'pt-BR':
      'Garantir intérpretes ou mediadores culturais nas unidades que mais atendem migrantes, por contratação, credenciamento de voluntários, parceria com universidades ou tradução por telefone.',
    en: 'Ensure interpreters or cultural mediators in the units that serve most migrants, by hiring, accrediting volunteers, partnering with universities or using telephone interpreting.',
  },
  'reference-centre': {
    'pt-BR':
      'Instalar um centro de referência ou balcão de atendimento a migrantes, com endereço, horário e equipe definidos, que possa funcionar dentro de um equipamento existente como o CRAS.',
    en: 'Set up a reference centre or help desk for migrants, with a set address, opening hours and team, which may operate inside an existing facility such as a CRAS.',
  },
  'accessible-channels': {
    'pt-BR':
      'Adaptar a ouvidoria e o SIC para aceitar identificação por CRNM, passaporte ou protocolo de refúgio sem exigir CPF, e receber pedidos ao menos em espanhol e em inglês.',
    en: 'Adapt the ombudsman and the SIC to accept identification by CRNM, passport or asylum-request protocol without requiring a CPF, and to take requests at least in Spanish and English.',
  },
};
