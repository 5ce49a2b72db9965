import { compareWithPeers, median, populationBand, POPULATION_BANDS, summarisePeers, type PeerScores } from './peers';

describe('median', () => {
  it.each<[string, number[], number | null]>([
    ['none', [], null],
    ['one value', [42.5], 42.5],
    // sorted 0, 61.9, 100: the middle one
    ['an odd count', [61.9, 0, 100], 61.9],
    // sorted 12.3, 45.6, 45.6, 78.9, 99.1: the third
    ['an odd count with a repeat', [78.9, 45.6, 12.3, 99.1, 45.6], 45.6],
    // (95.4 + 100) / 2 = 97.7
    ['an even count: the mean of the two middle values', [100, 95.4], 97.7],
    // sorted 0, 61.9, 100, 100: (61.9 + 100) / 2 = 80.95
    ['an even count with two decimals', [100, 0, 100, 61.9], 80.95],
    // sorted 10.1, 20.2, 30.3, 40.4: (20.2 + 30.3) / 2 = 25.25 (no floating noise such as 25.249999)
    ['an even count where floats would show noise', [40.4, 10.1, 30.3, 20.2], 25.25],
  ])('%s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('population bands (IBGE size classes)', () => {
  it.each([
    [1, 'up-to-5k'],
    [5_000, 'up-to-5k'],
    [5_001, '5k-10k'],
    [10_000, '5k-10k'],
    [10_001, '10k-20k'],
    [20_000, '10k-20k'],
    [20_001, '20k-50k'],
    [50_000, '20k-50k'],
    [50_001, '50k-100k'],
    [100_000, '50k-100k'],
    [100_001, '100k-500k'],
    [500_000, '100k-500k'],
    [500_001, 'over-500k'],
    [11_895_578, 'over-500k'],
  ])('%d inhabitants: %s', (population, key) => {
    expect(populationBand(population).key).toBe(key);
  });

  it('leave no gap and no overlap between classes', () => {
    POPULATION_BANDS.slice(1).forEach((band, i) => expect(band.min).toBe(POPULATION_BANDS[i].max! + 1));
    expect(POPULATION_BANDS[POPULATION_BANDS.length - 1].max).toBeNull();
  });
});

describe('summarisePeers', () => {
  const peer = (index: number | null, governance: number | null, protection: number | null): PeerScores => ({
    index,
    groups: [
      { group: 'governance', score: governance },
      { group: 'protection', score: protection },
    ],
  });
  // Four peers; one has no score in protection (nothing counted there) and so no index either.
  const members = [peer(95.4, 100, 61.9), peer(100, 100, 100), peer(0, 0, 0), peer(null, 50, null)];

  it('gives the median of the index and of each group, saying how many values each is of', () => {
    expect(summarisePeers(members, ['governance', 'protection'])).toEqual({
      count: 4,
      // index: 0, 95.4, 100 → 95.4 (odd)
      index: { median: 95.4, count: 3 },
      groups: [
        // governance: 0, 50, 100, 100 → (50 + 100) / 2 = 75 (even)
        { group: 'governance', median: 75, count: 4 },
        // protection: 0, 61.9, 100 → 61.9 (odd)
        { group: 'protection', median: 61.9, count: 3 },
      ],
    });
  });

  it('keeps the groups in the order given, then any other', () => {
    const r = summarisePeers(members, ['protection', 'health']);
    expect(r.groups.map((g) => [g.group, g.median, g.count])).toEqual([
      ['protection', 61.9, 3],
      ['health', null, 0],
      ['governance', 75, 4],
    ]);
  });

  it('of nobody: no medians, counts of zero', () => {
    expect(summarisePeers([], ['governance'])).toEqual({
      count: 0,
      index: { median: null, count: 0 },
      groups: [{ group: 'governance', median: null, count: 0 }],
    });
  });

  it('sets a government beside the medians: difference = own − median', () => {
    const c = compareWithPeers(peer(95.4, 100, 61.9), summarisePeers(members, ['governance', 'protection']));
    // 95.4 − 95.4 = 0; 100 − 75 = 25; 61.9 − 61.9 = 0
    expect(c.index).toEqual({ median: 95.4, count: 3, own: 95.4, difference: 0 });
    expect(c.groups.map((g) => [g.group, g.own, g.median, g.difference])).toEqual([
      ['governance', 100, 75, 25],
      ['protection', 61.9, 61.9, 0],
    ]);
    const none = compareWithPeers(null, summarisePeers(members, ['governance']));
    expect(none.index).toMatchObject({ own: null, difference: null });
  });
});
