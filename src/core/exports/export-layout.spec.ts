import { stringify as toYaml } from 'yaml';
import { parseQuestionnaire } from '../questionnaire/questionnaire.parser';
import type { Questionnaire } from '../questionnaire/questionnaire.types';
import { answersAsReviewed, csvSafe, exportLayout, exportRecord, flatCell } from './export-layout';

const t = { 'pt-BR': 'x', en: 'x' };
const ypn = (key: string, extra: object = {}) => ({ key, type: 'yes-partial-no', label: t, weight: 1, ...extra });

function version(group: string, n: number, items: object[], extra: object = {}): Questionnaire {
  return parseQuestionnaire(toYaml({ group, version: n, publishedAt: '2021-03-01', title: t, items, ...extra }), {
    file: `${group}/v${n}.yaml`,
    group,
    version: n,
  });
}

// protection: v1 → v2 renames "campaigns", drops "hotline", adds "lgbtiq"; v3 drops "lgbtiq" and reuses the key "hotline" for a new item.
const p1 = version('protection', 1, [ypn('open'), ypn('campaigns'), ypn('hotline'), ypn('records')]);
const p2 = version('protection', 2, [ypn('open'), ypn('lgbtiq'), ypn('rights-campaigns'), ypn('records')], {
  follows: 1,
  keyMap: { open: 'kept', campaigns: { renamedTo: 'rights-campaigns' }, hotline: 'dropped', records: 'kept' },
});
const p3 = version('protection', 3, [ypn('open'), ypn('rights-campaigns'), ypn('hotline'), ypn('records')], {
  follows: 2,
  keyMap: { open: 'kept', lgbtiq: 'dropped', 'rights-campaigns': 'kept', records: 'kept' },
});
const governance = version('governance', 1, [
  ypn('focal-body'),
  { key: 'year', type: 'number', label: t, weight: 0, visibleWhen: { item: 'focal-body', in: ['yes'] } },
  {
    key: 'langs',
    type: 'multiple-choice',
    label: t,
    weight: 1,
    options: [
      { key: 'es', label: t, points: 50 },
      { key: 'en', label: t, points: 50 },
    ],
  },
]);

describe('exportLayout', () => {
  const layout = exportLayout([
    { slug: 'governance', versions: [governance] },
    { slug: 'protection', versions: [p1, p2] },
  ]);

  it('lists government columns, versions, index and scores, then one column per item across versions', () => {
    expect(layout.columns).toEqual([
      'ibge_code',
      'government',
      'uf',
      'region',
      'kind',
      'edition',
      'state',
      'version.governance',
      'version.protection',
      'index',
      'score.governance',
      'score.protection',
      'governance.focal-body',
      'governance.year',
      'governance.langs',
      // v2's order; v1's dropped "hotline" right after the item it followed in v1 (campaigns, now rights-campaigns)
      'protection.open',
      'protection.lgbtiq',
      'protection.rights-campaigns',
      'protection.hotline',
      'protection.records',
    ]);
  });

  it('puts a renamed item under its latest key, in every version', () => {
    expect(layout.itemColumn('protection', 1, 'campaigns')).toBe('protection.rights-campaigns');
    expect(layout.itemColumn('protection', 2, 'rights-campaigns')).toBe('protection.rights-campaigns');
    expect(layout.itemColumn('protection', 1, 'hotline')).toBe('protection.hotline');
    expect(layout.itemColumn('protection', 2, 'hotline')).toBeUndefined();
    expect(layout.itemColumn('protection', 1, 'lgbtiq')).toBeUndefined();
  });

  it('keeps two different items apart when a dropped key is reused later', () => {
    const l = exportLayout([{ slug: 'protection', versions: [p1, p2, p3] }]);
    expect(l.items.map((i) => i.name)).toEqual([
      'protection.open',
      'protection.lgbtiq',
      'protection.rights-campaigns',
      'protection.hotline@v1',
      'protection.hotline',
      'protection.records',
    ]);
    expect(l.itemColumn('protection', 1, 'hotline')).toBe('protection.hotline@v1');
    expect(l.itemColumn('protection', 3, 'hotline')).toBe('protection.hotline');
    expect(l.itemColumn('protection', 1, 'campaigns')).toBe('protection.rights-campaigns');
  });

  it('does not depend on the order the versions are given in', () => {
    expect(exportLayout([{ slug: 'protection', versions: [p2, p1] }]).columns).toEqual(
      exportLayout([{ slug: 'protection', versions: [p1, p2] }]).columns,
    );
  });

  it('refuses a group whose columns would clash with fixed ones', () => {
    // group "score" with an item "governance" and the score column of group "governance"
    expect(() =>
      exportLayout([
        { slug: 'score', versions: [version('score', 1, [ypn('governance')])] },
        { slug: 'governance', versions: [governance] },
      ]),
    ).toThrow('"score.governance" would appear twice');
  });
});

describe('exportRecord', () => {
  const layout = exportLayout([
    { slug: 'governance', versions: [governance] },
    { slug: 'protection', versions: [p1, p2] },
  ]);
  const base = {
    ibgeCode: '4314902',
    government: 'Porto Alegre',
    uf: 'RS',
    region: 'Sul',
    kind: 'municipality',
    state: 'certified',
    index: 40,
    groupScores: [
      { group: 'governance', score: 30 },
      { group: 'protection', score: 50 },
    ],
  };

  it('writes each answer under its column and leaves the other versions\u2019 items empty', () => {
    const v1 = exportRecord(layout, {
      ...base,
      edition: 2020,
      versions: { governance: 1, protection: 1 },
      answers: { protection: { campaigns: 'yes', hotline: 'no' }, governance: { langs: ['es', 'en'] } },
    });
    const v2 = exportRecord(layout, {
      ...base,
      edition: 2021,
      versions: { governance: 1, protection: 2 },
      answers: { protection: { 'rights-campaigns': 'partial', lgbtiq: 'yes' } },
    });
    expect(Object.keys(v1)).toEqual(layout.columns);
    expect(v1).toMatchObject({
      'version.protection': 1,
      'protection.rights-campaigns': 'yes',
      'protection.hotline': 'no',
      'protection.lgbtiq': null,
      'governance.langs': ['es', 'en'],
      'score.protection': 50,
      index: 40,
    });
    expect(v2).toMatchObject({
      'version.protection': 2,
      'protection.rights-campaigns': 'partial',
      'protection.hotline': null,
      'protection.lgbtiq': 'yes',
      'governance.langs': null,
    });
  });
});

describe('answersAsReviewed', () => {
  it('takes the reviewer\u2019s rating where given and drops answers to hidden items', () => {
    const answers = answersAsReviewed(governance, [
      { itemKey: 'focal-body', value: 'yes', reviewerRating: 'partial' },
      { itemKey: 'year', value: 2019, reviewerRating: null },
      { itemKey: 'langs', value: ['es'], reviewerRating: null },
    ]);
    expect(answers).toEqual({ 'focal-body': 'partial', langs: ['es'] });
  });
});

describe('cells', () => {
  it.each([
    [null, null],
    ['yes', 'yes'],
    [12.5, 12.5],
    [['es', 'en'], 'es; en'],
    [{ url: 'https://x.gov.br/a' }, 'https://x.gov.br/a'],
    [{ file: 'ab'.repeat(32) }, `file:${'ab'.repeat(32)}`],
  ])('flattens %j', (value, cell) => {
    expect(flatCell(value as never)).toEqual(cell);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['-x', "'-x"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Ação, "x"', 'Ação, "x"'],
    [-3, -3],
  ])('guards %j against formula injection in CSV', (cell, safe) => {
    expect(csvSafe(cell)).toBe(safe);
  });
});
