import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, AssessmentScoped, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Idempotent } from '../http/idempotency.interceptor';
import { jsonField, readMultipart } from '../http/multipart';
import { IntParamPipe, validateAs } from '../http/validation';
import {
  CourseCompletionDto,
  EnrolmentDto,
  ReportProgressDto,
  SaveAnswersDto,
  SetPrioritiesDto,
} from './assessment.dto';
import { AssessmentFilesService } from './assessment-files.service';
import { AssessmentListDto, AssessmentListQueryDto } from './assessment-list.dto';
import { AssessmentListService } from './assessment-list.service';
import { AssessmentViewService } from './assessment-view.service';
import { DiagnosisService } from './diagnosis.service';
import { EnrolmentService } from './enrolment.service';
import { ApiCourseCompletionBody, ApiEnrolmentBody, ApiEvidenceBody, ApiSaveAnswersBody } from './assessment.openapi';
import { PrioritiesService } from './priorities.service';

@ApiTags('assessments')
@ApiBearerAuth()
@AssessmentScoped()
@Controller('api')
export class AssessmentsController {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly diagnosis: DiagnosisService,
    private readonly views: AssessmentViewService,
    private readonly priorities: PrioritiesService,
    private readonly audit: AuditService,
    private readonly files: AssessmentFilesService,
    private readonly lists: AssessmentListService,
  ) {}

  @Post('editions/:year/enrolments')
  @Access('official', 'admin')
  @Idempotent()
  @ApiEnrolmentBody()
  @ApiOperation({
    summary:
      'Enrol a government: form field `data` (JSON) and file `letterOfIntent` (PDF signed by the head of government)',
  })
  async enrol(@CurrentActor() actor: Actor, @Param('year', IntParamPipe) year: number, @Req() request: FastifyRequest) {
    const form = await readMultipart(request);
    const data = validateAs(EnrolmentDto, jsonField(form, 'data'), 'data');
    const assessment = await this.enrolment.enrol(
      actor,
      year,
      data,
      form.files.find((f) => f.field === 'letterOfIntent'),
    );
    return this.views.view(actor, assessment.id);
  }

  @Post('assessments/:id/course-completion')
  @Access('official', 'admin')
  @ApiCourseCompletionBody()
  @ApiOperation({
    summary: 'Record the focal person\u2019s course completion: field `completedAt`, file `certificate`',
  })
  async course(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest) {
    const form = await readMultipart(request);
    const data = validateAs(CourseCompletionDto, { completedAt: form.fields.completedAt }, '');
    return this.enrolment.recordCourse(
      actor,
      id,
      data.completedAt,
      form.files.find((f) => f.field === 'certificate'),
    );
  }

  @Get('assessments')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({
    summary:
      'Assessments across governments, filtered and paged (newest edition first, then by name); officials: their own government\u2019s',
  })
  @ApiOkResponse({ type: AssessmentListDto })
  list(@CurrentActor() actor: Actor, @Query() query: AssessmentListQueryDto) {
    return this.lists.list(actor, query);
  }

  @Get('assessments/:id')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({ summary: 'An assessment: enrolment, state, every group\u2019s items with answers and verdicts' })
  view(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.views.view(actor, id);
  }

  @Put('assessments/:id/answers')
  @Access('official')
  @ApiSaveAnswersBody()
  @ApiOperation({
    summary: 'Save answers (autosave, one or a batch); each names the version it changes, stale ones get 409',
  })
  save(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SaveAnswersDto) {
    return this.diagnosis.saveAnswers(actor, id, body.answers);
  }

  @Post('assessments/:id/evidence')
  @Access('official')
  @ApiEvidenceBody()
  @ApiOperation({
    summary: 'Upload an evidence file (PDF, image or office document, checked by content); returns its reference',
  })
  async evidence(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest) {
    const form = await readMultipart(request);
    return this.diagnosis.uploadEvidence(
      actor,
      id,
      form.files.find((f) => f.field === 'file'),
    );
  }

  @Get('assessments/:id/files/:sha256')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({ summary: 'Download a file of the assessment (letter, certificate or evidence)' })
  async file(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.files.read(actor, id, sha256);
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`)
      .send(file.bytes);
  }

  @Post('assessments/:id/submit')
  @Access('official')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the diagnosis for review; refused with the list of required items still missing' })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.diagnosis.submit(actor, id);
  }

  @Get('assessments/:id/priorities')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @ApiOperation({ summary: 'Priorities chosen, and the previous edition\u2019s to report on' })
  listPriorities(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.priorities.list(actor, id);
  }

  @Put('assessments/:id/priorities')
  @Access('official')
  @ApiOperation({ summary: 'Choose priorities among the items not fully met (after approval)' })
  setPriorities(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetPrioritiesDto) {
    return this.priorities.setPriorities(actor, id, body.priorities);
  }

  @Put('assessments/:id/priority-progress')
  @Access('official')
  @ApiOperation({ summary: 'Report progress on the previous edition\u2019s priorities' })
  progress(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReportProgressDto) {
    return this.priorities.reportProgress(actor, id, body.reports);
  }

  @Get('assessments/:id/audit')
  @Access('reviewer', 'admin')
  @ApiOperation({ summary: 'The audit trail of an assessment: who changed what, when, before and after' })
  async auditTrail(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.views.view(actor, id);
    return this.audit.forAssessment(id);
  }
}
