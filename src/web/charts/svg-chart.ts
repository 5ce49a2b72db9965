/**
 * Small server-side SVG charts for the pages: horizontal grouped bars (long category names such as the
 * indicator groups' read whole on the left) and lines over ordered categories (editions). Pure: strings in,
 * an SVG string out, no browser and no DOM. Every chart names itself for assistive technology
 * (`role="img"`, `<title>` and `<desc>` through `aria-labelledby`) and is meant to be shown beside a table of
 * the same figures (see chart-table.ts).
 */

export interface ChartSeries {
  readonly name: string;
  /** One value per category; null where there is none (no bar, a gap in the line). */
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  /** Unique within the page: the ids of the title and description derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The value axis' name, e.g. "Pontuação (0 a 100)". */
  readonly valueLabel: string;
  /** The category axis' name, e.g. "Edição". */
  readonly categoryLabel?: string;
  /** Fixed bounds of the value axis (e.g. 0 to 100 for scores); otherwise from 0 to a round value above the data. */
  readonly min?: number;
  readonly max?: number;
  /** Counts: ticks are whole numbers, never 0.5 of a government. */
  readonly integer?: boolean;
  /** How a number is written (decimal comma in pt-BR). */
  readonly format: (value: number) => string;
  readonly width?: number;
}

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), distinct in hue and lightness. */
export const CHART_COLOURS = ['#1351b4', '#c2410c', '#168821', '#6b21a8', '#0e7490', '#4d4d4d'] as const;

const FONT = 13;
const CHAR_WIDTH = FONT * 0.56;
const LINE_HEIGHT = FONT * 1.3;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 2 decimals at most, so that coordinates stay short and stable. */
const r = (n: number) => Math.round(n * 100) / 100;

/**
 * Round ticks from `min` to at least `max`: steps of 1, 2 or 5 times a power of ten, about `target` of them.
 * With `integer` the step is never below 1, so that counts read as whole numbers.
 */
export function niceTicks(min: number, max: number, options: { integer?: boolean; target?: number } = {}): number[] {
  const target = options.target ?? 5;
  const span = Math.max(max - min, options.integer ? 1 : Number.EPSILON);
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  if (options.integer) step = Math.max(1, Math.round(step));
  const start = Math.floor(min / step + 1e-9) * step;
  // An empty range still gets an axis with two ticks.
  const end = Math.max(Math.ceil(max / step - 1e-9) * step, start + step);
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + 1e-9; i++) ticks.push(start + i * step);
  // Float noise out: 0.30000000000000004 → 0.3.
  return ticks.map((t) => Number(t.toPrecision(12)) + 0);
}

/** Splits a label into lines of at most `width` characters at spaces (a longer word keeps its own line). */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function bounds(spec: ChartSpec): { ticks: number[]; lo: number; hi: number } {
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const lo = spec.min ?? Math.min(0, ...values);
  const top = spec.max ?? Math.max(lo + (spec.integer ? 1 : 0), ...values);
  const ticks = niceTicks(lo, top, { integer: spec.integer });
  return { ticks, lo: ticks[0], hi: spec.max ?? ticks[ticks.length - 1] };
}

function frame(spec: ChartSpec, width: number, height: number, body: string): string {
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="web-chart" id="${escapeXml(spec.id)}" role="img" ` +
    `aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}" viewBox="0 0 ${width} ${r(height)}" ` +
    `width="${width}" height="${r(height)}" font-family="Raleway, Arial, sans-serif" font-size="${FONT}">` +
    `<title id="${escapeXml(titleId)}">${escapeXml(spec.title)}</title>` +
    `<desc id="${escapeXml(descId)}">${escapeXml(spec.description)}</desc>` +
    body +
    `</svg>`
  );
}

/** The legend as a row (wrapping) of swatches and names, from `y`; returns the markup and its height. */
function legend(series: readonly ChartSeries[], x: number, y: number, width: number, lineMarker: boolean) {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  series.forEach((s, i) => {
    const w = 22 + s.name.length * CHAR_WIDTH + 18;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += LINE_HEIGHT + 4;
    }
    const colour = CHART_COLOURS[i % CHART_COLOURS.length];
    parts.push(
      lineMarker
        ? `<line x1="${r(cx)}" y1="${r(cy + 7)}" x2="${r(cx + 16)}" y2="${r(cy + 7)}" stroke="${colour}" stroke-width="3"/>` +
            `<circle cx="${r(cx + 8)}" cy="${r(cy + 7)}" r="3.5" fill="${colour}"/>`
        : `<rect x="${r(cx)}" y="${r(cy)}" width="14" height="14" fill="${colour}"/>`,
      `<text x="${r(cx + 22)}" y="${r(cy + 11.5)}" fill="#1d2b3a">${escapeXml(s.name)}</text>`,
    );
    cx += w;
  });
  return { markup: `<g class="web-chart-legend">${parts.join('')}</g>`, height: cy - y + LINE_HEIGHT + 4 };
}

/**
 * Horizontal bars, one band per category (its name wrapped on the left, never cut), one bar per series in
 * each band, the value written at the end of each bar.
 */
export function barChart(spec: ChartSpec): string {
  const width = spec.width ?? 760;
  const { ticks, lo, hi } = bounds(spec);
  const wrapAt = 34;
  const labels = spec.categories.map((c) => wrapLabel(c, wrapAt));
  const labelWidth = Math.min(width * 0.45, Math.max(...labels.flat().map((l) => l.length)) * CHAR_WIDTH + 12);
  const left = labelWidth + 8;
  const valueRoom = Math.max(...ticks.map((t) => spec.format(t).length), 4) * CHAR_WIDTH + 10;
  const right = width - valueRoom;
  const barHeight = 14;
  const gap = 3;
  const top = 10;
  const bands = labels.map((lines) =>
    Math.max(lines.length * LINE_HEIGHT, spec.series.length * (barHeight + gap) - gap + 0),
  );
  const bandPadding = 12;
  const plotHeight = bands.reduce((sum, h) => sum + h + bandPadding, 0);
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (right - left);
  const parts: string[] = [];

  // Grid and value ticks.
  const axisY = top + plotHeight;
  for (const t of ticks) {
    parts.push(
      `<line x1="${r(x(t))}" y1="${top}" x2="${r(x(t))}" y2="${r(axisY)}" stroke="#dde3ea"/>`,
      `<text class="web-chart-tick" x="${r(x(t))}" y="${r(axisY + 16)}" text-anchor="middle" fill="#52667a">${escapeXml(spec.format(t))}</text>`,
    );
  }
  let y = top + bandPadding / 2;
  spec.categories.forEach((_, ci) => {
    const band = bands[ci];
    const lines = labels[ci];
    const textTop = y + (band - lines.length * LINE_HEIGHT) / 2 + FONT;
    parts.push(
      `<text class="web-chart-category" x="${r(labelWidth)}" y="${r(textTop)}" text-anchor="end" fill="#1d2b3a">` +
        lines
          .map((l, li) => `<tspan x="${r(labelWidth)}" dy="${li === 0 ? 0 : r(LINE_HEIGHT)}">${escapeXml(l)}</tspan>`)
          .join('') +
        `</text>`,
    );
    const barsTop = y + (band - (spec.series.length * (barHeight + gap) - gap)) / 2;
    spec.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined) return;
      const by = barsTop + si * (barHeight + gap);
      const x0 = x(Math.max(lo, 0));
      const x1 = x(v);
      parts.push(
        `<rect class="web-chart-bar" x="${r(Math.min(x0, x1))}" y="${r(by)}" width="${r(Math.abs(x1 - x0))}" height="${barHeight}" ` +
          `fill="${CHART_COLOURS[si % CHART_COLOURS.length]}" data-value="${v}"/>`,
        `<text class="web-chart-value" x="${r(Math.max(x0, x1) + 4)}" y="${r(by + barHeight - 3)}" fill="#1d2b3a">${escapeXml(spec.format(v))}</text>`,
      );
    });
    y += band + bandPadding;
  });
  parts.push(`<line x1="${r(left)}" y1="${top}" x2="${r(left)}" y2="${r(axisY)}" stroke="#52667a"/>`);
  const axisLabelY = axisY + 36;
  parts.push(
    `<text class="web-chart-axis-label" x="${r((left + right) / 2)}" y="${r(axisLabelY)}" text-anchor="middle" fill="#1d2b3a">${escapeXml(spec.valueLabel)}</text>`,
  );
  const key = legend(spec.series, left, axisLabelY + 14, right - left, false);
  parts.push(key.markup);
  return frame(spec, width, axisLabelY + 14 + key.height + 4, parts.join(''));
}

/** Lines over ordered categories (editions), a marker and its value at every point. */
export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 760;
  const height = 260;
  const { ticks, lo, hi } = bounds(spec);
  const left = Math.max(...ticks.map((t) => spec.format(t).length)) * CHAR_WIDTH + 40;
  const right = width - 30;
  // Room above the top tick for the value written over a point there.
  const top = 30;
  const bottom = height - 60;
  const n = spec.categories.length;
  const x = (i: number) => (n === 1 ? (left + right) / 2 : left + 20 + (i / (n - 1)) * (right - left - 40));
  const y = (v: number) => bottom - ((v - lo) / (hi - lo || 1)) * (bottom - top);
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line x1="${r(left)}" y1="${r(y(t))}" x2="${r(right)}" y2="${r(y(t))}" stroke="#dde3ea"/>`,
      `<text class="web-chart-tick" x="${r(left - 6)}" y="${r(y(t) + 4)}" text-anchor="end" fill="#52667a">${escapeXml(spec.format(t))}</text>`,
    );
  }
  spec.categories.forEach((c, i) => {
    parts.push(
      `<text class="web-chart-category" x="${r(x(i))}" y="${r(bottom + 18)}" text-anchor="middle" fill="#1d2b3a">${escapeXml(c)}</text>`,
    );
  });
  spec.series.forEach((s, si) => {
    const colour = CHART_COLOURS[si % CHART_COLOURS.length];
    // A gap (null) breaks the line: a missing edition is not drawn as if it had been halfway.
    const runs: string[][] = [[]];
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) runs.push([]);
      else runs[runs.length - 1].push(`${r(x(i))},${r(y(v))}`);
    });
    for (const run of runs.filter((p) => p.length > 1)) {
      parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="3"/>`);
    }
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      parts.push(
        `<circle class="web-chart-point" cx="${r(x(i))}" cy="${r(y(v))}" r="4.5" fill="${colour}" data-value="${v}"/>`,
        `<text class="web-chart-value" x="${r(x(i))}" y="${r(y(v) - 9)}" text-anchor="middle" fill="#1d2b3a">${escapeXml(spec.format(v))}</text>`,
      );
    });
  });
  parts.push(`<line x1="${r(left)}" y1="${r(bottom)}" x2="${r(right)}" y2="${r(bottom)}" stroke="#52667a"/>`);
  parts.push(
    `<text class="web-chart-axis-label" transform="translate(14 ${r((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="#1d2b3a">${escapeXml(spec.valueLabel)}</text>`,
  );
  if (spec.categoryLabel) {
    parts.push(
      `<text class="web-chart-axis-label" x="${r((left + right) / 2)}" y="${r(bottom + 38)}" text-anchor="middle" fill="#1d2b3a">${escapeXml(spec.categoryLabel)}</text>`,
    );
  }
  const key = legend(spec.series, left, bottom + 48, right - left, true);
  parts.push(key.markup);
  return frame(spec, width, bottom + 48 + key.height + 4, parts.join(''));
}
