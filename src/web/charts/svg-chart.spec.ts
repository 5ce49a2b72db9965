import { chartFigure, chartTable } from './chart-figure';
import { barChart, type ChartSpec, lineChart, niceTicks, wrapLabel } from './svg-chart';

const pt = (n: number) => new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 }).format(n);

const GROUPS = [
  'Estrutura institucional de governança e estratégia local',
  'Capacitação de servidores públicos e sensibilização sobre direitos dos migrantes',
  'Acesso à saúde',
];

const scores: ChartSpec = {
  id: 'scores',
  title: 'Pontuação por grupo',
  description: 'Pontuação de cada grupo em 2024 e 2025.',
  categories: GROUPS,
  series: [
    { name: '2024', values: [40, 62.5, null] },
    { name: '2025', values: [80, 75, 100] },
  ],
  valueLabel: 'Pontuação (0 a 100)',
  min: 0,
  max: 100,
  format: pt,
};

/** The ticks an SVG shows, as written. */
const ticksOf = (svg: string) => [...svg.matchAll(/class="web-chart-tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
const attr = (svg: string, cls: string, name: string) =>
  [...svg.matchAll(new RegExp(`class="${cls}"[^>]*?\\s${name}="([^"]*)"`, 'g'))].map((m) => Number(m[1]));

describe('niceTicks', () => {
  it.each([
    [0, 100, {}, [0, 20, 40, 60, 80, 100]],
    [0, 7, { integer: true }, [0, 2, 4, 6, 8]],
    [0, 3, { integer: true }, [0, 1, 2, 3]],
    [0, 1, { integer: true }, [0, 1]],
    [0, 0, { integer: true }, [0, 1]],
    [0, 1, {}, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 43, { integer: true }, [0, 10, 20, 30, 40, 50]],
    [0, 5570, { integer: true }, [0, 2000, 4000, 6000]],
  ])('from %p to %p (%p) → %p', (min, max, options, expected) => {
    expect(niceTicks(min, max, options)).toEqual(expected);
  });

  it('gives whole numbers for counts, however small the range', () => {
    for (let max = 0; max <= 60; max++) {
      const ticks = niceTicks(0, max, { integer: true });
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces, never inside a word, and keeps every word', () => {
    const lines = wrapLabel(GROUPS[1], 34);
    expect(lines.every((l) => l.length <= 34)).toBe(true);
    expect(lines.join(' ')).toBe(GROUPS[1]);
    expect(wrapLabel('Interiorização', 5)).toEqual(['Interiorização']);
  });
});

describe('barChart', () => {
  const svg = barChart(scores);

  it('names itself for assistive technology', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="scores-title scores-desc"/);
    expect(svg).toContain('<title id="scores-title">Pontuação por grupo</title>');
    expect(svg).toContain('<desc id="scores-desc">Pontuação de cada grupo em 2024 e 2025.</desc>');
  });

  it('writes every category name whole (wrapped, not cut), the axis label and the legend', () => {
    const text = svg
      .replace(/<tspan[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    for (const g of GROUPS) expect(text).toContain(g);
    expect(text).toContain('Pontuação (0 a 100)');
    expect(text).toContain(' 2024 ');
    expect(text).toContain(' 2025 ');
  });

  it('scales values to the axis: a bar of 100 is twice one of 50 and reaches the last tick', () => {
    const widths = attr(svg, 'web-chart-bar', 'width');
    const values = attr(svg, 'web-chart-bar', 'data-value');
    expect(values).toEqual([40, 80, 62.5, 75, 100]);
    const per = widths[values.indexOf(100)] / 100;
    values.forEach((v, i) => expect(widths[i]).toBeCloseTo(v * per, 1));
    expect(ticksOf(svg)).toEqual(['0', '20', '40', '60', '80', '100']);
  });

  it('writes values with the language\u2019s decimal mark and leaves a missing value out', () => {
    expect(svg).toContain('>62,5<');
    expect(attr(svg, 'web-chart-bar', 'data-value')).toHaveLength(5);
  });

  it('counts get whole-number ticks', () => {
    const counts = barChart({
      ...scores,
      id: 'counts',
      min: undefined,
      max: undefined,
      integer: true,
      series: [{ name: 'Selos', values: [3, 1, 2] }],
    });
    expect(ticksOf(counts)).toEqual(['0', '1', '2', '3']);
  });

  it('escapes text', () => {
    expect(barChart({ ...scores, title: 'A < B & "C"' })).toContain(
      '<title id="scores-title">A &lt; B &amp; &quot;C&quot;</title>',
    );
  });
});

describe('lineChart', () => {
  const trend: ChartSpec = {
    id: 'trend',
    title: 'Índice por edição',
    description: 'O índice nas edições aprovadas.',
    categories: ['2023', '2024', '2025'],
    series: [{ name: 'Índice', values: [20, null, 60.5] }],
    valueLabel: 'Índice (0 a 100)',
    categoryLabel: 'Edição',
    min: 0,
    max: 100,
    format: pt,
  };
  const svg = lineChart(trend);

  it('puts a point per value, higher for a higher value, in proportion', () => {
    const ys = attr(svg, 'web-chart-point', 'cy');
    expect(attr(svg, 'web-chart-point', 'data-value')).toEqual([20, 60.5]);
    const zeroY = Number(/y1="([\d.]+)" x2="[\d.]+" y2="[\d.]+" stroke="#52667a"/.exec(svg)![1]);
    expect((zeroY - ys[1]) / (zeroY - ys[0])).toBeCloseTo(60.5 / 20, 1);
    expect(svg).toContain('>60,5<');
  });

  it('does not draw a line across a missing edition', () => {
    expect(svg).not.toContain('<polyline');
  });

  it('labels both axes and each category', () => {
    expect(svg).toContain('Índice (0 a 100)');
    expect(svg).toContain('>Edição<');
    for (const y of trend.categories) expect(svg).toContain(`>${y}<`);
    expect(svg).toMatch(/role="img"/);
  });
});

describe('the table twin', () => {
  it('has the same figures, one row per category and a column per series', () => {
    expect(chartTable(scores, 'Grupo')).toEqual({
      caption: 'Pontuação por grupo',
      corner: 'Grupo',
      columns: ['2024', '2025'],
      rows: [
        { header: GROUPS[0], cells: ['40', '80'] },
        { header: GROUPS[1], cells: ['62,5', '75'] },
        { header: GROUPS[2], cells: ['—', '100'] },
      ],
    });
  });

  it('always comes with its chart', () => {
    const figure = chartFigure('line', { ...scores, id: 'f' }, 'Grupo');
    expect(figure.svg).toContain('role="img"');
    expect(figure.table.rows).toHaveLength(3);
  });
});
