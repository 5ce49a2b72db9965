import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { EnrolmentDto } from '../../../core/assessment/assessment.dto';
import { EditionsService } from '../../../core/editions/editions.service';
import { EnrolmentService } from '../../../core/assessment/enrolment.service';
import { Access, CurrentActor } from '../../../core/auth/access.decorator';
import type { Actor } from '../../../core/auth/actor';
import { CSRF_FIELD } from '../../../core/auth/web-session';
import { DomainError, type FieldProblem } from '../../../core/errors/domain-error';
import { formDigest, formRequest, IDEMPOTENCY_FIELD, seeOther } from '../../../core/http/idempotency';
import { IdempotencyService } from '../../../core/http/idempotency.service';
import { type MultipartForm, readMultipart } from '../../../core/http/multipart';
import { IntParamPipe, validateAs } from '../../../core/http/validation';
import { message } from '../../../core/i18n/message';
import { CsrfGuard } from '../../csrf.guard';
import { WebExceptionFilter } from '../../web-exception.filter';
import { type Crumb, type FormProblem, type WebRequest, WebPagesService } from '../../web-pages.service';
import {
  enrolmentData,
  enrolmentFormView,
  enrolmentProblems,
  type EnrolmentValues,
  enrolmentValues,
  LETTER_FIELD,
} from './enrolment-form';
import { chosenFile, uploadLimitMb } from './form-problems';

/** Problems a form can fix (a field, the file), as opposed to those that are pages (403, 404, closed). */
const FORM_CODES = new Set(['VALIDATION_FAILED', 'UPLOAD_REJECTED', 'UPLOAD_TOO_LARGE']);

const HOME: Crumb = { key: 'web.menu.home', href: '/inicio' };

/** Enrolment of the official's government in an edition: the form with the letter of intent. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class EnrolmentPageController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pages: WebPagesService,
    private readonly enrolment: EnrolmentService,
    private readonly editions: EditionsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The form of the edition open for enrolment, or a page saying that none is. */
  @Get('inscricao')
  @Access('official')
  async open(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const [edition] = await this.editions.openForEnrolment();
    if (edition) return this.pages.redirect(reply, `/edicoes/${edition.year}/inscricao`);
    return this.pages.send(
      req,
      reply,
      'enrolment-closed',
      { title: 'web.enrolment.title', breadcrumb: [HOME, { key: 'web.enrolment.title' }] },
      { reason: this.pages.text(req, 'web.enrolment.none-open'), year: null },
    );
  }

  @Get('edicoes/:ano/inscricao')
  @Access('official')
  async form(
    @CurrentActor() actor: Actor,
    @Param('ano', IntParamPipe) year: number,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.pages.lang(req, reply);
    const availability = await this.enrolment.availability(actor, year, this.government(actor));
    if (availability.assessmentId) return this.enrolledPage(req, reply, year, availability.assessmentId, 200);
    if (availability.closed) return this.closedPage(req, reply, year, availability.closed[lang], 200);
    return this.formPage(req, reply, year, enrolmentValues({}), [], 200, false);
  }

  @Post('edicoes/:ano/inscricao')
  @Access('official')
  async enrol(
    @CurrentActor() actor: Actor,
    @Param('ano', IntParamPipe) year: number,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.pages.lang(req, reply);
    let form: MultipartForm;
    try {
      form = await readMultipart(req);
    } catch (e) {
      // A file over the limit stops the reading: the typed values are lost with it, and the page says why.
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      const values = enrolmentValues({});
      return this.formPage(req, reply, year, values, enrolmentProblems(lang, values, e.fields, []), 413, true);
    }
    const values = enrolmentValues(form.fields);
    const { data, rows } = enrolmentData(values, this.government(actor));
    const letter = chosenFile(form.files, LETTER_FIELD);
    const fields: FieldProblem[] = [];
    try {
      validateAs(EnrolmentDto, data, '');
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      fields.push(...e.fields);
    }
    if (!letter)
      fields.push({ field: LETTER_FIELD, code: 'FILE_REQUIRED', message: message('web.enrolment.letter.missing') });
    if (fields.length > 0) {
      return this.formPage(req, reply, year, values, enrolmentProblems(lang, values, fields, rows), 422, true);
    }
    try {
      // The form's key: a double click or a resent form enrols once and leads to the same page.
      const key = formRequest(
        actor.id,
        req,
        form.fields[IDEMPOTENCY_FIELD],
        formDigest(form, [IDEMPOTENCY_FIELD, CSRF_FIELD]),
      );
      const done = await this.idempotency.once(key, async () => {
        const assessment = await this.enrolment.enrol(actor, year, validateAs(EnrolmentDto, data, ''), letter);
        return seeOther(`/avaliacoes/${assessment.id}/curso?inscricao=1`);
      });
      return this.pages.redirect(reply, done.headers.location);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'ENROLMENT_CLOSED') return this.closedPage(req, reply, year, e.userMessage[lang], 409);
      if (e.code === 'ALREADY_EXISTS') {
        const { assessmentId } = await this.enrolment.availability(actor, year, this.government(actor));
        if (assessmentId) return this.enrolledPage(req, reply, year, assessmentId, 409);
      }
      if (!FORM_CODES.has(e.code) || e.fields.length === 0) throw e;
      return this.formPage(req, reply, year, values, enrolmentProblems(lang, values, e.fields, rows), 422, true);
    }
  }

  /** An official enrols their own government (an official without one is refused as the API refuses it). */
  private government(actor: Actor): string {
    if (!actor.governmentCode) throw new DomainError('FORBIDDEN', message('auth.own-government-only'));
    return actor.governmentCode;
  }

  private formPage(
    req: WebRequest,
    reply: FastifyReply,
    year: number,
    values: EnrolmentValues,
    errors: FormProblem[],
    status: number,
    submitted: boolean,
  ) {
    const lang = this.pages.lang(req, reply);
    return this.pages.send(
      req,
      reply,
      'enrolment',
      {
        title: 'web.enrolment.title',
        breadcrumb: [HOME, { key: 'web.enrolment.title' }],
        status,
        mainForm: 'enrolment-form',
        errors,
        styles: ['enrolment.css'],
        scripts: ['enrolment.js'],
      },
      {
        year,
        intro: this.pages.text(req, 'web.enrolment.intro', { year }),
        action: `/edicoes/${year}/inscricao`,
        // A browser never keeps a chosen file across pages: after a failed submit it must be chosen again.
        chooseAgain: submitted,
        limit: uploadLimitMb(this.config.maxUploadBytes),
        maxBytes: this.config.maxUploadBytes,
        idempotencyField: IDEMPOTENCY_FIELD,
        idempotencyKey: randomUUID(),
        form: enrolmentFormView(lang, values, errors),
      },
    );
  }

  private closedPage(req: WebRequest, reply: FastifyReply, year: number, reason: string, status: number) {
    return this.pages.send(
      req,
      reply,
      'enrolment-closed',
      { title: 'web.enrolment.title', breadcrumb: [HOME, { key: 'web.enrolment.title' }], status },
      { reason, year },
    );
  }

  private enrolledPage(req: WebRequest, reply: FastifyReply, year: number, assessmentId: string, status: number) {
    return this.pages.send(
      req,
      reply,
      'enrolment-done',
      { title: 'web.enrolment.title', breadcrumb: [HOME, { key: 'web.enrolment.title' }], status },
      {
        text: this.pages.text(req, 'web.enrolment.already', { year }),
        diagnosis: `/avaliacoes/${assessmentId}`,
        course: `/avaliacoes/${assessmentId}/curso`,
      },
    );
  }
}
