import type { LocalizedText } from '../../../core/i18n/localized-text';
import { formatNumber, type Language, translate } from '../../../core/i18n/message';
import type { GovernmentHistory } from '../../../core/progress/history';
import type { PeersAnswer } from '../../../core/progress/progress.service';
import { type ChartFigure, chartFigure } from '../../charts/chart-figure';

export interface ProgressSource {
  readonly government: { readonly name: string; readonly uf: string };
  readonly history: Pick<GovernmentHistory, 'editions' | 'explanation'>;
  /** The latest approved edition beside its peers, or null without an approved edition. */
  readonly peers: Pick<PeersAnswer, 'editionYear' | 'own' | 'peers'> | null;
  /** The groups in programme order, by slug, with their names in words. */
  readonly groups: readonly { readonly slug: string; readonly title: LocalizedText }[];
}

export interface ProgressModel {
  readonly heading: string;
  readonly explanation: string;
  readonly hasEditions: boolean;
  readonly charts: readonly ChartFigure[];
  readonly peersNote: string | null;
}

/**
 * The government's progress as charts, each with its table twin: the index over the editions, each group's
 * score in each edition, and the latest edition beside the medians of similar governments.
 */
export function buildProgressModel(source: ProgressSource, lang: Language): ProgressModel {
  const format = (n: number) => formatNumber(n, lang);
  const government = source.government.name;
  const editions = source.history.editions;
  const years = editions.map((e) => String(e.editionYear));
  const groupName = (slug: string) => source.groups.find((g) => g.slug === slug)?.title[lang] ?? slug;
  const slugs = source.groups
    .map((g) => g.slug)
    .filter((slug) => editions.some((e) => e.groups.some((g) => g.group === slug)));
  const score = { valueLabel: translate('web.progress.axis.score', lang), min: 0, max: 100, format } as const;
  const charts: ChartFigure[] = [];
  if (editions.length > 0) {
    charts.push(
      chartFigure(
        'line',
        {
          id: 'chart-index',
          title: translate('web.progress.index.title', lang),
          description: translate('web.progress.index.desc', lang, {
            government,
            values: editions
              .map((e) => translate('web.progress.index.value', lang, { year: e.editionYear, value: e.index }))
              .join('; '),
          }),
          categories: years,
          series: [{ name: translate('web.progress.index.series', lang), values: editions.map((e) => e.index) }],
          categoryLabel: translate('web.progress.axis.edition', lang),
          ...score,
        },
        translate('web.progress.column.edition', lang),
      ),
      chartFigure(
        'bar',
        {
          id: 'chart-groups',
          title: translate('web.progress.groups.title', lang),
          description: translate('web.progress.groups.desc', lang, {
            government,
            count: slugs.length,
            editions: { list: years },
          }),
          categories: slugs.map(groupName),
          series: editions.map((e) => ({
            name: String(e.editionYear),
            values: slugs.map((slug) => e.groups.find((g) => g.group === slug)?.score ?? null),
          })),
          ...score,
        },
        translate('web.progress.column.group', lang),
      ),
    );
  }
  const peers = source.peers;
  const sets = peers?.peers.filter((p) => p.count > 0) ?? [];
  if (peers && sets.length > 0) {
    const rows = [
      {
        name: translate('web.progress.index-row', lang),
        own: peers.own?.index ?? null,
        of: (p: (typeof sets)[number]) => p.index.median,
      },
      ...slugs.map((slug) => ({
        name: groupName(slug),
        own: peers.own?.groups.find((g) => g.group === slug)?.score ?? null,
        of: (p: (typeof sets)[number]) => p.groups.find((g) => g.group === slug)?.median ?? null,
      })),
    ];
    charts.push(
      chartFigure(
        'bar',
        {
          id: 'chart-peers',
          title: translate('web.progress.peers.title', lang, { year: peers.editionYear }),
          description: translate('web.progress.peers.desc', lang, { government }),
          categories: rows.map((r) => r.name),
          series: [
            { name: government, values: rows.map((r) => r.own) },
            ...sets.map((p) => ({
              name: translate('web.progress.peers.median', lang, { label: p.label, count: p.count }),
              values: rows.map((r) => r.of(p)),
            })),
          ],
          ...score,
        },
        translate('web.progress.column.group', lang),
      ),
    );
  }
  return {
    heading: translate('web.progress.heading', lang, { government, uf: source.government.uf }),
    explanation: source.history.explanation[lang],
    hasEditions: editions.length > 0,
    charts,
    peersNote:
      peers && sets.length === 0 ? translate('web.progress.peers.none', lang, { year: peers.editionYear }) : null,
  };
}
