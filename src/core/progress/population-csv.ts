import { parse } from 'csv-parse/sync';
import { checkDigitOk, type CsvProblem, searchKey } from '../governments/ibge-reference';

export interface PopulationRow {
  readonly line: number;
  /** 7 digits for a municipality, 2 for a federative unit. */
  readonly ibgeCode: string;
  readonly population: number;
  /** The state abbreviation the row gives (IBGE's "UF" column), to be checked against the code. */
  readonly uf: string | null;
}

export type PopulationLayout = 'ibge-estimates' | 'simple';

export interface PopulationParse {
  readonly layout: PopulationLayout | null;
  /** The reference year of the estimates. */
  readonly year: number | null;
  /** Empty while there is any problem: a file is taken whole or not at all. */
  readonly rows: readonly PopulationRow[];
  /** Lines after the header skipped as notes (e.g. "Fonte: IBGE ..."): neither code nor population. */
  readonly notes: readonly number[];
  readonly problems: readonly CsvProblem[];
}

const STATE_CODE_HEADERS = ['cod uf', 'codigo uf', 'codigo da uf'];
const LOCAL_CODE_HEADERS = ['cod munic', 'cod municipio', 'codigo munic'];
const FULL_CODE_HEADERS = [
  'codigo ibge',
  'cod ibge',
  'ibge',
  'codigo',
  'code',
  'ibge code',
  'codigo municipio completo',
  'cod municipio completo',
  'codigo do municipio',
  'cd mun',
];
const UF_HEADERS = ['uf', 'sigla uf', 'sigla'];
const isPopulationHeader = (h: string) => /^(populacao|population|pop)\b/.test(h);
const YEAR = /(?<!\d)(19[5-9]\d|2[01]\d\d)(?!\d)/g;

/**
 * A population count as IBGE writes it: "12.396.372", "12396372", "12 396 372", or with footnote marks such
 * as "1.234(1)" or "5.678*". Null for anything else (decimals, negatives, text).
 */
export function parsePopulationValue(raw: string): number | null {
  const cleaned = raw
    .replace(/\(\s*\d+\s*\)/g, '')
    .replace(/[*¹²³⁴]/g, '')
    .trim();
  let digits: string | null = null;
  if (/^\d+$/.test(cleaned)) digits = cleaned;
  else if (
    /^\d{1,3}(\.\d{3})+$/.test(cleaned) ||
    /^\d{1,3}(,\d{3})+$/.test(cleaned) ||
    /^\d{1,3}([ \u00a0]\d{3})+$/.test(cleaned)
  )
    digits = cleaned.replace(/\D/g, '');
  if (digits === null) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function lastYear(text: string): number | null {
  const found = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  return found.length > 0 ? found[found.length - 1] : null;
}

function detectDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 20).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  return [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * Reads IBGE population estimates as CSV: the "estimativas" layout (UF, COD. UF, COD. MUNIC, NOME DO
 * MUNICÍPIO, POPULAÇÃO ESTIMADA; the 5-digit municipal code joined to the state's), with any title lines
 * above the header and notes below the data, or a simple "codigo_ibge,populacao" layout (7-digit municipal
 * or 2-digit state codes). The year comes from `options.year`, else from the header or the title lines, else
 * from the file name. Every row is checked; nothing is returned while any row is wrong.
 */
export function parsePopulationCsv(text: string, options: { year?: number; fileName?: string } = {}): PopulationParse {
  const fail = (
    problems: CsvProblem[],
    layout: PopulationLayout | null = null,
    year: number | null = null,
  ): PopulationParse => ({ layout, year, rows: [], notes: [], problems });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    return fail([{ line: 0, problem: `not a readable CSV: ${(e as Error).message}` }]);
  }
  const normalise = (cells: readonly string[]) => cells.map((c) => searchKey(c));
  const headerAt = records.findIndex(({ record }) => {
    const h = normalise(record);
    const coded =
      (STATE_CODE_HEADERS.some((x) => h.includes(x)) && LOCAL_CODE_HEADERS.some((x) => h.includes(x))) ||
      FULL_CODE_HEADERS.some((x) => h.includes(x));
    return coded && h.some(isPopulationHeader);
  });
  if (headerAt < 0) {
    return fail([
      {
        line: records[0]?.info.lines ?? 1,
        problem:
          'no header row found: expected IBGE\'s "COD. UF", "COD. MUNIC" and "POPULAÇÃO ESTIMADA" columns, or "codigo_ibge" and "populacao"' +
          (records[0] ? `; first line: ${records[0].record.join(' | ')}` : ''),
      },
    ]);
  }
  const header = normalise(records[headerAt].record);
  const headerLine = records[headerAt].info.lines;
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const stateCol = col(STATE_CODE_HEADERS);
  const localCol = col(LOCAL_CODE_HEADERS);
  const layout: PopulationLayout = stateCol >= 0 && localCol >= 0 ? 'ibge-estimates' : 'simple';
  const codeCol = layout === 'simple' ? col(FULL_CODE_HEADERS) : -1;
  const popCol = header.findIndex(isPopulationHeader);
  const ufCol = col(UF_HEADERS);

  const year =
    options.year ??
    lastYear(records[headerAt].record[popCol]) ??
    lastYear(
      records
        .slice(0, headerAt)
        .map((r) => r.record.join(' '))
        .join('\n'),
    ) ??
    (options.fileName ? lastYear(options.fileName) : null);
  const problems: CsvProblem[] = [];
  if (year === null) {
    problems.push({
      line: headerLine,
      problem:
        'the reference year of the estimates is unknown: give it (e.g. --year 2024) or name it in the header ("POPULAÇÃO ESTIMADA 2024")',
    });
  } else if (year < 1950 || year > 2100) {
    problems.push({ line: headerLine, problem: `reference year ${year} is not plausible` });
  }

  const rows: PopulationRow[] = [];
  const notes: number[] = [];
  const seen = new Map<string, number>();
  const codeCells = layout === 'ibge-estimates' ? [stateCol, localCol] : [codeCol];
  for (const { record, info } of records.slice(headerAt + 1)) {
    const line = info.lines;
    const cell = (i: number) => (i >= 0 ? (record[i] ?? '').trim() : '');
    if (record.every((c) => c.trim() === '')) continue;
    if (codeCells.every((i) => cell(i) === '') && cell(popCol) === '') {
      notes.push(line);
      continue;
    }
    const extra = record.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.push({
        line,
        problem: `more columns than the header (${record.length}): a number with commas must be quoted`,
      });
      continue;
    }
    let ibgeCode: string;
    if (layout === 'ibge-estimates') {
      const state = cell(stateCol);
      // Spreadsheets often drop the leading zeros of "COD. MUNIC" (00108 → 108).
      const local = /^\d{1,5}$/.test(cell(localCol)) ? cell(localCol).padStart(5, '0') : cell(localCol);
      if (!/^[1-5]\d$/.test(state)) problems.push({ line, problem: `COD. UF "${state}" must be a 2-digit state code` });
      if (!/^\d{5}$/.test(local)) problems.push({ line, problem: `COD. MUNIC "${cell(localCol)}" must have 5 digits` });
      ibgeCode = state + local;
    } else {
      ibgeCode = cell(codeCol);
      if (!/^(\d{2}|\d{7})$/.test(ibgeCode))
        problems.push({ line, problem: `IBGE code "${ibgeCode}" must have 7 digits (municipality) or 2 (state)` });
      else if (!/^[1-5]/.test(ibgeCode))
        problems.push({ line, problem: `IBGE code "${ibgeCode}" does not start with a state code` });
    }
    if (/^[1-5]\d{6}$/.test(ibgeCode) && !checkDigitOk(ibgeCode))
      problems.push({ line, problem: `IBGE code "${ibgeCode}" has a wrong check digit` });
    const population = parsePopulationValue(cell(popCol));
    if (population === null)
      problems.push({ line, problem: `population "${cell(popCol)}" is not a whole number of inhabitants` });
    const earlier = seen.get(ibgeCode);
    if (earlier !== undefined) problems.push({ line, problem: `IBGE code ${ibgeCode} already on line ${earlier}` });
    seen.set(ibgeCode, line);
    rows.push({
      line,
      ibgeCode,
      population: population ?? 0,
      uf: ufCol >= 0 && cell(ufCol) !== '' ? cell(ufCol).toUpperCase() : null,
    });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: headerLine, problem: 'the file has a header but no population rows' });
  return problems.length > 0 ? fail(problems, layout, year) : { layout, year, rows, notes, problems };
}
