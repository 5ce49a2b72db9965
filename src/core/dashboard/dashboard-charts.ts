import { translate } from '../i18n/message';
import { CHART_GRID, CHART_INK, CHART_MUTED, renderChartSvg } from '../rendering/svg-chart';
import type { HistogramBand } from '../scoring/score-statistics';

const pt = (n: number) => n.toLocaleString('pt-BR', { maximumFractionDigits: 1 });
const valueAxis = {
  type: 'value' as const,
  axisLabel: { fontSize: 10, color: CHART_MUTED },
  splitLine: { lineStyle: { color: CHART_GRID } },
};
const categories = (labels: readonly string[]) => ({
  type: 'category' as const,
  data: [...labels],
  axisTick: { show: false },
  axisLine: { lineStyle: { color: CHART_GRID } },
  axisLabel: { fontSize: 10, color: CHART_INK },
});

/** How many governments fall in each ten-point band of the index. */
export function indexHistogramChart(bands: readonly HistogramBand[]): string {
  return renderChartSvg(640, 260, {
    grid: { left: 44, right: 16, top: 24, bottom: 30 },
    xAxis: categories(bands.map((b) => `${b.from}–${b.to}`)),
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        data: bands.map((b) => b.count),
        itemStyle: { color: '#3d85c6' },
        label: { show: true, position: 'top', fontSize: 10, color: CHART_INK },
      },
    ],
  });
}

/** Enrolled and certified governments per edition, and the seals still valid today. */
export function editionsChart(
  editions: readonly { year: number; enrolled: number; certified: number; validSeals: number }[],
): string {
  return renderChartSvg(640, 260, {
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 50, right: 16, top: 30, bottom: 30 },
    xAxis: categories(editions.map((e) => String(e.year))),
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        name: translate('certification.dashboard.enrolled', 'pt-BR'),
        data: editions.map((e) => e.enrolled),
        itemStyle: { color: '#a4c2f4' },
      },
      {
        type: 'bar',
        name: translate('certification.dashboard.certified', 'pt-BR'),
        data: editions.map((e) => e.certified),
        itemStyle: { color: '#0b5394' },
      },
      {
        type: 'bar',
        name: translate('certification.dashboard.valid-seals', 'pt-BR'),
        data: editions.map((e) => e.validSeals),
        itemStyle: { color: '#38761d' },
      },
    ],
  });
}

/** The median score of each group (the quartiles are in the table beside it). */
export function groupMediansChart(groups: readonly { label: string; median: number | null }[]): string {
  return renderChartSvg(640, 60 + groups.length * 30, {
    grid: { left: 230, right: 40, top: 16, bottom: 26 },
    xAxis: { ...valueAxis, min: 0, max: 100, interval: 25 },
    yAxis: {
      ...categories(groups.map((g) => g.label)),
      inverse: true,
      axisLabel: { width: 215, overflow: 'truncate', fontSize: 10, color: CHART_INK },
    },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        itemStyle: { color: '#6fa8dc' },
        data: groups.map((g) => (g.median === null ? '-' : g.median)),
        label: {
          show: true,
          position: 'right',
          fontSize: 10,
          color: CHART_INK,
          formatter: (p: { value: unknown }) => pt(Number(p.value)),
        },
      },
    ],
  });
}
