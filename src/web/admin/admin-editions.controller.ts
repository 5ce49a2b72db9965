import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { CreateEditionDto, DeadlineExtensionDto, UpdateEditionDto } from '../../core/editions/editions.dto';
import { EditionsService } from '../../core/editions/editions.service';
import { DomainError, type FieldProblem } from '../../core/errors/domain-error';
import { GovernmentsService } from '../../core/governments/governments.service';
import { validateAs } from '../../core/http/validation';
import { formatDate, message } from '../../core/i18n/message';
import { QuestionnaireCatalogue } from '../../core/questionnaire/questionnaire-catalogue.service';
import { CsrfGuard } from '../csrf.guard';
import { isoDay } from '../official/enrolment/course-form';
import { errorOf, fieldId, formProblems } from '../official/enrolment/form-problems';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../web-pages.service';
import {
  editionFormView,
  editionInput,
  editionProblems,
  type EditionValues,
  editionValues,
  editionValuesOf,
  type GroupChoice,
} from './edition-form';
import { calendarRows, changeSummary, ruleText, validityText, versionChanges } from './edition-view';

type Form = Record<string, unknown>;
const FORM_CODES = new Set(['VALIDATION_FAILED', 'ALREADY_EXISTS']);
const EXTENSION_FIELDS = ['government', 'until', 'reason'] as const;
const str = (body: Form | undefined, name: string) =>
  typeof body?.[name] === 'string' ? (body[name] as string).trim() : '';

/** The administrators' editions: the list, a new edition with its calendar and pinned versions, one edition. */
@ApiExcludeController()
@Controller('admin')
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class AdminEditionsController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly editions: EditionsService,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly governments: GovernmentsService,
  ) {}

  @Get()
  @Access('admin')
  overview(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.pages.send(req, reply, 'admin', { title: 'web.admin.title', styles: ['admin.css'] });
  }

  @Get('edicoes')
  @Access('admin')
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const query = req.query as Record<string, unknown>;
    const notice = query.criada
      ? this.pages.text(req, 'web.admin.edition.created', { year: String(query.criada) })
      : null;
    return this.editionsPage(req, reply, editionValues({}, this.groups()), [], 200, notice);
  }

  @Post('edicoes')
  @Access('admin')
  async create(@CurrentActor() actor: Actor, @Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: Form) {
    const lang = this.pages.lang(req, reply);
    const groups = this.groups();
    const values = editionValues(body ?? {}, groups);
    try {
      const input = validateAs(CreateEditionDto, editionInput(values, groups), '');
      await this.editions.create(actor, input);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      return this.editionsPage(req, reply, values, editionProblems(lang, e.fields, groups), 422, null);
    }
    return this.pages.redirect(reply, `/admin/edicoes/${values.year}?criada=1`);
  }

  @Get('edicoes/:year')
  @Access('admin')
  async edition(@Param('year') year: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const query = req.query as Record<string, unknown>;
    const notice =
      query.criada === '1'
        ? this.pages.text(req, 'web.admin.edition.created', { year })
        : query.alterada === '1'
          ? this.pages.text(req, 'web.admin.edition.updated', { year })
          : query.prorrogado === '1'
            ? this.pages.text(req, 'web.admin.extension.recorded')
            : null;
    return this.editionPage(req, reply, this.yearOf(year), { government: '', until: '', reason: '' }, [], 200, notice);
  }

  @Get('edicoes/:year/alterar')
  @Access('admin')
  async editForm(@Param('year') year: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const edition = await this.editions.get(this.yearOf(year));
    return this.editPage(req, reply, edition.year, editionValuesOf(edition, this.groups()), [], 200);
  }

  @Post('edicoes/:year')
  @Access('admin')
  async update(
    @CurrentActor() actor: Actor,
    @Param('year') year: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const number = this.yearOf(year);
    await this.editions.get(number);
    const groups = this.groups();
    const values = editionValues({ ...body, year }, groups);
    try {
      const { year: _year, ...changes } = editionInput(values, groups);
      await this.editions.update(actor, number, validateAs(UpdateEditionDto, changes, ''));
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      return this.editPage(req, reply, number, values, editionProblems(lang, e.fields, groups), 422);
    }
    return this.pages.redirect(reply, `/admin/edicoes/${number}?alterada=1`);
  }

  @Post('edicoes/:year/prorrogacoes')
  @Access('admin')
  async extend(
    @CurrentActor() actor: Actor,
    @Param('year') year: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
    @Body() body: Form,
  ) {
    const lang = this.pages.lang(req, reply);
    const number = this.yearOf(year);
    const values = Object.fromEntries(EXTENSION_FIELDS.map((f) => [f, str(body, f)]));
    const fields: FieldProblem[] = [];
    const governmentCode = await this.governmentCode(values.government, fields);
    try {
      const input = validateAs(
        DeadlineExtensionDto,
        { governmentCode: governmentCode ?? '00', until: isoDay(values.until), reason: values.reason },
        '',
      );
      if (fields.length === 0) await this.editions.extendDeadline(actor, number, input);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      fields.push(...e.fields.filter((f) => f.field !== 'governmentCode' || governmentCode));
    }
    if (fields.length > 0) {
      const problems = formProblems(
        fields,
        (p) => (p === 'governmentCode' ? 'government' : (EXTENSION_FIELDS as readonly string[]).includes(p) ? p : null),
        (field, reason) =>
          this.pages.text(req, 'web.admin.problem', {
            field: this.pages.text(req, `web.admin.extension.field.${field as (typeof EXTENSION_FIELDS)[number]}`),
            reason: reason[lang],
          }),
        [...EXTENSION_FIELDS],
      );
      return this.editionPage(req, reply, number, values, problems, 422, null);
    }
    return this.pages.redirect(reply, `/admin/edicoes/${number}?prorrogado=1#prorrogacoes`);
  }

  /** A government typed as its IBGE code, or as a name that only one government bears. */
  private async governmentCode(typed: string, fields: FieldProblem[]): Promise<string | null> {
    if (typed === '') {
      fields.push({ field: 'government', message: message('web.admin.extension.government-missing') });
      return null;
    }
    if (/^\d{2}(\d{5})?$/.test(typed)) return typed;
    const found = await this.governments.search({ q: typed, limit: 6, offset: 0 });
    if (found.total === 1) return found.items[0].ibgeCode;
    fields.push({
      field: 'government',
      message:
        found.total === 0
          ? message('web.admin.extension.government-none', { name: typed })
          : message('web.admin.extension.government-several', {
              count: found.total,
              examples: { list: found.items.slice(0, 5).map((g) => `${g.name}/${g.uf} (${g.ibgeCode})`) },
            }),
    });
    return null;
  }

  private yearOf(year: string): number {
    const number = Number(year);
    if (!/^\d{4}$/.test(year)) throw new DomainError('EDITION_NOT_FOUND', message('editions.not-found', { year }));
    return number;
  }

  private groups(): GroupChoice[] {
    return this.catalogue
      .groups()
      .sort((a, b) => a.definition.number - b.definition.number)
      .map(({ definition, versions, latest }) => ({
        slug: definition.slug,
        title: latest.title,
        versions: [...versions.keys()].sort((a, b) => a - b),
      }));
  }

  private async editionsPage(
    req: WebRequest,
    reply: FastifyReply,
    values: EditionValues,
    errors: FormProblem[],
    status: number,
    notice: string | null,
  ) {
    const lang = this.pages.lang(req, reply);
    const editions = await this.editions.list();
    return this.pages.send(
      req,
      reply,
      'admin-editions',
      {
        title: 'web.admin.editions.title',
        breadcrumb: [{ key: 'web.admin.title', href: '/admin' }, { key: 'web.admin.editions.title' }],
        status,
        mainForm: 'edition-form',
        errors,
        notice,
        styles: ['admin.css'],
        scripts: ['admin.js'],
      },
      {
        editions: [...editions].reverse().map((e) => ({
          year: e.year,
          href: `/admin/edicoes/${e.year}`,
          enrolment: this.pages.text(req, 'web.admin.editions.enrolment', {
            opens: { date: e.calendar.enrolmentOpens },
            closes: { date: e.calendar.enrolmentCloses },
          }),
          deadline: formatDate(e.calendar.diagnosisDeadline, lang),
          certification: formatDate(e.calendar.certificationDate, lang),
        })),
        form: editionFormView(lang, values, errors, this.groups()),
      },
    );
  }

  private editPage(
    req: WebRequest,
    reply: FastifyReply,
    year: number,
    values: EditionValues,
    errors: FormProblem[],
    status: number,
  ) {
    const lang = this.pages.lang(req, reply);
    return this.pages.send(
      req,
      reply,
      'admin-edition-edit',
      {
        title: 'web.admin.edition.edit-title',
        breadcrumb: [
          { key: 'web.admin.title', href: '/admin' },
          { key: 'web.admin.editions.title', href: '/admin/edicoes' },
          { key: 'web.admin.edition.edit-title' },
        ],
        status,
        mainForm: 'edition-form',
        errors,
        styles: ['admin.css'],
        scripts: ['admin.js'],
      },
      {
        lead: this.pages.text(req, 'web.admin.edition.heading', { year }),
        action: `/admin/edicoes/${year}`,
        back: `/admin/edicoes/${year}`,
        form: editionFormView(lang, values, errors, this.groups()),
      },
    );
  }

  private async editionPage(
    req: WebRequest,
    reply: FastifyReply,
    year: number,
    values: Record<string, string>,
    errors: FormProblem[],
    status: number,
    notice: string | null,
  ) {
    const lang = this.pages.lang(req, reply);
    const edition = await this.editions.get(year);
    const extensions = await this.editions.listExtensions(year);
    const groups = this.catalogue
      .groups()
      .sort((a, b) => a.definition.number - b.definition.number)
      .map(({ definition, versions }) => {
        const version = edition.pinnedVersions[definition.slug];
        const pinned = versions.get(version);
        const previous = pinned?.follows !== undefined ? versions.get(pinned.follows) : undefined;
        const changes = pinned && previous ? versionChanges(previous, pinned, lang) : [];
        return {
          id: `group-${definition.slug}`,
          title: pinned ? pinned.title[lang] : definition.slug,
          version: this.pages.text(req, 'web.admin.version', { version }),
          latest: version === Math.max(...versions.keys()),
          follows: previous ? this.pages.text(req, 'web.admin.version', { version: previous.version }) : null,
          summary: changes.length > 0 ? changeSummary(changes, lang) : null,
          changes,
          compare: previous
            ? `/api/indicator-groups/${definition.slug}/compare?from=${previous.version}&to=${version}`
            : null,
        };
      });
    const extensionField = (name: (typeof EXTENSION_FIELDS)[number]) => {
      const error = errorOf(errors, name);
      return {
        id: fieldId(`extension-${name}`),
        name,
        value: values[name] ?? '',
        error,
        describedBy: [`extension-${name}-hint`, error ? `extension-${name}-error` : null].filter(Boolean).join(' '),
      };
    };
    // The error summary links to each field by its id.
    const linked = errors.map((p) => ({ ...p, field: `extension-${p.field}` }));
    return this.pages.send(
      req,
      reply,
      'admin-edition',
      {
        title: 'web.admin.edition.title',
        breadcrumb: [
          { key: 'web.admin.title', href: '/admin' },
          { key: 'web.admin.editions.title', href: '/admin/edicoes' },
          { key: 'web.admin.edition.title' },
        ],
        status,
        mainForm: 'extension-form',
        errors: linked,
        notice,
        styles: ['admin.css'],
      },
      {
        lead: this.pages.text(req, 'web.admin.edition.heading', { year }),
        calendar: calendarRows(edition.calendar, lang),
        rule: ruleText(edition.certificationRule, lang),
        validity: validityText(edition.sealValidity, lang),
        groups,
        extensions: extensions.map((x) => ({
          government: x.governmentCode,
          until: formatDate(x.until, lang),
          reason: x.reason,
          at: formatDate(x.createdAt, lang),
        })),
        action: `/admin/edicoes/${year}/prorrogacoes`,
        edit: `/admin/edicoes/${year}/alterar`,
        extension: {
          government: extensionField('government'),
          until: extensionField('until'),
          reason: extensionField('reason'),
        },
      },
    );
  }
}
