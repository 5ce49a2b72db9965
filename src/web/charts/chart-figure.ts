import { barChart, type ChartSpec, lineChart } from './svg-chart';

/** A chart's table twin: the same figures, one row per category and one column per series. */
export interface ChartTable {
  readonly caption: string;
  /** The header of the first column (what the rows are: "Grupo de indicadores", "Edição"). */
  readonly corner: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly header: string; readonly cells: readonly string[] }[];
}

/** What `templates/web/partials/chart-figure.hbs` shows: the SVG, then its table. */
export interface ChartFigure {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
  readonly table: ChartTable;
}

export type ChartKind = 'bar' | 'line';

/** The table of a chart's figures; `empty` is written where a series has no value for a category. */
export function chartTable(spec: ChartSpec, corner: string, empty = '—'): ChartTable {
  return {
    caption: spec.title,
    corner,
    columns: spec.series.map((s) => s.name),
    rows: spec.categories.map((category, i) => ({
      header: category,
      cells: spec.series.map((s) => {
        const v = s.values[i];
        return v === null || v === undefined ? empty : spec.format(v);
      }),
    })),
  };
}

/** A chart and its table twin, always together: a picture alone would leave screen-reader users out. */
export function chartFigure(kind: ChartKind, spec: ChartSpec, corner: string, empty = '—'): ChartFigure {
  return {
    id: spec.id,
    title: spec.title,
    svg: kind === 'bar' ? barChart(spec) : lineChart(spec),
    table: chartTable(spec, corner, empty),
  };
}
