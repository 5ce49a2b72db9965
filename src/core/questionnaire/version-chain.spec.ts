import { parseQuestionnaire } from './questionnaire.parser';
import type { Questionnaire } from './questionnaire.types';
import { carryForward, checkVersionChain, compareVersions } from './version-chain';
import { toYaml } from '../../../test/fixtures/questionnaires';

const t = { 'pt-BR': 'x', en: 'x' };
const ypn = (key: string, weight = 1) => ({ key, type: 'yes-partial-no', label: t, weight });
const choice = (key: string, options: string[]) => ({
  key,
  type: 'single-choice',
  label: t,
  weight: 1,
  options: options.map((o) => ({ key: o, label: t, points: 50 })),
});

function version(n: number, items: object[], extra: object = {}): Questionnaire {
  return parseQuestionnaire(
    toYaml({ group: 'protection', version: n, publishedAt: '2021-03-01', title: t, items, ...extra }),
    {
      file: `protection/v${n}.yaml`,
      group: 'protection',
      version: n,
    },
  );
}

// v1 (2020 scope) → v2 (2021: one item renamed, one dropped, new LGBTIQ+ items) → v3 (a rename of a v2 item).
const v1 = version(1, [
  ypn('network-open'),
  ypn('interpreters'),
  ypn('campaigns'),
  ypn('hotline'),
  choice('protocol', ['written', 'informal']),
]);
const v2 = version(
  2,
  [
    ypn('network-open'),
    ypn('network-interpreters'),
    ypn('campaigns'),
    choice('protocol', ['written', 'formal']),
    ypn('lgbtiq-access'),
    ypn('racial-equality'),
  ],
  {
    follows: 1,
    keyMap: {
      'network-open': 'kept',
      interpreters: { renamedTo: 'network-interpreters' },
      campaigns: 'kept',
      hotline: 'dropped',
      protocol: 'kept',
    },
  },
);
const v3 = version(
  3,
  [
    ypn('network-open'),
    ypn('interpreters-all-services'),
    ypn('campaigns'),
    choice('protocol', ['written', 'formal']),
    ypn('lgbtiq-access'),
    ypn('racial-equality'),
  ],
  {
    follows: 2,
    keyMap: {
      'network-open': 'kept',
      'network-interpreters': { renamedTo: 'interpreters-all-services' },
      campaigns: 'kept',
      protocol: 'kept',
      'lgbtiq-access': 'kept',
      'racial-equality': 'kept',
    },
  },
);
const versions = new Map([
  [1, v1],
  [2, v2],
  [3, v3],
]);
const file = (n: number) => `protection/v${n}.yaml`;

describe('checkVersionChain', () => {
  it('accepts a complete key map', () => {
    expect(checkVersionChain([v1, v2, v3], file)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a v1 key the map forgets',
      {
        'network-open': 'kept',
        interpreters: { renamedTo: 'network-interpreters' },
        campaigns: 'kept',
        protocol: 'kept',
      },
      'hotline: keyMap must say what became of v1 item "hotline" (kept, renamedTo or dropped)',
    ],
    [
      'a key v1 never had',
      {
        'network-open': 'kept',
        interpreters: { renamedTo: 'network-interpreters' },
        campaigns: 'kept',
        hotline: 'dropped',
        protocol: 'kept',
        ghost: 'dropped',
      },
      'ghost: keyMap names "ghost", which is not an item of v1',
    ],
    [
      '"kept" for a key v2 does not have',
      { 'network-open': 'kept', interpreters: 'kept', campaigns: 'kept', hotline: 'dropped', protocol: 'kept' },
      'interpreters: keyMap maps it to "interpreters", which is not an item of v2',
    ],
    [
      'two keys renamed to one',
      {
        'network-open': 'kept',
        interpreters: { renamedTo: 'network-interpreters' },
        campaigns: { renamedTo: 'network-interpreters' },
        hotline: 'dropped',
        protocol: 'kept',
      },
      'campaigns: keyMap maps both "interpreters" and "campaigns" to "network-interpreters"',
    ],
    [
      'a rename to an item of another type',
      {
        'network-open': 'kept',
        interpreters: { renamedTo: 'protocol' },
        campaigns: 'kept',
        hotline: 'dropped',
        protocol: 'dropped',
      },
      'interpreters: keyMap maps a yes-partial-no item to "protocol", a single-choice item',
    ],
  ])('refuses %s', (_name, keyMap, expected) => {
    const broken = { ...v2, keyMap } as Questionnaire;
    const problems = checkVersionChain([v1, broken], file).map((p) => `${p.itemKey}: ${p.problem}`);
    expect(problems).toContain(expected);
  });

  it('refuses a gap in the version numbers and a follows that points nowhere', () => {
    const problems = checkVersionChain([v1, v3], file).map((p) => p.problem);
    expect(problems).toContain('version 3 is published but version 2 is not');
    expect(problems).toContain('follows version 2, which does not exist');
  });
});

describe('compareVersions', () => {
  it('pairs the items two versions share through the key map and lists the rest as not comparable', () => {
    expect(compareVersions(versions, 1, 2)).toEqual({
      fromVersion: 1,
      toVersion: 2,
      shared: [
        { fromKey: 'network-open', toKey: 'network-open' },
        { fromKey: 'interpreters', toKey: 'network-interpreters' },
        { fromKey: 'campaigns', toKey: 'campaigns' },
        { fromKey: 'protocol', toKey: 'protocol' },
      ],
      onlyInFrom: ['hotline'],
      onlyInTo: ['lgbtiq-access', 'racial-equality'],
    });
  });

  it('follows renames across several versions, and works backwards', () => {
    const back = compareVersions(versions, 3, 1);
    expect(back.shared).toContainEqual({ fromKey: 'interpreters-all-services', toKey: 'interpreters' });
    expect(back.onlyInFrom).toEqual(['lgbtiq-access', 'racial-equality']);
    expect(back.onlyInTo).toEqual(['hotline']);
  });
});

describe('carryForward', () => {
  it('carries answers through renames, leaves dropped items and invalid options behind, and says why', () => {
    const carried = carryForward(versions, 1, 3, {
      'network-open': 'yes',
      interpreters: 'partial',
      hotline: 'yes',
      protocol: 'informal',
      campaigns: 'no',
    });
    expect(carried.answers).toEqual({ 'network-open': 'yes', 'interpreters-all-services': 'partial', campaigns: 'no' });
    expect(carried.leftBehind).toEqual([
      { key: 'hotline', reason: 'dropped before version 3' },
      { key: 'protocol', reason: expect.stringContaining('no longer valid as "protocol"') },
    ]);
  });

  it('carries nothing for keys the source version does not have', () => {
    expect(carryForward(versions, 1, 2, { 'lgbtiq-access': 'yes' }).leftBehind).toEqual([
      { key: 'lgbtiq-access', reason: 'not an item of version 1' },
    ]);
  });
});
