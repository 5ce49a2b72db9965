import type { NationalDashboard } from '../../core/dashboard/dashboard.service';
import type { LocalizedText } from '../../core/i18n/localized-text';
import { formatDate, formatNumber, type Language, type MessageKey, translate } from '../../core/i18n/message';
import { type ChartFigure, chartFigure } from '../charts/chart-figure';
import { brazilMap, type MapClass } from '../maps/brazil-map';

const date = (value: string | Date | null | undefined, lang: Language) =>
  value ? formatDate(value instanceof Date ? value.toISOString() : value, lang) : null;

export type VerdictStatus = 'valid' | 'expired' | 'revoked' | 'unknown' | 'not-authentic';

/** What the registry answers about a seal (by number, PDF or credential). */
export interface VerdictSource {
  readonly number: string | null;
  readonly status: VerdictStatus;
  readonly government?: { readonly name: string; readonly uf: string; readonly ibgeCode: string };
  readonly editionYear?: number;
  readonly issuedAt?: string | Date;
  readonly validFrom?: string | null;
  readonly validUntil?: string;
  readonly levelLabel?: LocalizedText | null;
  readonly index?: number | null;
  readonly revokedAt?: string | Date | null;
  readonly revocationReason?: string | null;
  readonly replacedBy?: string | null;
}

export interface VerdictModel {
  readonly status: VerdictStatus;
  /** The verdict in words ("Selo válido"). */
  readonly verdict: string;
  readonly explanation: string;
  /** The design system's message kind: success, warning or danger. */
  readonly tone: 'success' | 'warning' | 'danger';
  /** Font Awesome icon of the verdict (beside its words, never instead of them). */
  readonly icon: string;
  readonly facts: readonly { readonly label: string; readonly value: string; readonly href?: string | null }[];
  readonly replacedBy: string | null;
}

/** A seal's verdict in words, with its facts (dates in the reader's format). */
export function buildVerdict(source: VerdictSource, lang: Language): VerdictModel {
  const t = (key: MessageKey, params = {}) => translate(key, lang, params);
  const status = source.status;
  const tone = status === 'valid' ? 'success' : status === 'expired' ? 'warning' : 'danger';
  const facts: { label: string; value: string; href?: string | null }[] = [];
  if (source.number) facts.push({ label: t('web.public.verify.fact.number'), value: source.number });
  if (source.government) {
    facts.push({
      label: t('web.public.verify.fact.government'),
      value: `${source.government.name} (${source.government.uf})`,
      href: `/governos/${source.government.ibgeCode}`,
    });
  }
  if (source.editionYear) facts.push({ label: t('web.public.verify.fact.edition'), value: String(source.editionYear) });
  if (source.levelLabel) facts.push({ label: t('web.public.verify.fact.level'), value: source.levelLabel[lang] });
  if (source.index !== undefined && source.index !== null)
    facts.push({ label: t('web.public.verify.fact.index'), value: formatNumber(source.index, lang) });
  if (source.issuedAt) facts.push({ label: t('web.public.verify.fact.issued'), value: date(source.issuedAt, lang)! });
  if (source.validUntil) {
    facts.push({
      label: t('web.public.verify.fact.validity'),
      value: t('web.public.verify.validity', {
        from: date(source.validFrom ?? source.issuedAt, lang),
        until: date(source.validUntil, lang),
      }),
    });
  }
  if (source.revokedAt) {
    facts.push({ label: t('web.public.verify.fact.revoked'), value: date(source.revokedAt, lang)! });
    if (source.revocationReason)
      facts.push({ label: t('web.public.verify.fact.reason'), value: source.revocationReason });
  }
  return {
    status,
    verdict: t(`web.public.verify.status.${status}`),
    explanation: t(`web.public.verify.explain.${status}`, {
      until: date(source.validUntil, lang),
      date: date(source.revokedAt, lang),
    }),
    tone,
    icon: status === 'valid' ? 'fa-check-circle' : status === 'expired' ? 'fa-exclamation-triangle' : 'fa-times-circle',
    facts,
    replacedBy: source.replacedBy ?? null,
  };
}

export type Measure = 'enrolled' | 'certified' | 'median';
export const MEASURES: readonly Measure[] = ['enrolled', 'certified', 'median'];

export interface DashboardModel {
  readonly edition: number;
  readonly editions: readonly { year: number; href: string; current: boolean }[];
  readonly figures: readonly { label: string; value: string; href: string | null; kind: string }[];
  readonly map: {
    readonly svg: string;
    readonly measure: Measure;
    readonly title: string;
    readonly tabs: readonly { label: string; href: string; current: boolean; id: string }[];
    readonly legend: readonly { colour: string; label: string }[];
  };
  readonly states: readonly {
    uf: string;
    name: string;
    region: string;
    enrolled: number;
    certified: number;
    certifiedHref: string;
    median: string;
    practicesHref: string;
  }[];
  readonly charts: readonly ChartFigure[];
  readonly priorities: readonly { name: string; governments: number; share: string; href: string }[];
  readonly groups: readonly { name: string; scored: number; q1: string; median: string; q3: string; href: string }[];
}

/** The national dashboard of an edition: key figures, the map by state in the chosen measure, charts and tables. */
export function buildDashboard(d: NationalDashboard, measure: Measure, lang: Language): DashboardModel {
  const t = (key: MessageKey, params = {}) => translate(key, lang, params);
  const n = (v: number | null) => (v === null ? '—' : formatNumber(Math.round(v * 10) / 10, lang));
  const year = d.edition;
  const certifiedHref = (uf?: string) => `/certificados/${year}${uf ? `?uf=${uf}` : ''}`;
  const practicesHref = (params: Record<string, string>) =>
    `/boas-praticas?${new URLSearchParams({ edition: String(year), ...params })}`;
  const here = (params: Record<string, string>) =>
    `/painel?${new URLSearchParams({ edition: String(year), ...params })}`;
  const figures = [
    {
      kind: 'enrolled',
      label: t('web.public.dashboard.figure.enrolled'),
      value: String(d.totals.enrolled),
      href: null,
    },
    { kind: 'scored', label: t('web.public.dashboard.figure.scored'), value: String(d.totals.scored), href: null },
    {
      kind: 'certified',
      label: t('web.public.dashboard.figure.certified'),
      value: String(d.totals.certified),
      href: certifiedHref(),
    },
    {
      kind: 'seals-valid',
      label: t('web.public.dashboard.figure.valid'),
      value: String(d.seals.valid),
      href: certifiedHref(),
    },
    ...(d.seals.expired
      ? [
          {
            kind: 'seals-expired',
            label: t('web.public.dashboard.figure.expired'),
            value: String(d.seals.expired),
            href: certifiedHref(),
          },
        ]
      : []),
    ...(d.seals.revoked
      ? [
          {
            kind: 'seals-revoked',
            label: t('web.public.dashboard.figure.revoked'),
            value: String(d.seals.revoked),
            href: certifiedHref(),
          },
        ]
      : []),
    { kind: 'median', label: t('web.public.dashboard.figure.median'), value: n(d.index.median), href: null },
  ];
  const valueOf = (s: NationalDashboard['states'][number]) =>
    measure === 'enrolled' ? s.enrolled : measure === 'certified' ? s.certified : s.medianIndex;
  const measureName = t(`web.public.dashboard.measure.${measure}`);
  const map = brazilMap({
    id: 'map-brazil',
    title: t('web.public.dashboard.map.title', { measure: measureName, year }),
    description: t('web.public.dashboard.map.desc'),
    values: Object.fromEntries(d.states.map((s) => [s.uf, measure === 'median' ? s.medianIndex : valueOf(s)])),
    integer: measure !== 'median',
    max: measure === 'median' ? 100 : undefined,
    label: (shape, value) => {
      const state = d.states.find((s) => s.uf === shape.uf);
      return t(`web.public.dashboard.map.label.${measure}`, {
        state: state?.name ?? shape.name,
        uf: shape.uf,
        // Every state is in the figures (zeros included); a count missing all the same is none.
        value: value !== null ? n(value) : measure === 'median' ? t('web.public.dashboard.none') : '0',
      });
    },
  });
  const rangeLabel = (c: MapClass, i: number) =>
    measure === 'median'
      ? t('web.public.dashboard.legend.range', { from: n(c.from), to: n(c.to) })
      : i === 0 && c.to === 1
        ? '1'
        : c.to! - c.from! <= 1
          ? String(c.to)
          : t('web.public.dashboard.legend.range', { from: (i === 0 ? c.from! : c.from!) + 1, to: c.to });
  const legend = [
    {
      colour: '#ededed',
      label: measure === 'median' ? t('web.public.dashboard.legend.none-score') : t('web.public.dashboard.legend.zero'),
    },
    ...map.classes.map((c, i) => ({ colour: c.colour, label: rangeLabel(c, i) })),
  ];
  const groups = d.groups.map((g) => ({
    name: g.name[lang],
    scored: g.scored,
    q1: n(g.q1),
    median: n(g.median),
    q3: n(g.q3),
    href: practicesHref({ group: g.group }),
  }));
  const charts = [
    chartFigure(
      'bar',
      {
        id: 'chart-editions',
        title: t('web.public.dashboard.chart.editions'),
        description: t('web.public.dashboard.chart.editions-desc'),
        categories: d.editions.map((e) => String(e.year)),
        series: [
          { name: t('web.public.dashboard.figure.enrolled'), values: d.editions.map((e) => e.enrolled) },
          { name: t('web.public.dashboard.figure.certified'), values: d.editions.map((e) => e.certified) },
        ],
        valueLabel: t('web.public.dashboard.axis.governments'),
        integer: true,
        format: (v) => formatNumber(v, lang),
      },
      t('web.public.dashboard.column.edition'),
    ),
    chartFigure(
      'bar',
      {
        id: 'chart-groups',
        title: t('web.public.dashboard.chart.groups', { year }),
        description: t('web.public.dashboard.chart.groups-desc'),
        categories: groups.map((g) => g.name),
        series: [{ name: t('web.public.dashboard.column.median'), values: d.groups.map((g) => g.median) }],
        valueLabel: t('web.public.dashboard.axis.score'),
        min: 0,
        max: 100,
        format: (v) => formatNumber(v, lang),
      },
      t('web.public.dashboard.column.group'),
    ),
    chartFigure(
      'bar',
      {
        id: 'chart-index',
        title: t('web.public.dashboard.chart.index', { year }),
        description: t('web.public.dashboard.chart.index-desc'),
        categories: d.index.histogram.map((b) => t('web.public.dashboard.legend.range', { from: b.from, to: b.to })),
        series: [{ name: t('web.public.dashboard.axis.governments'), values: d.index.histogram.map((b) => b.count) }],
        valueLabel: t('web.public.dashboard.axis.governments'),
        integer: true,
        format: (v) => formatNumber(v, lang),
      },
      t('web.public.dashboard.column.band'),
    ),
  ];
  return {
    edition: year,
    editions: d.editions.map((e) => ({
      year: e.year,
      href: `/painel?${new URLSearchParams({ edition: String(e.year), measure })}`,
      current: e.year === year,
    })),
    figures,
    map: {
      svg: map.svg,
      measure,
      title: t('web.public.dashboard.map.title', { measure: measureName, year }),
      tabs: MEASURES.map((m) => ({
        id: m,
        label: t(`web.public.dashboard.measure.${m}`),
        href: `${here({ measure: m })}#map`,
        current: m === measure,
      })),
      legend,
    },
    states: d.states.map((s) => ({
      uf: s.uf,
      name: s.name,
      region: s.region,
      enrolled: s.enrolled,
      certified: s.certified,
      certifiedHref: certifiedHref(s.uf),
      median: n(s.medianIndex),
      practicesHref: practicesHref({ uf: s.uf }),
    })),
    charts,
    priorities: d.priorities.map((p) => ({
      name: p.name[lang],
      governments: p.governments,
      share: `${n(p.share)}%`,
      href: practicesHref({ group: p.group }),
    })),
    groups,
  };
}

/** The public bank's answer (see GoodPracticesService.publicList). */
export interface PracticesSource {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly group: { readonly slug: string; readonly title: LocalizedText };
    readonly link: string | null;
    readonly startYear: number | null;
    readonly editionYear: number;
    readonly government: { readonly ibgeCode: string; readonly name: string; readonly uf: string };
  }[];
}

export interface PracticeFilters {
  readonly group?: string;
  readonly uf?: string;
  readonly edition?: string;
}

/** The practice sheets, their filters (groups named in words) and the links to the previous and next pages. */
export function buildPractices(
  list: PracticesSource,
  filters: PracticeFilters,
  groups: readonly { slug: string; title: LocalizedText }[],
  lang: Language,
  editions: readonly number[] = [],
) {
  const t = (key: MessageKey, params = {}) => translate(key, lang, params);
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;
  const link = (offset: number) =>
    `/boas-praticas?${new URLSearchParams({ ...query, limit: String(list.limit), offset: String(offset) })}`;
  const groupName = (slug: string) => groups.find((g) => g.slug === slug)?.title[lang] ?? slug;
  const previous = list.offset > 0 ? link(Math.max(0, list.offset - list.limit)) : null;
  const next = list.offset + list.items.length < list.total ? link(list.offset + list.limit) : null;
  const chosen = [
    filters.group ? groupName(filters.group) : null,
    filters.uf ?? null,
    filters.edition ? t('web.public.practices.edition-of', { year: filters.edition }) : null,
  ].filter((x): x is string => x !== null);
  return {
    total: list.total,
    summary: chosen.length
      ? t('web.public.practices.count-filtered', { count: list.total, filters: { list: chosen } })
      : t('web.public.practices.count', { count: list.total }),
    groups: groups.map((g) => ({ slug: g.slug, name: g.title[lang], selected: g.slug === filters.group })),
    editions: editions.map((y) => ({ year: y, selected: String(y) === filters.edition })),
    items: list.items.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      group: groupName(p.group.slug),
      groupHref: `/boas-praticas?group=${p.group.slug}`,
      origin: t('web.public.practices.origin', {
        government: `${p.government.name} (${p.government.uf})`,
        year: p.editionYear,
      }),
      governmentHref: `/governos/${p.government.ibgeCode}`,
      link: p.link,
      startYear: p.startYear,
    })),
    previous,
    next,
    paged: previous !== null || next !== null,
  };
}
