import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const labourRecommendations: RecommendationCatalogue = {
  'work-documents': {
    'pt-BR':
      'Oferecer, em um ponto de atendimento conhecido dos migrantes, apoio para emitir o CPF, criar a conta gov.br e habilitar a Carteira de Trabalho Digital, inclusive a quem tem apenas protocolo de refúgio.',
    en: 'Offer, at a service point migrants know, help to obtain the CPF, create the gov.br account and activate the Digital Work Card, including for people holding only an asylum-request protocol.',
  },
  'sine-protocol': {
    'pt-BR':
      'Adotar no SINE ou na agência municipal um procedimento escrito para atender migrantes, que aceite CRNM ou protocolo de refúgio e registre a escolaridade e a experiência obtidas no exterior.',
    en: 'Adopt at SINE or the municipal agency a written procedure for serving migrants that accepts the migration registration card or an asylum-request protocol and records schooling and experience gained abroad.',
  },
  'migrants-served-employment': {
    'pt-BR':
      'Divulgar o SINE nos locais frequentados por migrantes e registrar a nacionalidade no atendimento, para acompanhar quantos são atendidos e encaminhados a vagas.',
    en: 'Advertise SINE where migrants go and record nationality at intake, to track how many are served and referred to jobs.',
  },
  'vocational-training': {
    'pt-BR':
      'Reservar vagas para migrantes em cursos de qualificação e de português para o trabalho, em parceria com o Sistema S ou institutos federais, aceitando os documentos que eles possuem.',
    en: 'Reserve places for migrants in vocational and Portuguese-for-work courses, in partnership with the S System or federal institutes, accepting the documents they hold.',
  },
  entrepreneurship: {
    'pt-BR':
      'Criar, com o Sebrae e instituições de microcrédito, uma ação contínua de apoio a migrantes empreendedores, com orientação para formalização como MEI e acesso a crédito.',
    en: 'Create, with Sebrae and microcredit institutions, an ongoing action supporting migrant entrepreneurs, with guidance on registering as an MEI and access to credit.',
  },
  'women-employment': {
    'pt-BR':
      'Priorizar vagas de creche para filhos de mães migrantes em busca de trabalho e abrir turmas de qualificação e feiras de emprego dirigidas a mulheres migrantes.',
    en: 'Give priority in day-care places to the children of migrant mothers seeking work, and open training classes and job fairs aimed at migrant women.',
  },
  'employer-partnerships': {
    'pt-BR':
      'Firmar termos de cooperação com empresas e associações empresariais para a contratação de migrantes, incluindo vagas de emprego sinalizadas para a interiorização.',
    en: 'Sign cooperation agreements with companies and business associations to hire migrants, including signalled job offers for the relocation programme.',
  },
  'employer-partner-types': {
    'pt-BR':
      'Ampliar a rede de parceiros para além de empresas isoladas, envolvendo associações comerciais, Sistema S, cooperativas e sindicatos.',
    en: 'Widen the partner network beyond individual companies, bringing in business associations, the S System, cooperatives and trade unions.',
  },
  'labour-rights': {
    'pt-BR':
      'Produzir material multilíngue sobre direitos trabalhistas e canais de denúncia (MPT, Auditoria-Fiscal do Trabalho, Sistema Ipê) e realizar oficinas regulares com migrantes.',
    en: 'Produce multilingual material on labour rights and reporting channels (Labour Prosecution Service, labour inspection, Sistema Ipê) and hold regular workshops with migrants.',
  },
};
