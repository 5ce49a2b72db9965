import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionnaire } from '../questionnaire/questionnaire.parser';
import type { AnswerSet, Questionnaire } from '../questionnaire/questionnaire.types';
import { scoreGroup } from '../scoring/score-group';
import { STANDARD_SCORING_POLICY } from '../scoring/scoring-policy';
import {
  compareEditions,
  compareGroup,
  type SnapshotGroup,
  type SnapshotItem,
  type VersionChains,
} from './compare-editions';
import { buildHistory, type EditionRecord } from './history';

// The real questionnaires: governance v1, and protection v1 → v2 (2021), whose key map keeps six items,
// renames awareness-campaigns → rights-campaigns and network-training → protection-training, drops
// nationality-records, and adds lgbtiq-access, lgbtiq-protocol, racial-equality-actions, disaggregated-records.
const load = (group: string, version: number): Questionnaire =>
  parseQuestionnaire(readFileSync(join(__dirname, `../../../assessments/${group}/v${version}.yaml`), 'utf8'), {
    file: `${group}/v${version}.yaml`,
    group,
    version,
  });
const governance = load('governance', 1);
const protection1 = load('protection', 1);
const protection2 = load('protection', 2);
const chains: VersionChains = new Map([
  ['governance', new Map([[1, governance]])],
  [
    'protection',
    new Map([
      [1, protection1],
      [2, protection2],
    ]),
  ],
]);

const scored = (key: string, points: number): SnapshotItem => ({ key, points, counted: true, status: 'scored' });
const notCounted = (key: string, status: 'not-applicable' | 'hidden' | 'informative'): SnapshotItem => ({
  key,
  points: null,
  counted: false,
  status,
});
const group = (slug: string, version: number, score: number, level: string, items: SnapshotItem[]): SnapshotGroup => ({
  group: slug,
  questionnaireVersion: version,
  scoringVersion: 'engine-1/standard-1',
  score,
  level,
  items,
});

// Weights — governance v1: focal-body 3, local-policy 4, local-policy-instrument 1, intersectoral-committee 3,
// budget-line 2, migrant-data 2, data-sources 1 (shown when migrant-data is yes/partial); the rest weigh 0.
// protection v1: network-open 4, network-interpreters 3, victim-protocol 4, awareness-campaigns 3,
// campaign-languages 1, network-training 2, shelter 2, nationality-records 2. protection v2: network-open 4,
// network-interpreters 3, victim-protocol 4, lgbtiq-access 3, lgbtiq-protocol 3, racial-equality-actions 3,
// rights-campaigns 3, campaign-languages 1, protection-training 2, shelter 2, disaggregated-records 3.

// 2020 governance: (3×100 + 4×50 + 1×75 + 3×0 + 2×0 + 2×0) / 15 = 575 / 15 = 38.33 → 38.3
const gov2020 = group('governance', 1, 38.3, 'developing', [
  scored('focal-body', 100),
  notCounted('focal-body-act', 'informative'),
  scored('local-policy', 50),
  notCounted('local-policy-year', 'informative'),
  scored('local-policy-instrument', 75),
  scored('intersectoral-committee', 0),
  scored('budget-line', 0),
  scored('migrant-data', 0),
  notCounted('data-sources', 'hidden'),
  notCounted('governance-notes', 'informative'),
]);
// 2020 protection v1: (4×50 + 3×0 + 4×100 + 3×50 + 1×45 + 2×0 + 2×100 + 2×50) / 21 = 1095 / 21 = 52.14 → 52.1
const prot2020 = group('protection', 1, 52.1, 'consolidated', [
  scored('network-open', 50),
  scored('network-interpreters', 0),
  scored('victim-protocol', 100),
  scored('awareness-campaigns', 50),
  scored('campaign-languages', 45),
  scored('network-training', 0),
  scored('shelter', 100),
  scored('nationality-records', 50),
  notCounted('protection-notes', 'informative'),
]);
// 2021 governance: (300 + 400 + 100 + 3×50 + 2×50 + 0) / 15 = 1050 / 15 = 70
const gov2021 = group('governance', 1, 70, 'consolidated', [
  scored('focal-body', 100),
  notCounted('focal-body-act', 'informative'),
  scored('local-policy', 100),
  notCounted('local-policy-year', 'informative'),
  scored('local-policy-instrument', 100),
  scored('intersectoral-committee', 50),
  scored('budget-line', 50),
  scored('migrant-data', 0),
  notCounted('data-sources', 'hidden'),
  notCounted('governance-notes', 'informative'),
]);
// 2021 protection v2, shelter "not applicable": (400 + 150 + 200 + 150 + 0 + 300 + 300 + 45 + 100 + 150) / 29
// = 1795 / 29 = 61.90 → 61.9
const prot2021 = group('protection', 2, 61.9, 'consolidated', [
  scored('network-open', 100),
  scored('network-interpreters', 50),
  scored('victim-protocol', 50),
  scored('lgbtiq-access', 50),
  scored('lgbtiq-protocol', 0),
  scored('racial-equality-actions', 100),
  scored('rights-campaigns', 100),
  scored('campaign-languages', 45),
  scored('protection-training', 50),
  notCounted('shelter', 'not-applicable'),
  scored('disaggregated-records', 50),
  notCounted('protection-notes', 'informative'),
]);
// 2022 governance, data-sources now shown (own-records 40): (300 + 400 + 100 + 150 + 200 + 100 + 40) / 16 = 1290 / 16 = 80.63 → 80.6
const gov2022 = group('governance', 1, 80.6, 'reference', [
  scored('focal-body', 100),
  notCounted('focal-body-act', 'informative'),
  scored('local-policy', 100),
  notCounted('local-policy-year', 'informative'),
  scored('local-policy-instrument', 100),
  scored('intersectoral-committee', 50),
  scored('budget-line', 100),
  scored('migrant-data', 50),
  scored('data-sources', 40),
  notCounted('governance-notes', 'informative'),
]);
// 2022 protection v2, shelter partial: (400 + 150 + 400 + 300 + 150 + 300 + 300 + 45 + 100 + 100 + 0) / 31 = 2245 / 31 = 72.42 → 72.4
const prot2022 = group('protection', 2, 72.4, 'consolidated', [
  scored('network-open', 100),
  scored('network-interpreters', 50),
  scored('victim-protocol', 100),
  scored('lgbtiq-access', 100),
  scored('lgbtiq-protocol', 50),
  scored('racial-equality-actions', 100),
  scored('rights-campaigns', 100),
  scored('campaign-languages', 45),
  scored('protection-training', 50),
  scored('shelter', 50),
  scored('disaggregated-records', 0),
  notCounted('protection-notes', 'informative'),
]);

// Index = mean of the two groups: 2020 (38.3 + 52.1) / 2 = 45.2; 2021 (70 + 61.9) / 2 = 65.95 → 66; 2022 (80.6 + 72.4) / 2 = 76.5
const e2020: EditionRecord = {
  editionYear: 2020,
  state: 'certified',
  snapshot: { index: { index: 45.2, level: { key: 'developing' } }, groups: [gov2020, prot2020] },
  priorities: [
    {
      group: 'governance',
      itemKey: 'budget-line',
      commitment: 'Criar ação orçamentária.',
      progress: { status: 'in-progress', note: 'Prevista no PPA.', reportedInEdition: 2021 },
    },
    {
      group: 'protection',
      itemKey: 'network-training',
      commitment: 'Capacitar a rede.',
      progress: { status: 'achieved', note: null, reportedInEdition: 2021 },
    },
    {
      group: 'protection',
      itemKey: 'nationality-records',
      commitment: 'Registrar a nacionalidade.',
      progress: { status: 'not-started', note: null, reportedInEdition: 2021 },
    },
  ],
};
const e2021: EditionRecord = {
  editionYear: 2021,
  state: 'certified',
  snapshot: { index: { index: 66, level: { key: 'consolidated' } }, groups: [gov2021, prot2021] },
  priorities: [
    {
      group: 'governance',
      itemKey: 'budget-line',
      commitment: 'Executar a ação orçamentária.',
      progress: { status: 'achieved', note: 'Executada.', reportedInEdition: 2022 },
    },
  ],
};
const e2022: EditionRecord = {
  editionYear: 2022,
  state: 'priorities-set',
  snapshot: { index: { index: 76.5, level: { key: 'reference' } }, groups: [gov2022, prot2022] },
  priorities: [
    { group: 'protection', itemKey: 'disaggregated-records', commitment: 'Retomar o registro.', progress: null },
  ],
};

const movement = (m: {
  group: string;
  key: string;
  previousKey: string;
  before: number;
  after: number;
  delta: number;
}) => [m.group, m.previousKey === m.key ? m.key : `${m.previousKey}→${m.key}`, m.before, m.after, m.delta];

describe('the fixture snapshots are what the scoring rules give', () => {
  const all = (q: Questionnaire) => q.items.map((i) => i.key);
  it.each<[string, Questionnaire, AnswerSet, SnapshotGroup]>([
    [
      'governance 2020',
      governance,
      {
        'focal-body': 'yes',
        'local-policy': 'partial',
        'local-policy-year': 2019,
        'local-policy-instrument': 'decree',
        'intersectoral-committee': 'no',
        'budget-line': 'no',
        'migrant-data': 'no',
      },
      gov2020,
    ],
    [
      'protection v1 2020',
      protection1,
      {
        'network-open': 'partial',
        'network-interpreters': 'no',
        'victim-protocol': 'yes',
        'awareness-campaigns': 'partial',
        'campaign-languages': ['spanish', 'haitian-creole'],
        'network-training': 'no',
        shelter: 'yes',
        'nationality-records': 'partial',
      },
      prot2020,
    ],
    [
      'protection v2 2021',
      protection2,
      {
        'network-open': 'yes',
        'network-interpreters': 'partial',
        'victim-protocol': 'partial',
        'lgbtiq-access': 'partial',
        'lgbtiq-protocol': 'no',
        'racial-equality-actions': 'yes',
        'rights-campaigns': 'yes',
        'campaign-languages': ['spanish', 'haitian-creole'],
        'protection-training': 'partial',
        shelter: 'not-applicable',
        'disaggregated-records': 'partial',
      },
      prot2021,
    ],
    [
      'governance 2021',
      governance,
      {
        'focal-body': 'yes',
        'local-policy': 'yes',
        'local-policy-year': 2020,
        'local-policy-instrument': 'law',
        'intersectoral-committee': 'partial',
        'budget-line': 'partial',
        'migrant-data': 'no',
      },
      gov2021,
    ],
    [
      'governance 2022',
      governance,
      {
        'focal-body': 'yes',
        'local-policy': 'yes',
        'local-policy-year': 2021,
        'local-policy-instrument': 'law',
        'intersectoral-committee': 'partial',
        'budget-line': 'yes',
        'migrant-data': 'partial',
        'data-sources': ['own-records'],
      },
      gov2022,
    ],
    [
      'protection v2 2022',
      protection2,
      {
        'network-open': 'yes',
        'network-interpreters': 'partial',
        'victim-protocol': 'yes',
        'lgbtiq-access': 'yes',
        'lgbtiq-protocol': 'partial',
        'racial-equality-actions': 'yes',
        'rights-campaigns': 'yes',
        'campaign-languages': ['spanish', 'haitian-creole'],
        'protection-training': 'partial',
        shelter: 'partial',
        'disaggregated-records': 'no',
      },
      prot2022,
    ],
  ])('%s', (_name, q, answers, fixture) => {
    const result = scoreGroup(q, STANDARD_SCORING_POLICY, { answers, acceptedEvidence: all(q) });
    expect(result.score).toBe(fixture.score);
    expect(result.level?.key).toBe(fixture.level);
    expect(result.items.map((i) => ({ key: i.key, points: i.points, counted: i.counted, status: i.status }))).toEqual(
      fixture.items,
    );
  });
});

describe('compareEditions', () => {
  it('compares the index and a group on the same questionnaire item by item (2020 → 2021, governance)', () => {
    const c = compareEditions(e2020, e2021, chains);
    expect(c.from).toBe(2020);
    expect(c.to).toBe(2021);
    // 66 − 45.2
    expect(c.index).toMatchObject({ before: 45.2, after: 66, delta: 20.8 });
    expect(c.index.explanation['pt-BR']).toContain(
      'O questionário mudou nos grupos «Acesso, acolhimento e serviços de proteção',
    );
    const gov = c.groups.find((g) => g.group === 'governance')!;
    // 70 − 38.3; like for like the six items counted both times are the whole score: 575/15 = 38.3 → 1050/15 = 70
    expect(gov).toMatchObject({
      comparability: 'same-questionnaire',
      delta: 31.7,
      sameScoring: true,
      sharedItems: { compared: 6, before: 38.3, after: 70, delta: 31.7 },
    });
    expect(gov.notComparable).toEqual({ removed: [], new: [] });
    expect(gov.items.map((i) => [i.key, i.change, i.delta])).toEqual([
      ['focal-body', 'unchanged', 0],
      ['focal-body-act', 'not-scored', null],
      ['local-policy', 'improved', 50],
      ['local-policy-year', 'not-scored', null],
      ['local-policy-instrument', 'improved', 25],
      ['intersectoral-committee', 'improved', 50],
      ['budget-line', 'improved', 50],
      ['migrant-data', 'unchanged', 0],
      ['data-sources', 'not-scored', null],
      ['governance-notes', 'not-scored', null],
    ]);
  });

  it('crosses protection v1 → v2 through the key map: shared and renamed items compared, removed and new ones listed apart', () => {
    const c = compareEditions(e2020, e2021, chains);
    const prot = c.groups.find((g) => g.group === 'protection')!;
    expect(prot.comparability).toBe('shared-items');
    expect(prot.before).toEqual({
      questionnaireVersion: 1,
      scoringVersion: 'engine-1/standard-1',
      score: 52.1,
      level: 'consolidated',
    });
    expect(prot.after).toMatchObject({ questionnaireVersion: 2, score: 61.9 });
    // Published scores: 61.9 − 52.1 = 9.8
    expect(prot.delta).toBe(9.8);
    // Like for like, the six paired items counted in both (shelter is N/A in 2021, notes never count), weights 4,3,4,3,1,2 = 17:
    // 2020 (200 + 0 + 400 + 150 + 45 + 0) / 17 = 795/17 = 46.76 → 46.8; 2021 (400 + 150 + 200 + 300 + 45 + 100) / 17 = 1195/17 = 70.29 → 70.3
    expect(prot.sharedItems).toEqual({ compared: 6, before: 46.8, after: 70.3, delta: 23.5 });
    expect(prot.items.map((i) => [i.previousKey, i.key, i.renamed, i.before.points, i.after.points, i.change])).toEqual(
      [
        ['network-open', 'network-open', false, 50, 100, 'improved'],
        ['network-interpreters', 'network-interpreters', false, 0, 50, 'improved'],
        ['victim-protocol', 'victim-protocol', false, 100, 50, 'regressed'],
        ['awareness-campaigns', 'rights-campaigns', true, 50, 100, 'improved'],
        ['campaign-languages', 'campaign-languages', false, 45, 45, 'unchanged'],
        ['network-training', 'protection-training', true, 0, 50, 'improved'],
        ['shelter', 'shelter', false, 100, null, 'not-scored'],
        ['protection-notes', 'protection-notes', false, null, null, 'not-scored'],
      ],
    );
    const shelter = prot.items.find((i) => i.key === 'shelter')!;
    expect(shelter.after).toEqual({ points: null, counted: false, status: 'not-applicable' });
    expect(prot.items.find((i) => i.key === 'rights-campaigns')!.label?.en).toContain(
      'gender-based violence, LGBTIQ-phobia',
    );
    // Never zero-filled: the removed item keeps its 2020 points, the new ones their 2021 points, all outside the comparison.
    expect(prot.notComparable.removed.map((i) => [i.key, i.reason, i.points])).toEqual([
      ['nationality-records', 'removed', 50],
    ]);
    expect(prot.notComparable.new.map((i) => [i.key, i.reason, i.points])).toEqual([
      ['lgbtiq-access', 'new', 50],
      ['lgbtiq-protocol', 'new', 0],
      ['racial-equality-actions', 'new', 100],
      ['disaggregated-records', 'new', 50],
    ]);
    expect(prot.notComparable.removed[0].explanation['pt-BR']).toBe(
      'Item que só existe na versão 1 do questionário (removido na versão 2): fora da comparação.',
    );
    expect(prot.explanation['pt-BR']).toBe(
      'Nota publicada: 52,1 → 61,9 (+9,8). Questionário da versão 1 para a versão 2: 8 itens comparados pelo mapa de chaves (2 renomeados); 1 removidos e 4 novos ficam fora da comparação. ' +
        'Nos itens comparáveis contados nas duas edições (6): 46,8 → 70,3.',
    );
  });

  it('lists the items that improved and regressed across groups, with points before and after', () => {
    const c = compareEditions(e2020, e2021, chains);
    expect(c.improved.map(movement)).toEqual([
      ['governance', 'local-policy', 50, 100, 50],
      ['governance', 'local-policy-instrument', 75, 100, 25],
      ['governance', 'intersectoral-committee', 0, 50, 50],
      ['governance', 'budget-line', 0, 50, 50],
      ['protection', 'network-open', 50, 100, 50],
      ['protection', 'network-interpreters', 0, 50, 50],
      ['protection', 'awareness-campaigns→rights-campaigns', 50, 100, 50],
      ['protection', 'network-training→protection-training', 0, 50, 50],
    ]);
    expect(c.regressed.map(movement)).toEqual([['protection', 'victim-protocol', 100, 50, -50]]);
  });

  it('compares v2 with v2 (2021 → 2022): an item newly counted (shelter, data-sources) is not scored as a change', () => {
    const c = compareEditions(e2021, e2022, chains);
    // 76.5 − 66
    expect(c.index).toMatchObject({ before: 66, after: 76.5, delta: 10.5 });
    expect(c.index.explanation.en).toContain('Same questionnaires in both editions.');
    const gov = c.groups.find((g) => g.group === 'governance')!;
    // Published 80.6 − 70 = 10.6; like for like without data-sources (hidden in 2021): 1050/15 = 70 → 1250/15 = 83.33 → 83.3
    expect(gov).toMatchObject({ delta: 10.6, sharedItems: { compared: 6, before: 70, after: 83.3, delta: 13.3 } });
    const prot = c.groups.find((g) => g.group === 'protection')!;
    // Published 72.4 − 61.9 = 10.5; like for like without shelter (N/A in 2021): 1795/29 = 61.9 → (2245 − 100)/29 = 73.97 → 74
    expect(prot).toMatchObject({
      comparability: 'same-questionnaire',
      delta: 10.5,
      sharedItems: { compared: 10, before: 61.9, after: 74, delta: 12.1 },
    });
    expect(prot.notComparable).toEqual({ removed: [], new: [] });
    expect(c.improved.map(movement)).toEqual([
      ['governance', 'budget-line', 50, 100, 50],
      ['governance', 'migrant-data', 0, 50, 50],
      ['protection', 'victim-protocol', 50, 100, 50],
      ['protection', 'lgbtiq-access', 50, 100, 50],
      ['protection', 'lgbtiq-protocol', 0, 50, 50],
    ]);
    expect(c.regressed.map(movement)).toEqual([['protection', 'disaggregated-records', 50, 0, -50]]);
    expect(prot.items.find((i) => i.key === 'shelter')).toMatchObject({
      change: 'not-scored',
      before: { status: 'not-applicable' },
      after: { points: 50 },
    });
  });

  it('compares backwards too (v2 → v1), pairing the keys the other way round', () => {
    const c = compareEditions({ ...e2021, editionYear: 2023 }, { ...e2020, editionYear: 2024 }, chains);
    const prot = c.groups.find((g) => g.group === 'protection')!;
    expect(prot.items.find((i) => i.previousKey === 'rights-campaigns')).toMatchObject({
      key: 'awareness-campaigns',
      before: { points: 100 },
      after: { points: 50 },
      change: 'regressed',
    });
    expect(prot.notComparable.removed.map((i) => i.key)).toEqual([
      'lgbtiq-access',
      'lgbtiq-protocol',
      'racial-equality-actions',
      'disaggregated-records',
    ]);
    expect(prot.notComparable.new.map((i) => i.key)).toEqual(['nationality-records']);
  });
});

describe('compareGroup when nothing is comparable', () => {
  it('a group present in one edition only: every item listed, no delta', () => {
    const r = compareGroup('protection', undefined, prot2021, chains.get('protection'));
    expect(r).toMatchObject({
      comparability: 'not-comparable',
      before: null,
      delta: null,
      items: [],
      sharedItems: { compared: 0, before: null, after: null, delta: null },
    });
    expect(r.notComparable.new.map((i) => [i.key, i.points])).toEqual(prot2021.items.map((i) => [i.key, i.points]));
    expect(r.explanation.en).toBe('Group absent from the earlier edition: nothing to compare.');
  });

  it('a version the catalogue does not publish: nothing paired, both sides listed', () => {
    const r = compareGroup('protection', { ...prot2021, questionnaireVersion: 3 }, prot2022, chains.get('protection'));
    expect(r.comparability).toBe('not-comparable');
    expect(r.explanation.en).toBe(
      'Version 3 of the «Access, reception and protection services: gender, LGBTIQ+ and racial equality» questionnaire is not published: no item is comparable.',
    );
    expect(r.notComparable.removed).toHaveLength(12);
    expect(r.notComparable.new).toHaveLength(12);
  });

  it('a change of scoring rules is named beside the delta', () => {
    const r = compareGroup(
      'governance',
      gov2021,
      { ...gov2022, scoringVersion: 'engine-1/strict-1' },
      chains.get('governance'),
    );
    expect(r.sameScoring).toBe(false);
    expect(r.explanation['pt-BR']).toContain(
      'Regras de pontuação diferentes (engine-1/standard-1 → engine-1/strict-1).',
    );
  });
});

describe('buildHistory', () => {
  // Given out of order: the history sorts by edition.
  const history = buildHistory([e2022, e2020, e2021], chains);

  it('lists every approved edition with its index and group scores, and compares consecutive editions', () => {
    expect(history.editions.map((e) => [e.editionYear, e.state, e.index, e.level])).toEqual([
      [2020, 'certified', 45.2, 'developing'],
      [2021, 'certified', 66, 'consolidated'],
      [2022, 'priorities-set', 76.5, 'reference'],
    ]);
    expect(history.editions[1].groups).toEqual([
      {
        group: 'governance',
        questionnaireVersion: 1,
        scoringVersion: 'engine-1/standard-1',
        score: 70,
        level: 'consolidated',
      },
      {
        group: 'protection',
        questionnaireVersion: 2,
        scoringVersion: 'engine-1/standard-1',
        score: 61.9,
        level: 'consolidated',
      },
    ]);
    expect(history.comparisons.map((c) => [c.from, c.to, c.index.delta])).toEqual([
      [2020, 2021, 20.8],
      [2021, 2022, 10.5],
    ]);
    expect(history.comparisons.map((c) => c.groups.map((g) => [g.group, g.delta]))).toEqual([
      [
        ['governance', 31.7],
        ['protection', 9.8],
      ],
      [
        ['governance', 10.6],
        ['protection', 10.5],
      ],
    ]);
    expect(history.explanation.en).toContain('Editions with an approved diagnosis: 2020, 2021, 2022.');
  });

  it('follows each priority: points when chosen, the report, and the item in the next edition through the key map', () => {
    expect(history.editions[0].priorities).toEqual([
      {
        group: 'governance',
        itemKey: 'budget-line',
        commitment: 'Criar ação orçamentária.',
        pointsWhenChosen: 0,
        reported: { status: 'in-progress', note: 'Prevista no PPA.', inEdition: 2021 },
        nextEdition: { editionYear: 2021, comparable: true, itemKey: 'budget-line', points: 50, change: 'improved' },
      },
      {
        group: 'protection',
        itemKey: 'network-training',
        commitment: 'Capacitar a rede.',
        pointsWhenChosen: 0,
        reported: { status: 'achieved', note: null, inEdition: 2021 },
        nextEdition: {
          editionYear: 2021,
          comparable: true,
          itemKey: 'protection-training',
          points: 50,
          change: 'improved',
        },
      },
      {
        group: 'protection',
        itemKey: 'nationality-records',
        commitment: 'Registrar a nacionalidade.',
        pointsWhenChosen: 50,
        reported: { status: 'not-started', note: null, inEdition: 2021 },
        nextEdition: {
          editionYear: 2021,
          comparable: false,
          explanation: expect.objectContaining({
            en: 'The item has no counterpart in the 2021 questionnaire: not comparable.',
          }),
        },
      },
    ]);
    expect(history.editions[1].priorities[0]).toMatchObject({
      pointsWhenChosen: 50,
      reported: { status: 'achieved', inEdition: 2022 },
      nextEdition: { editionYear: 2022, points: 100, change: 'improved' },
    });
    // The latest edition has no next one yet, and nothing reported.
    expect(history.editions[2].priorities).toEqual([
      {
        group: 'protection',
        itemKey: 'disaggregated-records',
        commitment: 'Retomar o registro.',
        pointsWhenChosen: 0,
        reported: null,
        nextEdition: null,
      },
    ]);
  });

  it('is empty, and says so, without an approved edition', () => {
    const empty = buildHistory([], chains);
    expect(empty).toMatchObject({ editions: [], comparisons: [] });
    expect(empty.explanation['pt-BR']).toBe('Nenhuma edição com diagnóstico aprovado.');
  });
});
