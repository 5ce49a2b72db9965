import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { PeersQueryDto } from './progress.dto';
import { ProgressService } from './progress.service';

/**
 * Public, like the seal and the report it summarises: only approved diagnoses are read (their scores, item
 * points and chosen priorities, which the Relatório de Diagnóstico publishes anyway), never answers,
 * evidence, reviewers' notes or people; a progress report shows once the diagnosis it was made in is
 * approved too. Nothing here depends on who asks, so there is no half-authenticated variant to get wrong.
 */
@ApiTags('progress')
@Public()
@Controller('api/governments')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get(':ibgeCode/history')
  @ApiOperation({
    summary:
      'A government over its approved editions: scores, deltas, items improved or regressed (across questionnaire versions), priorities and their progress',
  })
  history(@Param('ibgeCode') ibgeCode: string) {
    return this.progress.history(ibgeCode);
  }

  @Get(':ibgeCode/peers')
  @ApiOperation({
    summary:
      'A government\u2019s scores in an edition beside the medians of its state, region, population band and the country',
  })
  peers(@Param('ibgeCode') ibgeCode: string, @Query() query: PeersQueryDto) {
    return this.progress.peers(ibgeCode, query.edition);
  }
}
