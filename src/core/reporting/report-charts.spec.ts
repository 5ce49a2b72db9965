import { groupProgressChart, groupScoresChart, indexTrendChart } from './report-charts';

/** The text an SVG shows, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('report charts (ECharts server-side SVG)', () => {
  it('draws the group scores with their values in pt-BR, "—" for a group without a score, and the index line', () => {
    const svg = groupScoresChart(
      [
        { label: '1. Estrutura institucional de governança', score: 72.5, color: '#2e8b57' },
        { label: '2. Capacitação de servidores', score: null, color: '#8795a1' },
        { label: '6. Acesso à saúde', score: 100, color: '#0b5394' },
      ],
      86.3,
      'pt-BR',
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox="0 0 680');
    const shown = texts(svg);
    expect(shown).toEqual(
      expect.arrayContaining([
        '1. Estrutura institucional de governança',
        '6. Acesso à saúde',
        '72,5',
        '100,0',
        '—',
        'Índice 86,3',
      ]),
    );
    expect(shown).not.toContain('0,0');
    // Bars are filled with the colour of each score's maturity level.
    expect(svg).toContain('#2e8b57');
  });

  it('draws each edition as a series, leaving out the bars of groups an edition did not score', () => {
    const svg = groupProgressChart(
      ['1. Governança', '10. Proteção'],
      [
        { year: 2021, values: [20, null] },
        { year: 2025, values: [55.5, 61] },
      ],
      'pt-BR',
    );
    const shown = texts(svg);
    expect(shown).toEqual(
      expect.arrayContaining(['2021', '2025', '1. Governança', '10. Proteção', '20,0', '55,5', '61,0']),
    );
    expect(shown.filter((t) => /^\d+,\d$/.test(t))).toHaveLength(3);
  });

  it('draws the index edition by edition', () => {
    const shown = texts(
      indexTrendChart(
        [
          { year: 2020, index: 31.4 },
          { year: 2021, index: null },
          { year: 2022, index: 48 },
        ],
        'pt-BR',
      ),
    );
    expect(shown).toEqual(expect.arrayContaining(['2020', '2021', '2022', '31,4', '48,0']));
  });

  it('writes the values and the index line in English when the report is in English', () => {
    const shown = texts(
      groupScoresChart([{ label: '6. Access to health', score: 72.5, color: '#2e8b57' }], 86.3, 'en'),
    );
    expect(shown).toEqual(expect.arrayContaining(['6. Access to health', '72.5', 'Index 86.3']));
    expect(shown).not.toContain('72,5');
  });
});
