import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { quantile } from '../scoring/score-statistics';

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  // Scores carry one decimal, so a mean of two carries at most two: rounding only removes float noise.
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
    2,
  );
}

export interface PopulationBand {
  readonly key: string;
  /** Inclusive bounds; `max` null for the open top class. */
  readonly min: number;
  readonly max: number | null;
  readonly label: LocalizedText;
}

/** IBGE's usual size classes of municipalities (as in MUNIC and the population estimates). */
export const POPULATION_BANDS: readonly PopulationBand[] = [
  { key: 'up-to-5k', min: 0, max: 5_000, label: message('progress.band.up-to-5k') },
  {
    key: '5k-10k',
    min: 5_001,
    max: 10_000,
    label: message('progress.band.5k-10k'),
  },
  {
    key: '10k-20k',
    min: 10_001,
    max: 20_000,
    label: message('progress.band.10k-20k'),
  },
  {
    key: '20k-50k',
    min: 20_001,
    max: 50_000,
    label: message('progress.band.20k-50k'),
  },
  {
    key: '50k-100k',
    min: 50_001,
    max: 100_000,
    label: message('progress.band.50k-100k'),
  },
  {
    key: '100k-500k',
    min: 100_001,
    max: 500_000,
    label: message('progress.band.100k-500k'),
  },
  {
    key: 'over-500k',
    min: 500_001,
    max: null,
    label: message('progress.band.over-500k'),
  },
];

export function populationBand(population: number): PopulationBand {
  return (
    POPULATION_BANDS.find((b) => population >= b.min && (b.max === null || population <= b.max)) ?? POPULATION_BANDS[0]
  );
}

/** One peer's approved scores in an edition. */
export interface PeerScores {
  readonly index: number | null;
  readonly groups: readonly { readonly group: string; readonly score: number | null }[];
}

export interface PeerSummary {
  /** Approved assessments in the set. */
  readonly count: number;
  /** `count` says how many values each median is of (a group where nothing counted has no score). */
  readonly index: { readonly median: number | null; readonly count: number };
  readonly groups: readonly { readonly group: string; readonly median: number | null; readonly count: number }[];
}

/** Medians of the index and of each group over a set of peers; groups in `groupOrder`, then any other. */
export function summarisePeers(members: readonly PeerScores[], groupOrder: readonly string[] = []): PeerSummary {
  const slugs = [...new Set([...groupOrder, ...members.flatMap((m) => m.groups.map((g) => g.group))])];
  const indexes = members.map((m) => m.index).filter((v): v is number => v !== null);
  return {
    count: members.length,
    index: { median: median(indexes), count: indexes.length },
    groups: slugs.map((slug) => {
      const scores = members
        .map((m) => m.groups.find((g) => g.group === slug)?.score ?? null)
        .filter((v): v is number => v !== null);
      return { group: slug, median: median(scores), count: scores.length };
    }),
  };
}

/** A peer summary beside one government's own scores: `difference` is own − median (null without either). */
export interface PeerComparison {
  readonly count: number;
  readonly index: PeerSummary['index'] & { readonly own: number | null; readonly difference: number | null };
  readonly groups: readonly (PeerSummary['groups'][number] & {
    readonly own: number | null;
    readonly difference: number | null;
  })[];
}

export function compareWithPeers(own: PeerScores | null, summary: PeerSummary): PeerComparison {
  const versus = (mine: number | null, median: number | null) => ({
    own: mine,
    difference: mine === null || median === null ? null : Math.round((mine - median) * 100) / 100 + 0,
  });
  return {
    count: summary.count,
    index: { ...summary.index, ...versus(own?.index ?? null, summary.index.median) },
    groups: summary.groups.map((g) => ({
      ...g,
      ...versus(own?.groups.find((o) => o.group === g.group)?.score ?? null, g.median),
    })),
  };
}
