import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ParseVersionPipe } from '../http/validation';
import { ScoringService } from '../scoring/scoring.service';
import { QuestionnaireCatalogue } from './questionnaire-catalogue.service';
import { ScoreAnswersDto, ScoreIndexDto } from './questionnaire.dto';
import { compareVersions } from './version-chain';

@ApiTags('indicator-groups')
@Public()
@Controller('api')
export class IndicatorGroupsController {
  constructor(
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly scoring: ScoringService,
  ) {}

  @Get('indicator-groups')
  @ApiOperation({ summary: 'The indicator groups with their published questionnaire versions' })
  list() {
    return this.catalogue.groups().map(({ definition, versions, latest }) => ({
      number: definition.number,
      slug: definition.slug,
      dimension: definition.dimension,
      title: latest.title,
      scoringVersion: definition.scoring.version,
      versions: [...versions.values()].map((q) => ({
        version: q.version,
        publishedAt: q.publishedAt,
        title: q.title,
        follows: q.follows ?? null,
        items: q.items.length,
      })),
    }));
  }

  @Get('indicator-groups/:slug/versions/:version')
  @ApiOperation({ summary: 'One questionnaire version, with its items and key map' })
  version(@Param('slug') slug: string, @Param('version', ParseVersionPipe) version: number) {
    return this.catalogue.version(slug, version);
  }

  @Get('indicator-groups/:slug/compare')
  @ApiOperation({ summary: 'How two versions of a group correspond item by item (through the key maps)' })
  compare(
    @Param('slug') slug: string,
    @Query('from', ParseVersionPipe) from: number,
    @Query('to', ParseVersionPipe) to: number,
  ) {
    this.catalogue.version(slug, from);
    this.catalogue.version(slug, to);
    return compareVersions(this.catalogue.group(slug).versions, from, to);
  }

  @Post('indicator-groups/:slug/versions/:version/score')
  @HttpCode(200)
  @ApiOperation({ summary: 'Score an answer set against one version, without storing it, explained item by item' })
  score(
    @Param('slug') slug: string,
    @Param('version', ParseVersionPipe) version: number,
    @Body() body: ScoreAnswersDto,
  ) {
    return this.scoring.scoreGroup(slug, version, body);
  }

  @Post('index/score')
  @HttpCode(200)
  @ApiOperation({ summary: 'Score the ten groups and the MigraCidades index, without storing anything' })
  scoreIndex(@Body() body: ScoreIndexDto) {
    return this.scoring.scoreIndex(body.groups);
  }
}
