import type { NationalDashboard } from '../../core/dashboard/dashboard.service';
import { buildCertified } from './certified-view';
import { buildDashboard, buildPractices, buildVerdict } from './public-view';

const state = (uf: string, name: string, enrolled: number, certified: number, medianIndex: number | null) => ({
  uf,
  name,
  ibgeCode: '00',
  region: 'Sul',
  enrolled,
  certified,
  scored: certified,
  medianIndex,
});

const dashboard: NationalDashboard = {
  edition: 2025,
  editions: [
    { year: 2024, enrolled: 2, certified: 1, validSeals: 1 },
    { year: 2025, enrolled: 5, certified: 1, validSeals: 1 },
  ],
  seals: { issued: 1, valid: 1, expired: 0, revoked: 0 },
  totals: { enrolled: 5, certified: 1, scored: 2, medianIndex: 50 },
  regions: [],
  states: [state('RS', 'Rio Grande do Sul', 3, 1, 30), state('SP', 'São Paulo', 2, 0, 62.5)],
  index: { scored: 2, q1: 30, median: 50, q3: 62.5, histogram: [{ from: 0, to: 50, count: 1 }] },
  groups: [
    {
      group: 'governance',
      name: { 'pt-BR': 'Governança migratória', en: 'Migration governance' },
      scored: 2,
      q1: 25,
      median: 40,
      q3: 62.5,
      histogram: [],
    },
  ],
  priorities: [
    {
      group: 'governance',
      name: { 'pt-BR': 'Governança', en: 'Governance' },
      governments: 2,
      priorities: 3,
      share: 66.7,
    },
  ],
};

describe('buildVerdict', () => {
  const seal = {
    number: 'MC-2025-00001',
    status: 'valid' as const,
    government: { name: 'Porto Alegre', uf: 'RS', ibgeCode: '4314902' },
    editionYear: 2025,
    issuedAt: '2026-12-01T10:00:00.000Z',
    validFrom: '2026-12-01',
    validUntil: '2027-12-01',
    levelLabel: { 'pt-BR': 'Referência', en: 'Reference' },
    index: 84.5,
    revokedAt: null,
  };

  it('says a valid seal in words with its facts and dates in the reader’s format', () => {
    const v = buildVerdict(seal, 'pt-BR');
    expect([v.verdict, v.tone, v.explanation]).toEqual([
      'Selo válido',
      'success',
      'Emitido pela universidade e em vigor até 01/12/2027.',
    ]);
    expect(v.facts.map((f) => f.value)).toEqual([
      'MC-2025-00001',
      'Porto Alegre (RS)',
      '2025',
      'Referência',
      '84,5',
      '01/12/2026',
      '01/12/2026 a 01/12/2027',
    ]);
    expect(v.facts[1].href).toBe('/governos/4314902');
    expect(buildVerdict(seal, 'en').facts.at(-1)?.value).toBe('1 Dec 2026 to 1 Dec 2027');
  });

  it('reads a revoked seal revoked, with the date, the reason and its replacement', () => {
    const v = buildVerdict(
      {
        ...seal,
        status: 'revoked',
        revokedAt: '2027-01-10T09:00:00.000Z',
        revocationReason: 'Reemitido.',
        replacedBy: 'MC-2025-00002',
      },
      'pt-BR',
    );
    expect([v.verdict, v.tone, v.replacedBy]).toEqual(['Selo revogado', 'danger', 'MC-2025-00002']);
    expect(v.explanation).toContain('revogado em 10/01/2027');
    expect(v.facts.slice(-2).map((f) => f.value)).toEqual(['10/01/2027', 'Reemitido.']);
  });

  it('names an unknown number and a document that is not authentic', () => {
    expect(buildVerdict({ number: 'MC-1', status: 'unknown' }, 'en').verdict).toBe('Seal not found');
    const altered = buildVerdict({ number: null, status: 'not-authentic' }, 'pt-BR');
    expect([altered.verdict, altered.facts]).toEqual(['Documento não autêntico', []]);
  });
});

describe('buildDashboard', () => {
  it('draws the map in the chosen measure, with a legend and links to every figure’s list', () => {
    const m = buildDashboard(dashboard, 'certified', 'pt-BR');
    expect(m.map.svg.match(/data-uf="/g)).toHaveLength(27);
    expect(m.map.svg).toContain('aria-label="Rio Grande do Sul (RS): 1 certificados"');
    expect(m.map.svg).toContain('aria-label="Acre (AC): 0 certificados"');
    expect(m.map.tabs.map((t) => [t.id, t.current, t.href])).toEqual([
      ['enrolled', false, '/painel?edition=2025&measure=enrolled#map'],
      ['certified', true, '/painel?edition=2025&measure=certified#map'],
      ['median', false, '/painel?edition=2025&measure=median#map'],
    ]);
    expect(m.map.legend.map((l) => l.label)).toEqual(['nenhum', '1']);
    expect(m.states[0]).toMatchObject({
      uf: 'RS',
      certified: 1,
      certifiedHref: '/certificados/2025?uf=RS',
      median: '30',
    });
    expect(m.figures.find((f) => f.kind === 'certified')?.href).toBe('/certificados/2025');
    expect(m.priorities[0]).toMatchObject({ share: '66,7%', href: '/boas-praticas?edition=2025&group=governance' });
  });

  it('scales the median index from 0 to 100 and counts in whole numbers', () => {
    const m = buildDashboard(dashboard, 'median', 'en');
    expect(m.map.legend.map((l) => l.label)).toEqual([
      'no approved diagnosis',
      '0 to 20',
      '20 to 40',
      '40 to 60',
      '60 to 80',
      '80 to 100',
    ]);
    expect(m.map.svg).toContain('aria-label="Acre (AC): median index no data"');
    const enrolled = buildDashboard(dashboard, 'enrolled', 'pt-BR');
    expect(enrolled.map.legend.map((l) => l.label)).toEqual(['nenhum', '1', '2', '3']);
    // Counts' charts tick in whole numbers; group names are whole (wrapped, never cut).
    expect(enrolled.charts[0].svg).not.toMatch(/>\d+,5</);
    expect(enrolled.charts[1].svg).toContain('Governança migratória');
  });
});

describe('buildCertified and buildPractices', () => {
  it('lists each seal with its status in words and its links', () => {
    const page = buildCertified(
      {
        year: 2025,
        editions: [2024, 2025],
        counts: { issued: 1, valid: 1, expired: 0, revoked: 0 },
        seals: [
          {
            number: 'MC-2025-00002',
            ibgeCode: '43',
            name: 'Rio Grande do Sul',
            uf: 'RS',
            kind: 'state',
            issuedAt: '2025-11-30T10:00:00.000Z',
            validFrom: null,
            validUntil: '2026-11-30',
            status: 'expired',
            levelLabel: null,
            verificationUrl: 'https://selo.test/verify/MC-2025-00002',
          },
        ],
        total: 1,
        limit: 100,
        offset: 0,
      },
      'pt-BR',
    );
    expect(page.seals[0]).toMatchObject({
      government: 'Rio Grande do Sul (RS)',
      kind: 'Estadual',
      level: 'sem nível',
      validity: '30/11/2025 a 30/11/2026',
      statusText: 'Selo expirado',
      governmentHref: '/governos/43',
    });
    expect(page.editions.map((e) => e.current)).toEqual([false, true]);
    expect(page.pager).toBeNull();
  });

  it('gives a long list a page at a time, with the state filter kept in the links', () => {
    const seal = {
      number: 'MC-2025-00002',
      ibgeCode: '4314902',
      name: 'Porto Alegre',
      uf: 'RS',
      kind: 'municipality',
      issuedAt: '2025-11-30T10:00:00.000Z',
      validFrom: null,
      validUntil: '2026-11-30',
      status: 'valid' as const,
      levelLabel: null,
      verificationUrl: 'https://selo.test/verify/MC-2025-00002',
    };
    const source = (offset: number) => ({
      year: 2025,
      editions: [2025],
      counts: { issued: 2538, valid: 2538, expired: 0, revoked: 0 },
      seals: [seal],
      total: 2538,
      limit: 100,
      offset,
    });
    expect(buildCertified(source(100), 'pt-BR', 'RS').pager).toEqual({
      text: 'Selos 101 a 101 de 2538 (página 2 de 26)',
      previous: '/certificados/2025?uf=RS',
      next: '/certificados/2025?uf=RS&pagina=3',
    });
    expect(buildCertified(source(2500), 'en').pager).toMatchObject({
      previous: '/certificados/2025?pagina=25',
      next: null,
    });
  });

  it('names the chosen filters in words and pages with them kept', () => {
    const list = buildPractices(
      {
        total: 3,
        limit: 1,
        offset: 1,
        items: [
          {
            id: 'p1',
            title: 'Comitê',
            description: 'Comitê estadual',
            group: { slug: 'governance', title: { 'pt-BR': 'x', en: 'x' } },
            link: null,
            startYear: 2019,
            editionYear: 2025,
            government: { ibgeCode: '43', name: 'Rio Grande do Sul', uf: 'RS' },
          },
        ],
      },
      { group: 'governance', uf: 'RS' },
      [{ slug: 'governance', title: { 'pt-BR': 'Governança migratória', en: 'Migration governance' } }],
      'pt-BR',
      [2024, 2025],
    );
    expect(list.summary).toBe('3 fichas (Governança migratória, RS)');
    expect(list.items[0]).toMatchObject({
      group: 'Governança migratória',
      origin: 'Rio Grande do Sul (RS) · edição 2025',
    });
    expect([list.previous, list.next]).toEqual([
      '/boas-praticas?group=governance&uf=RS&limit=1&offset=0',
      '/boas-praticas?group=governance&uf=RS&limit=1&offset=2',
    ]);
    expect(list.groups[0].selected).toBe(true);
  });
});
