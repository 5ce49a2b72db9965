import type { ScoreSnapshot } from '../assessment/assessment.types';
import type { AnswerSet, Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { scoreGroup } from '../scoring/score-group';
import { scoreIndex } from '../scoring/score-index';
import { STANDARD_SCORING_POLICY } from '../scoring/scoring-policy';
import { buildReportModel, type ReportGroupInput, type ReportInput } from './report-model';

const t = (pt: string, en = pt) => ({ 'pt-BR': pt, en });

const item = (
  key: string,
  type: QuestionnaireItem['type'],
  label: string,
  weight: number,
  more: Partial<QuestionnaireItem> = {},
): QuestionnaireItem => ({
  key,
  type,
  label: t(label),
  weight,
  evidence: 'none',
  allowNotApplicable: false,
  required: true,
  ...more,
});
const ITEMS: QuestionnaireItem[] = [
  item('policy', 'yes-partial-no', 'Política?', 4, { evidence: 'required' }),
  item('policy-year', 'number', 'Ano', 0, {
    integer: true,
    min: 1950,
    max: 2100,
    visibleWhen: { item: 'policy', in: ['yes', 'partial'] },
  }),
  item('instrument', 'single-choice', 'Instrumento', 1, {
    options: [
      { key: 'law', label: t('Lei'), points: 100 },
      { key: 'decree', label: t('Decreto'), points: 60 },
    ],
    visibleWhen: { item: 'policy', in: ['yes', 'partial'] },
  }),
  item('shelter', 'yes-partial-no', 'Abrigo?', 2, { allowNotApplicable: true }),
  item('languages', 'multiple-choice', 'Idiomas', 2, {
    options: [
      { key: 'es', label: t('Espanhol'), points: 50 },
      { key: 'en', label: t('Inglês'), points: 40 },
      { key: 'ar', label: t('Árabe'), points: 30 },
    ],
  }),
  item('served', 'number', 'Atendidos', 1, {
    min: 0,
    bands: [
      { atLeast: 1, points: 50 },
      { atLeast: 100, points: 100 },
    ],
  }),
  item('notes', 'text', 'Notas', 0, { required: false }),
  item('plan-file', 'evidence', 'Plano', 1, { required: false }),
];
const questionnaire = (group: string, title: string): Questionnaire => ({
  group,
  version: 1,
  publishedAt: '2020-03-02',
  title: t(title),
  items: ITEMS,
});
const sample = questionnaire('sample', 'Grupo de exemplo');
const other = questionnaire('other', 'Outro grupo');

const groups: ReportGroupInput[] = [
  {
    slug: 'sample',
    number: 1,
    dimension: 'governance',
    questionnaire: sample,
    recommendations: {
      policy: t('Aprovar a política por lei.'),
      languages: t('Traduzir os materiais.'),
      instrument: t('Nunca mostrada: item atendido.'),
    },
  },
  { slug: 'other', number: 2, dimension: 'rights-and-services', questionnaire: other, recommendations: {} },
];

const answers: Record<string, AnswerSet> = {
  // policy partly (50), instrument law (100), shelter not applicable, no language (0), 150 served (100), plan missing.
  sample: {
    policy: 'partial',
    'policy-year': 2019,
    instrument: 'law',
    shelter: 'not-applicable',
    languages: [],
    served: 150,
    notes: 'Texto livre',
  },
  other: {
    policy: 'yes',
    instrument: 'law',
    shelter: 'yes',
    languages: ['es', 'en', 'ar'],
    served: 150,
    'plan-file': { url: 'https://example.org/plano.pdf' },
  },
};

function snapshotOf(questionnaires: Questionnaire[]): ScoreSnapshot {
  const scores = questionnaires.map((q) =>
    scoreGroup(q, STANDARD_SCORING_POLICY, { answers: answers[q.group], acceptedEvidence: ['policy'] }),
  );
  return {
    takenAt: '2025-06-01T12:00:00.000Z',
    round: 1,
    index: scoreIndex(
      questionnaires.map((q) => q.group),
      scores,
    ),
    groups: scores.map((g) => ({
      group: g.group,
      questionnaireVersion: g.questionnaireVersion,
      scoringVersion: g.scoringVersion,
      score: g.score,
      level: g.level?.key ?? null,
      items: g.items.map((i) => ({ key: i.key, points: i.points, counted: i.counted, status: i.status })),
    })),
  };
}

const input: ReportInput = {
  government: {
    ibgeCode: '3550308',
    name: 'São Paulo',
    kind: 'municipality',
    uf: 'SP',
    stateName: 'São Paulo',
    region: 'Sudeste',
    population: 11451999,
    populationYear: 2022,
  },
  editionYear: 2025,
  registeredMigrants: null,
  submittedAt: '2025-05-10T15:00:00.000Z',
  approvedAt: '2025-06-01T12:00:00.000Z',
  enrolment: {
    focalPerson: { name: 'Ana', email: 'ana@sp.test', department: 'SMDHC' },
    substitutes: [{ name: 'Bruno', email: 'bruno@sp.test', phone: '11 5555-0000', department: 'SMADS' }],
    migrantService: { name: 'CRAI', phone: '11 5555-1111', email: 'crai@sp.test', address: 'Rua Japurá, 234' },
  },
  snapshot: snapshotOf([sample, other]),
  groups,
  answers,
  goodPractices: [],
  priorities: [{ groupSlug: 'sample', itemKey: 'languages', commitment: 'Traduzir o guia de serviços.' }],
  previousPriorities: null,
  history: [],
  generatedAt: new Date('2025-06-02T12:00:00.000Z'),
};

describe('buildReportModel', () => {
  const { model, charts } = buildReportModel(input);
  const chapter = model.chapters[0];
  const labels = (lines: readonly { label: string }[]) => lines.map((l) => l.label);

  it('sorts a group\u2019s items into met, partly met, missing and not applicable, with recommendations for the gaps only', () => {
    expect(labels(chapter.met)).toEqual(['Instrumento', 'Atendidos']);
    expect(chapter.partial).toEqual([
      {
        label: 'Política?',
        answer: 'Parcial',
        points: '50 de 100 pontos',
        note: null,
        recommendation: 'Aprovar a política por lei.',
        evidence: [],
        adjustment: null,
      },
    ]);
    expect(chapter.missing).toEqual([
      {
        label: 'Idiomas',
        answer: 'Nenhuma das opções',
        points: '0 de 100 pontos',
        note: null,
        recommendation: 'Traduzir os materiais.',
        evidence: [],
        adjustment: null,
      },
      {
        label: 'Plano',
        answer: 'Sem resposta',
        points: '0 de 100 pontos',
        note: 'Item não respondido: conta como 0.',
        recommendation: null,
        evidence: [],
        adjustment: null,
      },
    ]);
    expect(labels(chapter.notApplicable)).toEqual(['Abrigo?']);
    expect(chapter.met.every((l) => l.recommendation === null)).toBe(true);
    expect(chapter.complementary).toEqual([
      { label: 'Ano', answer: '2019' },
      { label: 'Notas', answer: 'Texto livre' },
    ]);
    expect(chapter.priorities).toEqual([{ item: 'Idiomas', commitment: 'Traduzir o guia de serviços.' }]);
  });

  it('shows the evidence the review validated and a reviewer\u2019s adjustment with its justification', () => {
    const reviewed = buildReportModel({
      ...input,
      reviews: {
        sample: {
          policy: {
            officialValue: 'yes',
            evidence: [{ file: 'a'.repeat(64), fileName: 'lei-17344-2020.pdf', mime: 'application/pdf' }],
            status: 'adjusted',
            reviewerRating: 'partial',
            note: 'A lei não prevê orçamento próprio.',
          },
          instrument: {
            officialValue: 'law',
            evidence: [{ url: 'https://leismunicipais.test/sp/17344' }],
            status: 'accepted',
            reviewerRating: null,
            note: null,
          },
          // Evidence a reviewer did not validate is not shown as validated.
          served: {
            officialValue: 5,
            evidence: [{ url: 'https://x.test/y' }],
            status: 'pending',
            reviewerRating: null,
            note: null,
          },
        },
      },
    }).model.chapters[0];
    expect(reviewed.partial[0]).toMatchObject({
      label: 'Política?',
      evidence: ['lei-17344-2020.pdf'],
      adjustment: { officialAnswer: 'Sim', reviewerAnswer: 'Parcial', note: 'A lei não prevê orçamento próprio.' },
    });
    expect(reviewed.met.find((l) => l.label === 'Instrumento')).toMatchObject({
      evidence: ['https://leismunicipais.test/sp/17344'],
      adjustment: null,
    });
    expect(
      [...reviewed.met, ...reviewed.partial, ...reviewed.missing].find((l) => l.label === 'Atendidos')?.evidence,
    ).toEqual([]);
  });

  it('says why a positive answer scored 0: evidence missing, or not accepted', () => {
    const q = groups[0].questionnaire;
    const missing = scoreGroup(q, STANDARD_SCORING_POLICY, { answers: { policy: 'yes' }, evidenceGiven: [] });
    const pending = scoreGroup(q, STANDARD_SCORING_POLICY, { answers: { policy: 'yes' } });
    const noteOf = (g: typeof missing) => {
      const snapshot = {
        ...input.snapshot,
        groups: [{ ...input.snapshot.groups[0], items: g.items.map((i) => ({ ...i })) }, input.snapshot.groups[1]],
      };
      const chapter = buildReportModel({ ...input, snapshot, answers: { ...answers, sample: { policy: 'yes' } } }).model
        .chapters[0];
      return chapter.missing.find((l) => l.label === 'Política?')?.note;
    };
    expect(noteOf(missing)).toContain('nenhuma evidência foi apresentada');
    expect(noteOf(pending)).toContain('a evidência não foi aceita na revisão');
  });

  it('writes numbers, dates and missing facts the Brazilian way', () => {
    expect(model.government.population).toBe('11.451.999 habitantes (IBGE, 2022)');
    expect(model.government.registeredMigrants).toBe('não informado');
    expect(model.submittedOn).toBe('10/05/2025');
    expect(model.pageCss).toBe('"Página " counter(page) " de " counter(pages)');
    expect(model.people.map((p) => [p.role, p.name, p.phone])).toEqual([
      ['Ponto focal', 'Ana', '—'],
      ['Suplente', 'Bruno', '11 5555-0000'],
    ]);
    expect(model.index.value).toBe(input.snapshot.index.index!.toLocaleString('pt-BR', { minimumFractionDigits: 1 }));
    const unknown = buildReportModel({
      ...input,
      government: { ...input.government, population: null, populationYear: null },
    }).model;
    expect(unknown.government.population).toBe('não informado');
  });

  it('names the strongest and weakest groups in words', () => {
    expect(model.overview.strongest).toBe('O grupo com melhor resultado é «Outro grupo» (100,0).');
    expect(model.overview.weakest).toBe(`O grupo que mais precisa de atenção é «Grupo de exemplo» (${chapter.score}).`);
    expect(model.overview.summary).toContain('São Paulo (SP) obteve o Índice MigraCidades de');
    expect(model.overview.summary).toContain(
      '1 parcialmente atendido e 2 não atendidos; 1 não se aplica a este governo.',
    );
    expect(chapter.countLabels).toEqual({
      met: '2 atendidos',
      partial: '1 parcialmente atendido',
      missing: '2 não atendidos',
      notApplicable: '1 não se aplica',
    });
  });

  it('says a first edition has no progress yet, and draws no progress chart', () => {
    expect(model.progress.hasHistory).toBe(false);
    expect(model.progress.summary).toContain('primeira edição');
    expect(charts.progress).toBeNull();
    expect(charts.scores.map((s) => s.label)).toEqual(['1. Grupo de exemplo', '2. Outro grupo']);
  });

  it('shows "—", never 0, for an edition in which a group had no score', () => {
    const earlier = snapshotOf([sample]);
    const { model: withHistory, charts: drawn } = buildReportModel({
      ...input,
      history: [{ year: 2024, snapshot: earlier }],
    });
    expect(withHistory.progress.years).toEqual([2024, 2025]);
    expect(withHistory.progress.rows.find((r) => r.title === '2. Outro grupo')!.cells).toEqual(['—', '100,0']);
    expect(drawn.progress!.editions[0].values).toEqual([earlier.groups[0].score, null]);
  });

  it('describes a state without repeating its abbreviation, and the Federal District as such', () => {
    const state = buildReportModel({
      ...input,
      government: {
        ...input.government,
        ibgeCode: '43',
        name: 'Rio Grande do Sul',
        kind: 'state',
        uf: 'RS',
        stateName: 'Rio Grande do Sul',
        region: 'Sul',
      },
    }).model;
    expect([state.government.place, state.government.kind]).toEqual(['Rio Grande do Sul', 'Estado']);
    const df = buildReportModel({
      ...input,
      government: {
        ...input.government,
        ibgeCode: '53',
        name: 'Distrito Federal',
        kind: 'state',
        uf: 'DF',
        stateName: 'Distrito Federal',
        region: 'Centro-Oeste',
      },
    }).model;
    expect(df.government.kind).toBe('Distrito Federal');
  });

  describe('in English', () => {
    const english = buildReportModel(input, 'en').model;
    const first = english.chapters[0];

    it('words the chapters in English: answers, points, zero notes, counts and the group\u2019s dimension', () => {
      expect(english.lang).toBe('en');
      expect(first.partial[0]).toMatchObject({ answer: 'Partly', points: '50 of 100 points' });
      expect(first.missing.map((l) => [l.answer, l.note])).toEqual([
        ['None of the options', null],
        ['No answer', 'Item not answered: it counts as 0.'],
      ]);
      expect(first.countLabels).toEqual({
        met: '2 met',
        partial: '1 partly met',
        missing: '2 not met',
        notApplicable: '1 not applicable',
      });
      expect(first.dimension).toBe('Institutions and governance');
      expect(first.heading).toBe('Group 1 — Grupo de exemplo');
    });

    it('takes the questionnaire\u2019s and the recommendations\u2019 English texts', () => {
      const translated = (pt: string, en: string) => ({ 'pt-BR': pt, en });
      const englishGroups: ReportGroupInput[] = [
        {
          ...groups[0],
          questionnaire: {
            ...sample,
            title: translated('Grupo de exemplo', 'Sample group'),
            items: ITEMS.map((i) => (i.key === 'policy' ? { ...i, label: translated('Política?', 'Policy?') } : i)),
          },
          recommendations: { policy: translated('Aprovar a política por lei.', 'Pass the policy as a law.') },
        },
        groups[1],
      ];
      const chapter = buildReportModel({ ...input, groups: englishGroups }, 'en').model.chapters[0];
      expect(chapter.title).toBe('Sample group');
      expect(chapter.partial[0]).toMatchObject({ label: 'Policy?', recommendation: 'Pass the policy as a law.' });
    });

    it('writes numbers with a decimal point and dates the English way', () => {
      expect(english.government.population).toBe('11,451,999 inhabitants (IBGE, 2022)');
      expect(english.government.registeredMigrants).toBe('not informed');
      expect(english.submittedOn).toBe('10 May 2025');
      expect(english.generatedOn).toBe('2 June 2025');
      expect(english.index.value).toBe(input.snapshot.index.index!.toLocaleString('en', { minimumFractionDigits: 1 }));
      expect(english.overview.strongest).toBe('The group with the best result is “Outro grupo” (100.0).');
      expect(english.overview.summary).toContain('São Paulo (SP) obtained a MigraCidades Index of');
      expect(english.overview.summary).toContain('1 partly met and 2 not met; 1 does not apply to this government.');
    });

    it('names roles, kinds of government, regions and the page numbering in English', () => {
      expect(english.people.map((p) => p.role)).toEqual(['Focal person', 'Substitute']);
      expect([english.government.kind, english.government.region]).toEqual(['Municipality', 'Southeast']);
      expect(english.government.description).toBe('Municipality · São Paulo (SP) · Southeast region');
      expect(english.pageCss).toBe('"Page " counter(page) " of " counter(pages)');
      expect(english.toc.map((e) => e.title).slice(0, 4)).toEqual([
        'General information',
        'About the platform',
        'How to read this report',
        'Overall diagnosis',
      ]);
      expect(english.progress.summary).toContain('first edition');
      expect(english.levels.map((l) => l.range)).toEqual([
        '0 to under 25',
        '25 to under 50',
        '50 to under 75',
        '75 to 100',
      ]);
    });
  });
});
