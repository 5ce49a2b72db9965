import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { CourseCompletionDto } from '../../../core/assessment/assessment.dto';
import { AssessmentViewService } from '../../../core/assessment/assessment-view.service';
import { EnrolmentService } from '../../../core/assessment/enrolment.service';
import { Access, CurrentActor } from '../../../core/auth/access.decorator';
import type { Actor } from '../../../core/auth/actor';
import { DomainError, type FieldProblem } from '../../../core/errors/domain-error';
import { type MultipartForm, readMultipart } from '../../../core/http/multipart';
import { validateAs } from '../../../core/http/validation';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { message } from '../../../core/i18n/message';
import { CsrfGuard } from '../../csrf.guard';
import { WebExceptionFilter } from '../../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../../web-pages.service';
import { COURSE_FIELDS, isoDay } from './course-form';
import { chosenFile, errorOf, formProblems, uploadLimitMb } from './form-problems';

const FORM_CODES = new Set(['VALIDATION_FAILED', 'UPLOAD_REJECTED', 'UPLOAD_TOO_LARGE']);

/** The focal person's ENAP course: the day it was completed and its certificate. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class CoursePageController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pages: WebPagesService,
    private readonly assessments: AssessmentViewService,
    private readonly enrolment: EnrolmentService,
  ) {}

  @Get('avaliacoes/:id/curso')
  @Access('official')
  async form(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const query = req.query as Record<string, unknown>;
    const notice =
      query.inscricao === '1' ? 'web.course.enrolled' : query.registrado === '1' ? 'web.course.recorded' : null;
    return this.page(actor, id, req, reply, '', [], 200, notice ? this.pages.text(req, notice) : null);
  }

  @Post('avaliacoes/:id/curso')
  @Access('official')
  async record(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    // The assessment first: a page of someone else's government is refused before its form is read.
    await this.assessments.view(actor, id);
    let form: MultipartForm;
    try {
      form = await readMultipart(req);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      return this.page(actor, id, req, reply, '', this.problems(req, e.fields), 413);
    }
    const typed = (form.fields[COURSE_FIELDS.date] ?? '').trim();
    const certificate = chosenFile(form.files, COURSE_FIELDS.certificate);
    const fields: FieldProblem[] = [];
    let completedAt = '';
    try {
      completedAt = validateAs(CourseCompletionDto, { completedAt: isoDay(typed) }, '').completedAt;
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      fields.push(
        ...(typed === ''
          ? [{ field: COURSE_FIELDS.date, message: message('web.course.date-missing') }]
          : e.fields.map((f) => ({ ...f, field: COURSE_FIELDS.date }))),
      );
    }
    if (!certificate) {
      fields.push({ field: COURSE_FIELDS.certificate, message: message('web.course.certificate-missing') });
    }
    if (fields.length > 0) return this.page(actor, id, req, reply, typed, this.problems(req, fields), 422);
    try {
      await this.enrolment.recordCourse(actor, id, completedAt, certificate);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code) || e.fields.length === 0) throw e;
      return this.page(actor, id, req, reply, typed, this.problems(req, e.fields), 422);
    }
    return this.pages.redirect(reply, `/avaliacoes/${id}/curso?registrado=1`);
  }

  private problems(req: WebRequest, fields: readonly FieldProblem[]): FormProblem[] {
    const lang = req.webLang ?? 'pt-BR';
    const fieldFor = (path: string) =>
      path === COURSE_FIELDS.date
        ? COURSE_FIELDS.date
        : path === 'file' || path === COURSE_FIELDS.certificate
          ? COURSE_FIELDS.certificate
          : null;
    const text = (field: string, reason: LocalizedText) =>
      this.pages.text(
        req,
        field === COURSE_FIELDS.date ? 'web.course.date-problem' : 'web.course.certificate-problem',
        {
          reason: reason[lang],
        },
      );
    return formProblems(fields, fieldFor, text, [COURSE_FIELDS.date, COURSE_FIELDS.certificate]);
  }

  private async page(
    actor: Actor,
    id: string,
    req: WebRequest,
    reply: FastifyReply,
    typed: string,
    errors: FormProblem[],
    status: number,
    notice: string | null = null,
  ) {
    this.pages.lang(req, reply);
    const view = await this.assessments.view(actor, id);
    const course = view.enrolment.course;
    const dateError = errorOf(errors, COURSE_FIELDS.date);
    const certificateError = errorOf(errors, COURSE_FIELDS.certificate);
    return this.pages.send(
      req,
      reply,
      'course',
      {
        title: 'web.course.title',
        breadcrumb: [{ key: 'web.menu.home', href: '/inicio' }, { key: 'web.course.title' }],
        status,
        mainForm: 'course-form',
        errors,
        notice,
        styles: ['enrolment.css'],
        scripts: ['enrolment.js'],
      },
      {
        intro: this.pages.text(req, 'web.course.intro', {
          year: view.editionYear,
          government: view.government.name,
          person: view.enrolment.focalPerson.name,
        }),
        recorded: course
          ? {
              text: this.pages.text(req, 'web.course.recorded-on', { date: { date: course.completedAt } }),
              file: course.certificate.fileName,
              href: `/api/assessments/${id}/files/${course.certificate.file}`,
            }
          : null,
        action: `/avaliacoes/${id}/curso`,
        diagnosis: `/avaliacoes/${id}`,
        chooseAgain: errors.length > 0,
        limit: uploadLimitMb(this.config.maxUploadBytes),
        maxBytes: this.config.maxUploadBytes,
        date: {
          id: COURSE_FIELDS.date,
          value: typed || course?.completedAt || '',
          error: dateError,
          describedBy: [`${COURSE_FIELDS.date}-hint`, dateError ? `${COURSE_FIELDS.date}-error` : null]
            .filter(Boolean)
            .join(' '),
        },
        certificate: {
          id: COURSE_FIELDS.certificate,
          error: certificateError,
        },
      },
    );
  }
}
