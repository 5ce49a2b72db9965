import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AssessmentScoped, CurrentActor, Public } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { CreateGoodPracticeDto, GoodPracticeQueryDto, ReviewGoodPracticeDto } from './good-practices.dto';
import { GoodPracticesService } from './good-practices.service';

@ApiTags('good-practices')
@ApiBearerAuth()
@Controller('api')
export class GoodPracticesController {
  constructor(private readonly practices: GoodPracticesService) {}

  @Post('assessments/:id/good-practices')
  @Access('official')
  @AssessmentScoped()
  @ApiOperation({
    summary: 'Record a good practice of the government (while the diagnosis is open); it waits for review',
  })
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CreateGoodPracticeDto) {
    return this.practices.create(actor, id, body);
  }

  @Get('assessments/:id/good-practices')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @AssessmentScoped()
  @ApiOperation({
    summary: 'The good practices of an assessment, pending, approved and rejected, with the reviewers\u2019 comments',
  })
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.practices.listForAssessment(actor, id);
  }

  @Put('good-practices/:id/review')
  @Access('reviewer', 'admin')
  @ApiOperation({ summary: 'Approve (published in the public bank) or reject (with a comment) a good practice' })
  review(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviewGoodPracticeDto) {
    return this.practices.review(actor, id, body);
  }

  @Get('good-practices')
  @Public()
  @ApiOperation({ summary: 'The public bank of approved good practices (filters: group, uf, edition; paginated)' })
  publicList(@Query() query: GoodPracticeQueryDto) {
    return this.practices.publicList(query);
  }
}
