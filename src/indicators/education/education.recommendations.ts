import type { RecommendationCatalogue } from '../../core/indicators/indicator-group.definition';

export const educationRecommendations: RecommendationCatalogue = {
  'enrolment-without-documents': {
    'pt-BR':
      'Publicar resolução ou circular às escolas garantindo a matrícula de estudantes migrantes sem exigência de documento de identidade, situação migratória regular ou histórico escolar.',
    en: 'Issue a resolution or circular to schools guaranteeing the enrolment of migrant students without requiring an identity document, regular migration status or school records.',
  },
  'grade-placement': {
    'pt-BR':
      'Definir um procedimento de avaliação diagnóstica para classificar estudantes sem histórico escolar (LDB, art. 24, II, c), considerando a idade e, quando possível, aplicado no idioma do estudante.',
    en: 'Define a diagnostic assessment procedure to place students without school records (LDB, art. 24, II, c), taking age into account and, where possible, given in the language the student speaks.',
  },
  'portuguese-children': {
    'pt-BR':
      'Oferecer apoio regular de português como língua de acolhimento nas escolas com estudantes migrantes, com professores preparados e material didático adequado.',
    en: 'Offer regular Portuguese-as-a-host-language support in schools with migrant students, with prepared teachers and suitable teaching materials.',
  },
  'portuguese-adults': {
    'pt-BR':
      'Abrir turmas gratuitas de português para migrantes jovens e adultos, pela EJA ou em parceria com universidades e organizações da sociedade civil, com horários compatíveis com o trabalho e certificação.',
    en: 'Open free Portuguese classes for young and adult migrants, through EJA or in partnership with universities and civil-society organisations, at times compatible with work and with certificates.',
  },
  'intercultural-reception': {
    'pt-BR':
      'Elaborar diretrizes de acolhimento intercultural para a rede de ensino, com protocolo de recepção de estudantes e famílias migrantes e ações contra a xenofobia.',
    en: 'Draw up intercultural reception guidelines for the school system, with a protocol for receiving migrant students and families and actions against xenophobia.',
  },
  'reception-actions': {
    'pt-BR':
      'Complementar o acolhimento com formação de professores e gestores em educação intercultural, comunicação com as famílias em seus idiomas e mediadores culturais nas escolas com mais migrantes.',
    en: 'Complement reception with training of teachers and school managers in intercultural education, communication with families in their languages and cultural mediators in the schools with most migrants.',
  },
  'diploma-recognition': {
    'pt-BR':
      'Criar um fluxo de orientação para equivalência de estudos e revalidação de diplomas, em parceria com o conselho de educação e universidades públicas, com apoio para traduções e isenção de taxas.',
    en: 'Set up a guidance flow for the equivalence of studies and revalidation of diplomas, in partnership with the education council and public universities, with help for translations and fee waivers.',
  },
  'student-data': {
    'pt-BR':
      'Registrar a nacionalidade no sistema de gestão escolar, compilar o número de estudantes migrantes por escola e usar esses dados e os do Censo Escolar para planejar vagas e apoio de português.',
    en: 'Record nationality in the school management system, compile the number of migrant students per school, and use these data and the School Census to plan places and Portuguese support.',
  },
};
