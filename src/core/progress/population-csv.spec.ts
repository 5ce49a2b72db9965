import { parsePopulationCsv, parsePopulationValue } from './population-csv';

// IBGE's "estimativas" sheet of municipalities saved as CSV: a title line, the header, the rows, then notes.
const ESTIMATES = [
  'ESTIMATIVAS DA POPULAÇÃO RESIDENTE NOS MUNICÍPIOS BRASILEIROS COM DATA DE REFERÊNCIA EM 1º DE JULHO DE 2024',
  ';;;;',
  'UF;COD. UF;COD. MUNIC;NOME DO MUNICÍPIO;POPULAÇÃO ESTIMADA',
  "RO;11;00015;Alta Floresta D'Oeste;21.494",
  'RS;43;14902;Porto Alegre;1.389.322(1)',
  'SP;35;50308;São Paulo;11.895.578',
  'RS;43;5108;Caxias do Sul;480.000',
  ';;;;',
  'Fonte: IBGE, Diretoria de Pesquisas - DPE - Coordenação de População e Indicadores Sociais - COPIS.;;;;',
  '(1) População judicial.;;;;',
].join('\r\n');

describe('parsePopulationValue', () => {
  it.each<[string, number | null]>([
    ['12.396.372', 12_396_372],
    ['12396372', 12_396_372],
    ['1.234(1)', 1_234],
    ['1.234 (12)', 1_234],
    ['5.678*', 5_678],
    ['12 396 372', 12_396_372],
    ['12,396,372', 12_396_372],
    ['812', 812],
    ['0', null],
    ['-5', null],
    ['1.5', null],
    ['1.234,5', null],
    ['12.39.372', null],
    ['', null],
    ['cerca de 12 mil', null],
  ])('"%s" → %s', (raw, expected) => {
    expect(parsePopulationValue(raw)).toBe(expected);
  });
});

describe('parsePopulationCsv', () => {
  it("reads IBGE's estimates layout: 7-digit codes from COD. UF + COD. MUNIC, the year from the title, notes skipped", () => {
    const r = parsePopulationCsv(ESTIMATES);
    expect(r.problems).toEqual([]);
    expect(r.layout).toBe('ibge-estimates');
    expect(r.year).toBe(2024);
    expect(r.rows).toEqual([
      { line: 4, ibgeCode: '1100015', population: 21_494, uf: 'RO' },
      { line: 5, ibgeCode: '4314902', population: 1_389_322, uf: 'RS' },
      { line: 6, ibgeCode: '3550308', population: 11_895_578, uf: 'SP' },
      // "5108": a spreadsheet dropped the leading zero of 05108
      { line: 7, ibgeCode: '4305108', population: 480_000, uf: 'RS' },
    ]);
    expect(r.notes).toEqual([9, 10]);
  });

  it('reads the simple "codigo_ibge,populacao" layout, states included, with the year given', () => {
    const r = parsePopulationCsv('codigo_ibge,populacao\n4314902,1389322\n43,11229915\n3550308,"11.895.578"\n', {
      year: 2024,
    });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ layout: 'simple', year: 2024 });
    expect(r.rows.map((x) => [x.line, x.ibgeCode, x.population, x.uf])).toEqual([
      [2, '4314902', 1_389_322, null],
      [3, '43', 11_229_915, null],
      [4, '3550308', 11_895_578, null],
    ]);
  });

  it('takes the year from the header, else from the file name; the year given wins', () => {
    expect(
      parsePopulationCsv(
        'UF;COD. UF;COD. MUNIC;NOME DO MUNICÍPIO;POPULAÇÃO ESTIMADA 2022\nRS;43;14902;Porto Alegre;1.332.570',
      ).year,
    ).toBe(2022);
    expect(
      parsePopulationCsv('codigo_ibge;populacao\n4314902;1332570', { fileName: 'estimativa_dou_2021.csv' }).year,
    ).toBe(2021);
    expect(parsePopulationCsv(ESTIMATES, { year: 2025, fileName: 'estimativa_2023.csv' }).year).toBe(2025);
  });

  it('refuses the whole file when any row is wrong, naming every line and why', () => {
    const r = parsePopulationCsv(
      [
        'UF;COD. UF;COD. MUNIC;NOME DO MUNICÍPIO;POPULAÇÃO ESTIMADA 2024',
        'RS;43;14902;Porto Alegre;1.389.322',
        'RS;43;14903;Porto Errado;1.000',
        'RS;4;14902;Sem UF;100',
        'SP;35;50308;São Paulo;cerca de 12 mi',
        'SP;35;50308;São Paulo;11.895.578',
        'RS;43;051080;Caxias do Sul;-5',
      ].join('\n'),
    );
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([
      { line: 3, problem: 'IBGE code "4314903" has a wrong check digit' },
      { line: 4, problem: 'COD. UF "4" must be a 2-digit state code' },
      { line: 5, problem: 'population "cerca de 12 mi" is not a whole number of inhabitants' },
      { line: 6, problem: 'IBGE code 3550308 already on line 5' },
      { line: 7, problem: 'COD. MUNIC "051080" must have 5 digits' },
      { line: 7, problem: 'population "-5" is not a whole number of inhabitants' },
    ]);
  });

  it.each<[string, string, { year?: number; fileName?: string }, { line: number; problem: string }]>([
    [
      'no recognisable header',
      'municipio;habitantes\nPorto Alegre;1332570',
      {},
      { line: 1, problem: expect.stringContaining('no header row found') as unknown as string },
    ],
    [
      'an unknown year',
      'codigo_ibge,populacao\n4314902,1332570',
      { fileName: 'populacao.csv' },
      { line: 1, problem: expect.stringContaining('reference year of the estimates is unknown') as unknown as string },
    ],
    [
      'a header without rows',
      'codigo_ibge,populacao\n',
      { year: 2024 },
      { line: 1, problem: 'the file has a header but no population rows' },
    ],
    [
      'a code of 6 digits',
      'codigo_ibge,populacao\n431490,1332570',
      { year: 2024 },
      { line: 2, problem: 'IBGE code "431490" must have 7 digits (municipality) or 2 (state)' },
    ],
    [
      'an unquoted number with commas',
      'codigo_ibge,populacao\n4314902,1,332,570',
      { year: 2024 },
      { line: 2, problem: 'more columns than the header (4): a number with commas must be quoted' },
    ],
  ])('refuses %s', (_name, csv, options, problem) => {
    const r = parsePopulationCsv(csv, options);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([problem]);
  });
});
