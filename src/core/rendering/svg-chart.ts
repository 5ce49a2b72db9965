import * as echarts from 'echarts';

/** Unquoted: ECharts writes it inside a double-quoted style attribute. */
export const CHART_FONT = 'Liberation Sans, Arial, sans-serif';
export const CHART_INK = '#1d2b3a';
export const CHART_MUTED = '#52667a';
export const CHART_GRID = '#dde3ea';

/**
 * One chart as an SVG string, drawn by Apache ECharts' server-side renderer (no browser, no DOM), for the
 * report and the public pages. The chart is disposed of at once: an undisposed chart keeps timers alive.
 */
export function renderChartSvg(width: number, height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: CHART_INK }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
