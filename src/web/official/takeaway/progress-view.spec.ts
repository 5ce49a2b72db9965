import { message, verbatim } from '../../../core/i18n/message';
import { buildProgressModel, type ProgressSource } from './progress-view';

const groups = [
  { slug: 'governance', title: message('progress.band.up-to-5k') },
  { slug: 'health', title: { 'pt-BR': 'Acesso à saúde', en: 'Access to health' } },
];

const edition = (year: number, index: number, governance: number, health: number | null) => ({
  editionYear: year,
  state: 'certified',
  index,
  level: null,
  groups: [
    { group: 'governance', questionnaireVersion: 1, scoringVersion: '1', score: governance, level: null },
    ...(health === null
      ? []
      : [{ group: 'health', questionnaireVersion: 1, scoringVersion: '1', score: health, level: null }]),
  ],
  priorities: [],
});

const source: ProgressSource = {
  government: { name: 'Porto Alegre', uf: 'RS' },
  history: { editions: [edition(2025, 50.5, 40, null), edition(2026, 72.25, 80, 64.5)], explanation: verbatim('x') },
  peers: {
    editionYear: 2026,
    own: {
      state: 'certified',
      index: 72.25,
      groups: [
        { group: 'governance', score: 80 },
        { group: 'health', score: 64.5 },
      ],
    },
    peers: [
      {
        scope: 'state',
        label: { 'pt-BR': 'Municípios do Rio Grande do Sul', en: 'Municipalities of Rio Grande do Sul' },
        count: 2,
        index: { median: 61.13, count: 2, own: 72.25, difference: 11.12 },
        groups: [
          { group: 'governance', median: 70, count: 2, own: 80, difference: 10 },
          { group: 'health', median: null, count: 0, own: 64.5, difference: null },
        ],
      },
      {
        scope: 'national',
        label: { 'pt-BR': 'Todos os municípios', en: 'All municipalities' },
        count: 0,
        index: { median: null, count: 0, own: 72.25, difference: null },
        groups: [],
      },
    ],
  },
  groups,
};

describe('the progress page', () => {
  it('draws the index, the groups by edition and the peers, each with its table twin', () => {
    const model = buildProgressModel(source, 'pt-BR');
    expect(model.charts.map((c) => c.id)).toEqual(['chart-index', 'chart-groups', 'chart-peers']);
    for (const c of model.charts) expect(c.svg).toContain('role="img"');
    const [index, byGroup, peers] = model.charts.map((c) => c.table);
    expect(index.rows).toEqual([
      { header: '2025', cells: ['50,5'] },
      { header: '2026', cells: ['72,25'] },
    ]);
    expect(byGroup.columns).toEqual(['2025', '2026']);
    expect(byGroup.rows).toEqual([
      { header: 'Até 5.000 habitantes', cells: ['40', '80'] },
      { header: 'Acesso à saúde', cells: ['—', '64,5'] },
    ]);
    // A set of peers with nobody approved is left out rather than drawn as zeros.
    expect(peers.columns).toEqual(['Porto Alegre', 'Mediana: Municípios do Rio Grande do Sul (2)']);
    expect(peers.rows[0]).toEqual({ header: 'Índice MigraCidades', cells: ['72,25', '61,13'] });
    expect(peers.rows[2]).toEqual({ header: 'Acesso à saúde', cells: ['64,5', '—'] });
    expect(model.charts[0].svg).toContain('2025: 50,5; 2026: 72,25');
  });

  it('in English, with decimal points and the groups\u2019 English names', () => {
    const model = buildProgressModel(source, 'en');
    expect(model.charts[1].table.rows[1]).toEqual({ header: 'Access to health', cells: ['—', '64.5'] });
    expect(model.charts[2].table.columns[1]).toBe('Median: Municipalities of Rio Grande do Sul (2)');
  });

  it('without an approved edition, says so and draws nothing', () => {
    const model = buildProgressModel(
      { ...source, history: { editions: [], explanation: verbatim('x') }, peers: null },
      'pt-BR',
    );
    expect(model.hasEditions).toBe(false);
    expect(model.charts).toEqual([]);
  });
});
