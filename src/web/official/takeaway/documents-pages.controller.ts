import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { projectRoot } from '../../../config/project-root';
import Handlebars from 'handlebars';
import { APPROVED_STATES, STATE_LABELS } from '../../../core/assessment/assessment-state';
import { AssessmentViewService } from '../../../core/assessment/assessment-view.service';
import { Access, CurrentActor } from '../../../core/auth/access.decorator';
import type { Actor } from '../../../core/auth/actor';
import { CertificationService } from '../../../core/certification/certification.service';
import { SealRegistryService } from '../../../core/certification/seal-registry.service';
import { Clock } from '../../../core/clock/clock';
import { EditionsService } from '../../../core/editions/editions.service';
import { DomainError } from '../../../core/errors/domain-error';
import { FilesService } from '../../../core/files/files.service';
import { LANGUAGES, type Language, message, translate } from '../../../core/i18n/message';
import { QuestionnaireCatalogue } from '../../../core/questionnaire/questionnaire-catalogue.service';
import { PdfRendererService } from '../../../core/rendering/pdf-renderer.service';
import { TemplatesService } from '../../../core/rendering/templates.service';
import { ReportService } from '../../../core/reporting/report.service';
import { CsrfGuard } from '../../csrf.guard';
import { WebExceptionFilter } from '../../web-exception.filter';
import { type Crumb, type WebRequest, WebPagesService } from '../../web-pages.service';
import { buildDocumentsModel, type SealFacts } from './documents-view';
import { attachment, downloadName } from './file-names';
import { buildPrintModel } from './print-view';

type AssessmentView = Awaited<ReturnType<AssessmentViewService['view']>>;

/** The print stylesheet, read once: the page links it, the PDF carries it inside (the renderer loads nothing). */
const PRINT_CSS = readFileSync(join(projectRoot(), 'assets', 'print.css'), 'utf8');

const crumbs = (id: string, ...more: Crumb[]): Crumb[] => [
  { key: 'web.home.title', href: '/inicio' },
  { key: 'web.documents.crumb.diagnosis', href: `/avaliacoes/${encodeURIComponent(id)}` },
  ...more,
];

/**
 * What an assessment offers to take away: the Relatório de Diagnóstico, the seal and the filled diagnosis
 * to print, each through the same services as the API, with the same access rules.
 */
@ApiExcludeController()
@Controller('avaliacoes/:id')
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class DocumentsPagesController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly assessments: AssessmentViewService,
    private readonly editions: EditionsService,
    private readonly reports: ReportService,
    private readonly certification: CertificationService,
    private readonly registry: SealRegistryService,
    private readonly files: FilesService,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly templates: TemplatesService,
    private readonly renderer: PdfRendererService,
    private readonly clock: Clock,
  ) {}

  @Get('documentos')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async documents(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.pages.lang(req, reply);
    const view = await this.assessments.view(actor, id);
    const edition = await this.editions.get(view.editionYear);
    const model = buildDocumentsModel(
      {
        id: view.id,
        editionYear: view.editionYear,
        government: view.government,
        stateLabel: STATE_LABELS[view.state],
        reportReady: APPROVED_STATES.includes(view.state) && view.scoreSnapshot !== null,
        seal: await this.sealOf(view),
        certificationDate: edition.calendar.certificationDate,
      },
      lang,
    );
    return this.pages.send(
      req,
      reply,
      'documents',
      {
        title: 'web.documents.title',
        breadcrumb: crumbs(id, { key: 'web.documents.title' }),
        styles: ['documents.css'],
      },
      model,
    );
  }

  /** The report in the language asked (`?idioma=en`), the page's otherwise; refused as the API refuses it. */
  @Get('relatorio.pdf')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async report(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const asked = (req.query as Record<string, unknown>).idioma;
    const lang = LANGUAGES.includes(asked as Language) ? (asked as Language) : this.pages.lang(req, reply);
    const { fileName, pdf } = await this.reports.render(actor, id, lang);
    return this.pdf(reply, fileName, pdf);
  }

  @Get('selo.pdf')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async seal(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply) {
    const view = await this.assessments.view(actor, id);
    const facts = await this.sealOf(view);
    if (!facts) {
      throw new DomainError(
        'CERTIFICATE_NOT_FOUND',
        message('web.documents.seal.not-issued', { state: STATE_LABELS[view.state] }),
      );
    }
    const seal = await this.certification.get(facts.number);
    const file = await this.files.read(seal.pdfSha256);
    return this.pdf(
      reply,
      downloadName(`selo-migracidades-${facts.number}`, view.editionYear, view.government),
      file.bytes,
    );
  }

  @Get('imprimir')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async print(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.pages.lang(req, reply);
    const view = await this.assessments.view(actor, id);
    const content = this.templates.render('web/print-content', { lang, ...this.printModel(view, lang) });
    return this.pages.send(
      req,
      reply,
      'print',
      {
        title: 'web.print.title',
        breadcrumb: crumbs(
          id,
          { key: 'web.documents.title', href: `/avaliacoes/${encodeURIComponent(id)}/documentos` },
          { key: 'web.print.title' },
        ),
        styles: ['print.css'],
      },
      {
        content: new Handlebars.SafeString(content),
        pdfHref: `/avaliacoes/${encodeURIComponent(id)}/imprimir.pdf`,
        documentsHref: `/avaliacoes/${encodeURIComponent(id)}/documentos`,
      },
    );
  }

  @Get('imprimir.pdf')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async printPdf(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.pages.lang(req, reply);
    const view = await this.assessments.view(actor, id);
    const content = this.templates.render('web/print-content', { lang, ...this.printModel(view, lang) });
    const html = this.templates.render('web/print-document', {
      lang,
      title: translate('web.print.title', lang),
      css: new Handlebars.SafeString(PRINT_CSS),
      content: new Handlebars.SafeString(content),
    });
    const pdf = await this.renderer.render(html);
    return this.pdf(reply, downloadName('diagnostico-migracidades', view.editionYear, view.government), pdf);
  }

  private printModel(view: AssessmentView, lang: Language) {
    return buildPrintModel(
      { ...view, stateLabel: STATE_LABELS[view.state] },
      (group, version) => this.catalogue.version(group, version),
      (group) => this.catalogue.group(group).definition.number,
      lang,
      this.clock.today(),
    );
  }

  /** The government's seal of this edition (its newest, if it was re-issued), as the public verification tells it. */
  private async sealOf(view: AssessmentView): Promise<SealFacts | null> {
    const seals = await this.registry.listForEdition(view.editionYear);
    const mine = seals.find((s) => s.ibgeCode === view.government.ibgeCode && !s.replacedBy);
    if (!mine) return null;
    const seal = await this.registry.verify(mine.number);
    if (seal.status === 'unknown') return null;
    return {
      number: seal.number,
      status: seal.status,
      levelLabel: seal.levelLabel,
      validFrom: seal.validFrom,
      validUntil: seal.validUntil,
      revokedAt: seal.revokedAt,
      revocationReason: seal.revocationReason,
      verificationUrl: seal.verificationUrl,
    };
  }

  private pdf(reply: FastifyReply, fileName: string, pdf: Buffer): FastifyReply {
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(fileName))
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}
