/**
 * Statistics of scores (dashboards, peers), pure: quantiles by linear interpolation between closest ranks (the
 * method of R's default and Excel's PERCENTILE.INC), and score histograms in ten bands of ten points.
 */

/** The one or two ranks (0-based, in ascending order) a quantile needs, and how to weigh them. */
export function quantileRanks(count: number, p: number): { lower: number; weight: number } | null {
  if (count === 0) return null;
  const h = (count - 1) * p;
  const lower = Math.floor(h);
  return { lower, weight: h - lower };
}

/** The quantile from the value at `lower` and the one after it, rounded to `decimals` (scores carry one). */
export function interpolate(lowerValue: number, upperValue: number | undefined, weight: number, decimals = 1): number {
  const value = weight === 0 || upperValue === undefined ? lowerValue : lowerValue + weight * (upperValue - lowerValue);
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale + 0;
}

/** Quantile of a sorted array. */
export function quantile(sorted: readonly number[], p: number, decimals = 1): number | null {
  const r = quantileRanks(sorted.length, p);
  return r ? interpolate(sorted[r.lower], sorted[r.lower + 1], r.weight, decimals) : null;
}

export interface HistogramBand {
  /** Inclusive lower bound. */
  readonly from: number;
  /** Exclusive upper bound, except the last band, which includes 100. */
  readonly to: number;
  readonly count: number;
}

/** Ten bands 0-10, 10-20, ..., 90-100 (100 falls in the last), from counts per band index. */
export function histogram(countsByBand: ReadonlyMap<number, number>): HistogramBand[] {
  return Array.from({ length: 10 }, (_, band) => ({
    from: band * 10,
    to: band * 10 + 10,
    count: countsByBand.get(band) ?? 0,
  }));
}

/** The band of a score, as the SQL computes it: `MIN(CAST(score / 10 AS INTEGER), 9)`. */
export function bandOf(score: number): number {
  return Math.min(Math.floor(score / 10), 9);
}
