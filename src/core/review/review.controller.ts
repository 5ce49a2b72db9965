import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueQueryDto, ReasonDto, ReviewItemsDto } from '../assessment/assessment.dto';
import { Access, AssessmentScoped, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { ReviewQueueService } from './review-queue.service';
import { ReviewRoundsService } from './review-rounds.service';
import { ReviewService } from './review.service';

@ApiTags('review')
@ApiBearerAuth()
@AssessmentScoped()
@Controller('api')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly rounds: ReviewRoundsService,
  ) {}

  @Get('review/queue')
  @Access('reviewer', 'admin')
  @ApiOperation({ summary: 'Diagnoses waiting for review (filters: edition, uf, status)' })
  queue(@Query() query: QueueQueryDto) {
    return this.reviewQueue.queue(query);
  }

  @Post('assessments/:id/review/start')
  @Access('reviewer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a submitted diagnosis into review' })
  start(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.startReview(actor, id);
  }

  @Put('assessments/:id/review/items')
  @Access('reviewer', 'admin')
  @ApiOperation({ summary: 'Accept, adjust (with justification) or send back items' })
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviewItemsDto) {
    return this.review.decide(actor, id, body.decisions);
  }

  @Post('assessments/:id/review/accept-pending')
  @Access('reviewer', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept every visible answered item still without a verdict; answers lacking evidence stay pending',
  })
  acceptPending(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.acceptPending(actor, id);
  }

  @Post('assessments/:id/review/request-changes')
  @Access('reviewer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the items marked "send-back" to the government' })
  requestChanges(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.requestChanges(actor, id);
  }

  @Get('assessments/:id/review/changes')
  @Access('reviewer', 'admin')
  @ApiOperation({ summary: 'What changed since the last review round' })
  changes(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.rounds.changesSinceLastRound(actor, id);
  }

  @Post('assessments/:id/review/approve')
  @Access('reviewer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve: locks the diagnosis and stores its score snapshot' })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.approve(actor, id);
  }

  @Post('assessments/:id/reopen')
  @Access('reviewer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen an approved diagnosis, with a recorded reason' })
  reopen(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.review.reopen(actor, id, body.reason);
  }
}
