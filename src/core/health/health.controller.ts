import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { asNumber, dialectOfRunner, rawQuery } from '../../database/portable-sql';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database reachable, questionnaires loaded' })
  async health() {
    const [{ n }] = await rawQuery<{ n: number | string }>(this.dataSource, 'SELECT COUNT(*) AS n FROM governments');
    return {
      status: 'ok',
      database: { ...(await this.databaseKind()), governments: asNumber(n) },
      indicatorGroups: this.catalogue.groups().length,
      questionnaireVersions: this.catalogue.groups().reduce((s, g) => s + g.versions.size, 0),
    };
  }

  /** Which database answers; for SQLite also its journal mode (WAL is what the engine sets). */
  private async databaseKind(): Promise<{ type: 'sqlite'; journalMode: string } | { type: 'postgres' }> {
    if (dialectOfRunner(this.dataSource) === 'postgres') return { type: 'postgres' };
    const [{ journal_mode: journalMode }] = await rawQuery<{ journal_mode: string }>(
      this.dataSource,
      'PRAGMA journal_mode',
    );
    return { type: 'sqlite', journalMode };
  }
}
