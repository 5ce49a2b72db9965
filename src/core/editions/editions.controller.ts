import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, Public } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { IntParamPipe } from '../http/validation';
import { CreateEditionDto, DeadlineExtensionDto, UpdateEditionDto } from './editions.dto';
import { EditionsService } from './editions.service';

@ApiTags('editions')
@ApiBearerAuth()
@Controller('api/editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Post()
  @Access('admin')
  @ApiOperation({
    summary: 'Create an edition: calendar, pinned questionnaire versions, certification rule, seal validity',
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateEditionDto) {
    return this.editions.create(actor, body);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Editions with their calendars' })
  list() {
    return this.editions.list();
  }

  @Get(':year')
  @Public()
  @ApiOperation({ summary: 'One edition' })
  get(@Param('year', IntParamPipe) year: number) {
    return this.editions.get(year);
  }

  @Patch(':year')
  @Access('admin')
  @ApiOperation({
    summary:
      'Change an edition: calendar, certification rule, seal validity, pinned versions (these only before any enrolment)',
  })
  update(@CurrentActor() actor: Actor, @Param('year', IntParamPipe) year: number, @Body() body: UpdateEditionDto) {
    return this.editions.update(actor, year, body);
  }

  @Post(':year/deadline-extensions')
  @Access('admin')
  @ApiOperation({
    summary: 'Extend the diagnosis deadline of one government in the edition, with a reason (recorded and audited)',
  })
  extend(@CurrentActor() actor: Actor, @Param('year', IntParamPipe) year: number, @Body() body: DeadlineExtensionDto) {
    return this.editions.extendDeadline(actor, year, body);
  }

  @Get(':year/deadline-extensions')
  @Access('admin', 'reviewer')
  @ApiOperation({ summary: 'The diagnosis deadline extensions granted in the edition: who, when, until when, why' })
  extensions(@Param('year', IntParamPipe) year: number) {
    return this.editions.listExtensions(year);
  }
}
