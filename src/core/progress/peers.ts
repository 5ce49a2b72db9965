import type { LocalizedText } from '../i18n/localized-text';
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
  { key: 'up-to-5k', min: 0, max: 5_000, label: { 'pt-BR': 'Até 5.000 habitantes', en: 'Up to 5,000 inhabitants' } },
  {
    key: '5k-10k',
    min: 5_001,
    max: 10_000,
    label: { 'pt-BR': 'De 5.001 a 10.000 habitantes', en: '5,001 to 10,000 inhabitants' },
  },
  {
    key: '10k-20k',
    min: 10_001,
    max: 20_000,
    label: { 'pt-BR': 'De 10.001 a 20.000 habitantes', en: '10,001 to 20,000 inhabitants' },
  },
  {
    key: '20k-50k',
    min: 20_001,
    max: 50_000,
    label: { 'pt-BR': 'De 20.001 a 50.000 habitantes', en: '20,001 to 50,000 inhabitants' },
  },
  {
    key: '50k-100k',
    min: 50_001,
    max: 100_000,
    label: { 'pt-BR': 'De 50.001 a 100.000 habitantes', en: '50,001 to 100,000 inhabitants' },
  },
  {
    key: '100k-500k',
    min: 100_001,
    max: 500_000,
    label: { 'pt-BR': 'De 100.001 a 500.000 habitantes', en: '100,001 to 500,000 inhabitants' },
  },
  {
    key: 'over-500k',
    min: 500_001,
    max: null,
    label: { 'pt-BR': 'Mais de 500.000 habitantes', en: 'Over 500,000 inhabitants' },
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
