import { bandOf, histogram, quantile } from './score-statistics';

describe('dashboard statistics', () => {
  it.each([
    // [values, p, expected] worked by hand: h = (n - 1) * p, between the values at floor(h) and floor(h) + 1
    [[10], 0.5, 10],
    [[10, 20], 0.5, 15], // h = 0.5
    [[0, 25, 50, 100], 0.5, 37.5], // h = 1.5: 25 + 0.5 * 25
    [[0, 25, 50, 100], 0.25, 18.8], // h = 0.75: 0 + 0.75 * 25 = 18.75, one decimal
    [[0, 25, 50, 100], 0.75, 62.5], // h = 2.25: 50 + 0.25 * 50
    [[5, 7, 9, 11, 13], 0.5, 9], // h = 2
  ])('quantile of %j at %d is %d', (values, p, expected) => {
    expect(quantile(values, p)).toBe(expected);
  });

  it('has no quantile for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });

  it('puts 100 in the last band and fills empty bands with zero', () => {
    expect([0, 9.9, 10, 99.9, 100].map(bandOf)).toEqual([0, 0, 1, 9, 9]);
    const bands = histogram(
      new Map([
        [0, 2],
        [9, 3],
      ]),
    );
    expect(bands).toHaveLength(10);
    expect(bands[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(bands[5]).toEqual({ from: 50, to: 60, count: 0 });
    expect(bands[9]).toEqual({ from: 90, to: 100, count: 3 });
  });
});
