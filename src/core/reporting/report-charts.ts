/**
 * The report's charts: plain data in, an SVG string out, drawn by Apache ECharts' server-side renderer
 * (no browser, no DOM). Values print in the report's language ("72,5" in pt-BR, "72.5" in English); a
 * missing score is "—", never 0.
 */
import { CHART_GRID, CHART_INK, CHART_MUTED, renderChartSvg as renderSvg } from '../rendering/svg-chart';
import { type Language, reportWriter } from './report-format';

const INK = CHART_INK;
const MUTED = CHART_MUTED;
const GRID = CHART_GRID;

const categoryAxis = (labels: readonly string[], width: number) => ({
  type: 'category' as const,
  data: [...labels],
  inverse: true,
  axisTick: { show: false },
  axisLine: { lineStyle: { color: GRID } },
  axisLabel: { width, overflow: 'break' as const, lineHeight: 13, fontSize: 11, color: INK, margin: 10 },
});

const scoreAxis = {
  type: 'value' as const,
  min: 0,
  max: 100,
  interval: 25,
  axisLabel: { fontSize: 10, color: MUTED },
  splitLine: { lineStyle: { color: GRID } },
};

export interface ScoreBar {
  readonly label: string;
  readonly score: number | null;
  /** The colour of the score's maturity level. */
  readonly color: string;
}

/** The group scores of one edition as horizontal bars, with the index as a dashed line. */
export function groupScoresChart(bars: readonly ScoreBar[], index: number | null, lang: Language): string {
  const w = reportWriter(lang);
  const height = 60 + bars.length * 36;
  return renderSvg(680, height, {
    grid: { left: 250, right: 56, top: 30, bottom: 26 },
    xAxis: scoreAxis,
    yAxis: categoryAxis(
      bars.map((b) => b.label),
      230,
    ),
    series: [
      {
        type: 'bar',
        barWidth: 18,
        data: bars.map((b) =>
          b.score === null
            ? { value: 0, itemStyle: { color: 'transparent' }, label: { formatter: '—' } }
            : { value: b.score, itemStyle: { color: b.color, borderRadius: [0, 3, 3, 0] } },
        ),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          fontWeight: 'bold',
          color: INK,
          formatter: (p: { value: unknown }) => w.score(Number(p.value)),
        },
        markLine:
          index === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: INK, width: 1.2 },
                label: {
                  position: 'start',
                  fontSize: 11,
                  fontWeight: 'bold',
                  color: INK,
                  formatter: w.t('reporting.chart.index', { index: w.score(index) }),
                },
                data: [{ xAxis: index }],
              },
      },
    ],
  });
}

export interface EditionSeries {
  readonly year: number;
  /** One per category, in order; null where the edition has no score. */
  readonly values: readonly (number | null)[];
}

/** Blues from the oldest edition (light) to the current one (dark). */
const EDITION_COLOURS = ['#a4c2f4', '#6fa8dc', '#3d85c6', '#0b5394'];
const editionColour = (i: number, count: number) =>
  EDITION_COLOURS[
    count <= 1 ? EDITION_COLOURS.length - 1 : Math.round((i * (EDITION_COLOURS.length - 1)) / (count - 1))
  ];

/** Each group's score edition by edition, as grouped horizontal bars (no bar where there is no score). */
export function groupProgressChart(
  categories: readonly string[],
  editions: readonly EditionSeries[],
  lang: Language,
): string {
  const w = reportWriter(lang);
  const perGroup = Math.max(1, editions.length) * 12 + 18;
  const height = 80 + categories.length * perGroup;
  return renderSvg(680, height, {
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11, color: INK } },
    grid: { left: 250, right: 56, top: 36, bottom: 26 },
    xAxis: scoreAxis,
    yAxis: categoryAxis(categories, 230),
    series: editions.map((e, i) => ({
      type: 'bar' as const,
      name: String(e.year),
      barWidth: 10,
      barGap: '15%',
      itemStyle: { color: editionColour(i, editions.length) },
      data: e.values.map((v) => (v === null ? '-' : v)),
      label: {
        show: true,
        position: 'right' as const,
        fontSize: 8.5,
        color: MUTED,
        formatter: (p: { value: unknown }) => w.score(Number(p.value)),
      },
    })),
  });
}

/** The index edition by edition, as a line with its values. */
export function indexTrendChart(
  points: readonly { readonly year: number; readonly index: number | null }[],
  lang: Language,
): string {
  const w = reportWriter(lang);
  return renderSvg(680, 240, {
    grid: { left: 44, right: 30, top: 30, bottom: 30 },
    xAxis: {
      type: 'category',
      data: points.map((p) => String(p.year)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID } },
      axisLabel: { fontSize: 11, color: INK },
    },
    yAxis: { ...scoreAxis, axisLabel: { fontSize: 10, color: MUTED } },
    series: [
      {
        type: 'line',
        name: w.t('reporting.index.name'),
        data: points.map((p) => (p.index === null ? '-' : p.index)),
        connectNulls: true,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 3, color: '#0b5394' },
        itemStyle: { color: '#0b5394' },
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          fontWeight: 'bold',
          color: INK,
          formatter: (p: { value: unknown }) => w.score(Number(p.value)),
        },
      },
    ],
  });
}
