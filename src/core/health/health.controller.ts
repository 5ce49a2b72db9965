import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
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
    const [{ journal_mode: journalMode }] = (await this.dataSource.query('PRAGMA journal_mode')) as {
      journal_mode: string;
    }[];
    const [{ n }] = (await this.dataSource.query('SELECT COUNT(*) AS n FROM governments')) as { n: number }[];
    return {
      status: 'ok',
      database: { type: 'sqlite', journalMode, governments: n },
      indicatorGroups: this.catalogue.groups().length,
      questionnaireVersions: this.catalogue.groups().reduce((s, g) => s + g.versions.size, 0),
    };
  }
}
