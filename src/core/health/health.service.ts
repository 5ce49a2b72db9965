import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { asNumber, dialectOfRunner, rawQuery } from '../../database/portable-sql';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';

export interface HealthStatus {
  readonly status: 'ok';
  /** Which database answers, with its count of governments; for SQLite also its journal mode (the engine sets WAL). */
  readonly database:
    { type: 'sqlite'; journalMode: string; governments: number } | { type: 'postgres'; governments: number };
  readonly indicatorGroups: number;
  readonly questionnaireVersions: number;
}

/** Liveness and readiness: the database answers a read, the questionnaires are loaded. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  async status(): Promise<HealthStatus> {
    const groups = this.catalogue.groups();
    return {
      status: 'ok',
      database: await this.database(),
      indicatorGroups: groups.length,
      questionnaireVersions: groups.reduce((s, g) => s + g.versions.size, 0),
    };
  }

  /** One read on either database (SQLite's journal mode read with the count, as a table-valued pragma). */
  private async database(): Promise<HealthStatus['database']> {
    const count = 'SELECT COUNT(*) FROM "governments"';
    if (dialectOfRunner(this.dataSource) === 'postgres') {
      const [{ n }] = await rawQuery<{ n: unknown }>(this.dataSource, `SELECT (${count}) AS "n"`);
      return { type: 'postgres', governments: asNumber(n) };
    }
    const [row] = await rawQuery<{ n: unknown; journal_mode: string }>(
      this.dataSource,
      `SELECT (${count}) AS "n", "journal_mode" FROM pragma_journal_mode`,
    );
    return { type: 'sqlite', journalMode: row.journal_mode, governments: asNumber(row.n) };
  }
}
