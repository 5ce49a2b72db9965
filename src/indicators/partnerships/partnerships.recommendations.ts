import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const partnershipsRecommendations: RecommendationCatalogue = {
  'federal-agreements': {
    'pt-BR':
      'Formalizar a cooperação com o governo federal por termo de adesão ou acordo (por exemplo, à Estratégia de Interiorização da Operação Acolhida), com ações, prazos e responsáveis definidos.',
    en: 'Formalise cooperation with the federal government through a letter of adhesion or an agreement (for example to the relocation strategy of Operação Acolhida), with defined actions, deadlines and people in charge.',
  },
  'federal-programmes': {
    'pt-BR':
      'Mapear os programas federais disponíveis (interiorização, cofinanciamento do SUAS, mutirões de documentação com Polícia Federal, Receita Federal e DPU) e aderir aos que respondem às necessidades locais.',
    en: 'Map the federal programmes available (relocation, SUAS co-funding, documentation drives with the Federal Police, the Federal Revenue and the DPU) and join those that meet local needs.',
  },
  'civil-society': {
    'pt-BR':
      'Formalizar as parcerias com organizações da sociedade civil e associações de migrantes por termo de colaboração, termo de fomento ou acordo de cooperação, nos termos da Lei 13.019/2014 (MROSC).',
    en: 'Formalise partnerships with civil-society organisations and migrant associations through collaboration, funding or cooperation agreements under Law 13,019/2014 (MROSC).',
  },
  universities: {
    'pt-BR':
      'Firmar acordo de cooperação com universidades da região para cursos de português, assessoria jurídica, pesquisas sobre a população migrante ou projetos de extensão.',
    en: 'Sign a cooperation agreement with universities in the region for Portuguese courses, legal aid, research on the migrant population or extension projects.',
  },
  'international-organisations': {
    'pt-BR':
      'Procurar organismos internacionais presentes no Brasil (OIM, ACNUR, UNICEF, UNFPA, ONU Mulheres, OIT) para firmar um memorando de entendimento ou um projeto conjunto com objetivos definidos.',
    en: 'Approach international organisations present in Brazil (IOM, UNHCR, UNICEF, UNFPA, UN Women, ILO) to sign a memorandum of understanding or a joint project with defined objectives.',
  },
  'private-sector': {
    'pt-BR':
      'Articular com associações comerciais, empresas e o Sistema S (SENAI, SENAC, SEBRAE) parcerias formais para qualificação profissional e contratação de migrantes.',
    en: 'Work with business associations, companies and the S System (SENAI, SENAC, SEBRAE) on formal partnerships for vocational training and the hiring of migrants.',
  },
  'other-governments': {
    'pt-BR':
      'Buscar cooperação com outros municípios e com o estado (consórcio, acordo de cooperação técnica ou rede regional) para trocar experiências e coordenar o acolhimento de migrantes.',
    en: 'Seek cooperation with other municipalities and with the state (a consortium, a technical cooperation agreement or a regional network) to share experience and coordinate the reception of migrants.',
  },
  'local-network': {
    'pt-BR':
      'Criar ou fortalecer uma rede local de atendimento a migrantes que reúna governo, sociedade civil, universidades e organismos internacionais, com calendário de reuniões e registro em ata.',
    en: 'Create or strengthen a local network of services for migrants that brings together the government, civil society, universities and international organisations, with a meeting schedule and minutes.',
  },
  'network-meetings': {
    'pt-BR':
      'Estabelecer um calendário anual de reuniões da rede, ao menos bimestrais, com pauta, encaminhamentos e responsáveis registrados.',
    en: 'Set an annual schedule of network meetings, at least every two months, with an agenda and recorded follow-up actions and people in charge.',
  },
};
