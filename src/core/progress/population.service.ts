import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CsvProblem } from '../governments/ibge-reference';
import { GovernmentEntity } from '../governments/government.entity';
import { type PopulationLayout, parsePopulationCsv } from './population-csv';

export interface PopulationImportSummary {
  readonly layout: PopulationLayout;
  readonly year: number;
  /** Governments whose population or year changed. */
  readonly updated: number;
  readonly unchanged: number;
  /** Lines after the header read as notes (e.g. "Fonte: IBGE"), skipped. */
  readonly notes: readonly number[];
  /** Governments still without a population after the import. */
  readonly withoutPopulation: number;
}

export class PopulationImportError extends Error {
  constructor(readonly problems: readonly CsvProblem[]) {
    super(
      `The population estimates were not imported (${problems.length} problem(s)); nothing changed:\n` +
        problems
          .slice(0, 50)
          .map((p) => `  - line ${p.line}: ${p.problem}`)
          .join('\n'),
    );
    this.name = 'PopulationImportError';
  }
}

/** IBGE's population estimates per government, what the peers' population bands are drawn from. */
@Injectable()
export class PopulationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies an estimates file. All or nothing: a bad row, an unknown code or a "UF" that contradicts the
   * code refuses the whole file, with line numbers. Governments the file does not name keep what they had.
   */
  async importPopulationCsv(
    text: string,
    sourceName: string,
    options: { year?: number } = {},
  ): Promise<PopulationImportSummary> {
    const parsed = parsePopulationCsv(text, { year: options.year, fileName: sourceName });
    if (parsed.problems.length > 0) throw new PopulationImportError(parsed.problems);
    const year = parsed.year!;
    return this.dataSource.transaction(async (em) => {
      const known = new Map(
        (
          (await em.query('SELECT ibge_code, uf, population, population_year FROM governments')) as {
            ibge_code: string;
            uf: string;
            population: number | null;
            population_year: number | null;
          }[]
        ).map((g) => [g.ibge_code, g]),
      );
      const problems: CsvProblem[] = [];
      for (const row of parsed.rows) {
        const g = known.get(row.ibgeCode);
        if (!g)
          problems.push({
            line: row.line,
            problem: `no government with IBGE code ${row.ibgeCode} (a newer municipality? import the IBGE list first: import-municipalities)`,
          });
        else if (row.uf !== null && row.uf !== g.uf)
          problems.push({
            line: row.line,
            problem: `UF "${row.uf}" does not match IBGE code ${row.ibgeCode}, which is in ${g.uf}`,
          });
      }
      if (problems.length > 0) throw new PopulationImportError(problems);
      let updated = 0;
      for (const row of parsed.rows) {
        const g = known.get(row.ibgeCode)!;
        if (g.population === row.population && g.population_year === year) continue;
        await em.update(
          GovernmentEntity,
          { ibgeCode: row.ibgeCode },
          { population: row.population, populationYear: year },
        );
        g.population = row.population;
        updated++;
      }
      const withoutPopulation = [...known.values()].filter((g) => g.population === null).length;
      return {
        layout: parsed.layout!,
        year,
        updated,
        unchanged: parsed.rows.length - updated,
        notes: parsed.notes,
        withoutPopulation,
      };
    });
  }
}
