import type { Role } from '../auth/role';
import type { AnswerValue } from '../questionnaire/questionnaire.types';

/** For local use only: the README prints these credentials. */
export const DEMO_PASSWORD = 'migracidades-demo';

export interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly governmentCode?: string;
}

/** The people of the demo. An official's name is the focal person's name in the enrolment. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@migracidades.local', name: 'Administração MigraCidades', role: 'admin' },
  { email: 'revisora@oim.local', name: 'Beatriz Andrade Couto', role: 'reviewer' },
  { email: 'certificadora@ufrgs.local', name: 'Helena Duarte Fagundes', role: 'certifier' },
  { email: 'focal@portoalegre.local', name: 'Carolina Becker Schmitt', role: 'official', governmentCode: '4314902' },
  { email: 'focal@boavista.local', name: 'Patrícia Sarmento Lima', role: 'official', governmentCode: '1400100' },
  { email: 'focal@rs.local', name: 'Fernanda Kuhn Oliveira', role: 'official', governmentCode: '43' },
  { email: 'focal@saopaulo.local', name: 'Mariana Okabe Ferreira', role: 'official', governmentCode: '3550308' },
];

/**
 * How far a government gets in an edition: its diagnosis in progress, submitted, approved with priorities
 * chosen, or also certified (the seal is issued on the day the demo loads).
 */
export type DemoStop = 'in-progress' | 'submitted' | 'prioritised' | 'certified';

/** `current` is the edition the demo places around the day the server starts. */
export interface DemoStep {
  readonly edition: number | 'current';
  readonly stop: DemoStop;
  /** The reviewer sends one item back before approving, and the government corrects it. */
  readonly roundOfChanges?: boolean;
}

export interface DemoGovernment {
  readonly code: string;
  readonly kind: 'municipality' | 'state';
  /** Official portal: evidence links point there. */
  readonly site: string;
  readonly focalPerson: { readonly phone: string; readonly department: string };
  readonly substitute: { readonly name: string; readonly email: string; readonly department: string };
  readonly migrantService: {
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    readonly address: string;
  };
  /** Chance (0-1) that an item the government answers for the first time is fully in place. */
  readonly maturity: number;
  /** Answers known from the government's real policies, given whenever the item is answered afresh. */
  readonly facts: Readonly<Record<string, AnswerValue>>;
  /** Yearly figures (migrants served, servants trained…) in the latest edition; earlier ones are smaller. */
  readonly figures: Readonly<Record<string, number>>;
  /** Evidence links that are the government's own (its law, its page for migrants), by item key. */
  readonly links: Readonly<Record<string, string>>;
  readonly journey: readonly DemoStep[];
}

/**
 * Four governments whose journeys show every stage: Porto Alegre renews every real edition and may enrol in
 * the current one today; Boa Vista crosses groups 8 and 10 to their second versions (2020 → 2021); the state
 * of Rio Grande do Sul and São Paulo hold the 2024 seal, and in the current edition Rio Grande do Sul has
 * submitted its diagnosis while São Paulo is filling its own.
 */
export const DEMO_GOVERNMENTS: readonly DemoGovernment[] = [
  {
    code: '4314902',
    kind: 'municipality',
    site: 'https://prefeitura.poa.br',
    focalPerson: { phone: '(51) 3289-4900', department: 'Secretaria Municipal de Desenvolvimento Social' },
    substitute: {
      name: 'Luís Fernando Rocha',
      email: 'luis.rocha@portoalegre.local',
      department: 'Fundação de Assistência Social e Cidadania (FASC)',
    },
    migrantService: {
      name: 'Centro de Referência para Migrantes e Refugiados de Porto Alegre',
      phone: '(51) 3289-4950',
      email: 'migrantes@portoalegre.local',
      address: 'Rua dos Andradas, 680, Centro Histórico, Porto Alegre - RS, 90020-004',
    },
    maturity: 0.55,
    facts: {
      'focal-body': 'yes',
      'local-policy': 'partial',
      'local-policy-year': 2019,
      'local-policy-instrument': 'decree',
      'intersectoral-committee': 'yes',
      'governance-notes':
        'O comitê municipal de atenção a migrantes reúne as secretarias de desenvolvimento social, saúde, educação e trabalho, com a FASC e entidades da sociedade civil.',
    },
    figures: {
      'servants-trained': 160,
      'migrants-served-employment': 900,
      'network-meetings': 8,
      'shelter-capacity': 60,
      'cadunico-migrant-families': 2400,
      'reference-centre-attendances': 3200,
      'migrant-students': 1900,
      'migrants-registered': 9000,
      'health-staff-trained': 120,
      'suas-staff-trained': 90,
      'migrant-seats': 4,
    },
    links: {},
    journey: [
      { edition: 2020, stop: 'prioritised' },
      { edition: 2021, stop: 'prioritised' },
      { edition: 2022, stop: 'prioritised', roundOfChanges: true },
      { edition: 2024, stop: 'certified' },
    ],
  },
  {
    code: '1400100',
    kind: 'municipality',
    site: 'https://boavista.rr.gov.br',
    focalPerson: { phone: '(95) 3621-1700', department: 'Secretaria Municipal de Gestão Social (SEMGES)' },
    substitute: {
      name: 'Jorge Pacheco Nascimento',
      email: 'jorge.nascimento@boavista.local',
      department: 'Secretaria Municipal de Saúde',
    },
    migrantService: {
      name: 'Centro de Referência ao Migrante de Boa Vista',
      phone: '(95) 3621-1780',
      email: 'migrantes@boavista.local',
      address: 'Avenida Ville Roy, 5195, Centro, Boa Vista - RR, 69301-000',
    },
    maturity: 0.35,
    facts: {
      'local-policy': 'partial',
      'local-policy-year': 2018,
      'local-policy-instrument': 'decree',
      'federal-agreements': 'yes',
      'federal-programmes': ['relocation', 'documentation'],
      'international-organisations': 'yes',
      'shelter-places': 'yes',
      'governance-notes':
        'Desde 2018 a prefeitura atua com a Operação Acolhida na recepção da população venezuelana, com o plano municipal de resposta humanitária.',
    },
    figures: {
      'servants-trained': 240,
      'migrants-served-employment': 3100,
      'network-meetings': 12,
      'shelter-capacity': 350,
      'cadunico-migrant-families': 15000,
      'reference-centre-attendances': 22000,
      'migrant-students': 9000,
      'migrants-registered': 60000,
      'health-staff-trained': 200,
      'suas-staff-trained': 110,
      'migrant-seats': 3,
    },
    links: {},
    journey: [
      { edition: 2020, stop: 'prioritised' },
      { edition: 2021, stop: 'prioritised' },
    ],
  },
  {
    code: '43',
    kind: 'state',
    site: 'https://www.estado.rs.gov.br',
    focalPerson: { phone: '(51) 3288-7300', department: 'Secretaria de Justiça, Cidadania e Direitos Humanos' },
    substitute: {
      name: 'Marcelo Zanella',
      email: 'marcelo.zanella@rs.local',
      department: 'Secretaria de Assistência Social',
    },
    migrantService: {
      name: 'Centro de Referência Estadual para Migrantes, Refugiados e Apátridas',
      phone: '(51) 3288-7350',
      email: 'migrantes@rs.local',
      address: 'Avenida Borges de Medeiros, 1501, Praia de Belas, Porto Alegre - RS, 90119-900',
    },
    maturity: 0.45,
    facts: {
      'intersectoral-committee': 'yes',
      'local-policy': 'partial',
      'local-policy-year': 2012,
      'local-policy-instrument': 'decree',
      'governance-notes':
        'O Comitê Estadual de Atenção a Migrantes, Refugiados, Apátridas e Vítimas do Tráfico de Pessoas (COMIRAT-RS), criado por decreto em 2012, reúne secretarias estaduais, municípios e sociedade civil.',
    },
    figures: {
      'servants-trained': 300,
      'migrants-served-employment': 4200,
      'network-meetings': 6,
      'shelter-capacity': 120,
      'cadunico-migrant-families': 11000,
      'reference-centre-attendances': 5000,
      'migrant-students': 12000,
      'migrants-registered': 30000,
      'health-staff-trained': 400,
      'suas-staff-trained': 250,
      'migrant-seats': 5,
    },
    links: {},
    journey: [
      { edition: 2022, stop: 'prioritised' },
      { edition: 2024, stop: 'certified' },
      { edition: 'current', stop: 'submitted' },
    ],
  },
  {
    code: '3550308',
    kind: 'municipality',
    site: 'https://www.prefeitura.sp.gov.br',
    focalPerson: {
      phone: '(11) 2833-4100',
      department:
        'Secretaria Municipal de Direitos Humanos e Cidadania — Coordenação de Políticas para Imigrantes e Promoção do Trabalho Decente',
    },
    substitute: {
      name: 'Rafael Nogueira Lima',
      email: 'rafael.lima@saopaulo.local',
      department: 'Secretaria Municipal de Assistência e Desenvolvimento Social (SMADS)',
    },
    migrantService: {
      name: 'Centro de Referência e Atendimento para Imigrantes (CRAI)',
      phone: '(11) 2361-3780',
      email: 'crai@saopaulo.local',
      address: 'Rua Major Diogo, 834, Bela Vista, São Paulo - SP, 01324-000',
    },
    maturity: 0.7,
    facts: {
      'focal-body': 'yes',
      'local-policy': 'yes',
      'local-policy-year': 2016,
      'local-policy-instrument': 'law',
      'participatory-body': 'yes',
      'participatory-body-type': 'consultative-council',
      'reference-centre': 'yes',
      'web-page': 'yes',
      'multilingual-information': 'yes',
      'portuguese-adults': 'yes',
      'governance-notes':
        'A Política Municipal para a População Imigrante (Lei 16.478/2016) é coordenada pela Coordenação de Políticas para Imigrantes e Promoção do Trabalho Decente, da Secretaria Municipal de Direitos Humanos e Cidadania.',
    },
    figures: {
      'servants-trained': 420,
      'migrants-served-employment': 2600,
      'network-meetings': 10,
      'shelter-capacity': 560,
      'cadunico-migrant-families': 21000,
      'reference-centre-attendances': 14000,
      'migrant-students': 24000,
      'migrants-registered': 95000,
      'health-staff-trained': 650,
      'suas-staff-trained': 300,
      'migrant-seats': 16,
    },
    links: {
      'local-policy': 'https://legislacao.prefeitura.sp.gov.br/leis/lei-16478-de-08-de-julho-de-2016',
      'focal-body':
        'https://www.prefeitura.sp.gov.br/cidade/secretarias/direitos_humanos/imigrantes_e_trabalho_decente/',
      'focal-body-act':
        'https://www.prefeitura.sp.gov.br/cidade/secretarias/direitos_humanos/imigrantes_e_trabalho_decente/',
      'web-page': 'https://www.prefeitura.sp.gov.br/cidade/secretarias/direitos_humanos/imigrantes_e_trabalho_decente/',
    },
    journey: [
      { edition: 2024, stop: 'certified' },
      { edition: 'current', stop: 'in-progress' },
    ],
  },
];
