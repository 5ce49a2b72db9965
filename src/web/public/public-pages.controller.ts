import { Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../core/auth/access.decorator';
import { SealRegistryService } from '../../core/certification/seal-registry.service';
import { DashboardService } from '../../core/dashboard/dashboard.service';
import { DomainError } from '../../core/errors/domain-error';
import { GoodPracticesService } from '../../core/good-practices/good-practices.service';
import type { GoodPracticeQueryDto } from '../../core/good-practices/good-practices.dto';
import { readMultipart } from '../../core/http/multipart';
import { message, translate } from '../../core/i18n/message';
import { ProgressService } from '../../core/progress/progress.service';
import { QuestionnaireCatalogue } from '../../core/questionnaire/questionnaire-catalogue.service';
import { CsrfGuard } from '../csrf.guard';
import { buildProgressModel } from '../official/takeaway/progress-view';
import { WebExceptionFilter } from '../web-exception.filter';
import { type WebRequest, WebPagesService } from '../web-pages.service';
import {
  buildDashboard,
  buildPractices,
  buildVerdict,
  type Measure,
  MEASURES,
  type VerdictSource,
} from './public-view';
import { buildCertified, certifiedPaging } from './certified-view';

const UF = /^[A-Z]{2}$/;
const YEAR = /^\d{4}$/;
const IBGE_CODE = /^\d{2}(\d{5})?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const home = { key: 'web.public.home.crumb', href: '/' } as const;
const STYLES = ['public.css'];

/**
 * The public pages, without sign-in, on the site's design: the programme's home, the verification of a seal
 * (by number, PDF or credential, the same registry as `/api/verify`), the certified governments of an
 * edition, the bank of good practices, a government's public progress and the national dashboard with its
 * map of Brazil. Every filter is a GET form; the only POST is the document check.
 */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class PublicPagesController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly registry: SealRegistryService,
    private readonly dashboard: DashboardService,
    private readonly practices: GoodPracticesService,
    private readonly progress: ProgressService,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  @Get()
  @Public()
  async home(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const d = await this.dashboard.national();
    // The latest edition with seals: the current one has none until the university certifies it.
    const sealed = d.editions.filter((e) => e.certified > 0).map((e) => e.year);
    const year = sealed.length ? Math.max(...sealed) : d.edition;
    const certified = await this.registry.certifiedPage(year).catch(() => null);
    const practices = await this.practices.publicList({ limit: 3, offset: 0 } as GoodPracticeQueryDto);
    return this.pages.send(
      req,
      reply,
      'public-home',
      { title: 'web.public.home.title', mainForm: 'verify-number-form', styles: STYLES },
      {
        edition: d.edition,
        sealYear: year,
        totals: d.totals,
        certified: certified ? buildCertified(certified, lang).seals.slice(0, 12) : [],
        certifiedCount: certified?.total ?? 0,
        practices: buildPractices(practices, {}, this.groups(), lang).items,
        number: '',
        numberError: null,
      },
    );
  }

  /** `/verificar?numero=` from the home page's box, without JavaScript: on to the seal's own address. */
  @Get('verificar')
  @Public()
  lookUp(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const asked = (req.query as Record<string, unknown>).numero;
    const number = typeof asked === 'string' ? asked.trim().toUpperCase() : '';
    if (!number)
      return this.verifyForm(req, reply, null, [{ field: 'numero', key: 'web.public.verify.number-missing' }]);
    return this.pages.redirect(reply, `/verify/${encodeURIComponent(number)}`);
  }

  /** The document check on its own, linked from the home page's box. */
  @Get('verificar/arquivo')
  @Public()
  verifyFile(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.verifyForm(req, reply, null, []);
  }

  @Get('verify/:number')
  @Public()
  async verify(@Param('number') number: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const result = (await this.registry.verify(number)) as VerdictSource;
    return this.verifyForm(req, reply, result, [], result.status === 'unknown' ? 404 : 200);
  }

  @Post('verificar')
  @Public()
  async verifyDocument(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    this.pages.lang(req, reply);
    const form = req.isMultipart() ? await readMultipart(req) : null;
    const file = form?.files.find((f) => f.field === 'file' && f.bytes.length > 0);
    if (!file) return this.verifyForm(req, reply, null, [{ field: 'file', key: 'web.public.verify.file-missing' }]);
    const isPdf = file.bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    const result = (await this.registry.verifyDocument(
      isPdf ? { pdf: file.bytes } : { credential: file.bytes.toString('utf8').trim() },
    )) as VerdictSource;
    return this.verifyForm(req, reply, result, [], 200, true);
  }

  private verifyForm(
    req: WebRequest,
    reply: FastifyReply,
    result: VerdictSource | null,
    problems: { field: string; key: 'web.public.verify.file-missing' | 'web.public.verify.number-missing' }[],
    status = problems.length ? 400 : 200,
    fromDocument = false,
  ) {
    const lang = this.pages.lang(req, reply);
    const errors = problems.map((p) => ({ field: p.field, text: translate(p.key, lang) }));
    return this.pages.send(
      req,
      reply,
      'public-verify',
      {
        title: 'web.public.verify.title',
        breadcrumb: [home, { key: 'web.public.verify.title' }],
        status,
        errors,
        mainForm: 'verify-file-form',
        styles: STYLES,
      },
      {
        verdict: result ? buildVerdict(result, lang) : null,
        fromDocument,
        fileError: errors.find((e) => e.field === 'file')?.text ?? null,
        numberError: errors.find((e) => e.field === 'numero')?.text ?? null,
        number: result?.number ?? '',
      },
    );
  }

  /** The latest edition's certified governments (the menu's link). */
  @Get('certificados')
  @Public()
  async latestCertified(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    // The language asked for (remembered by its cookie) and the filters go along to the edition's page.
    this.pages.lang(req, reply);
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    return this.pages.redirect(reply, `/certificados/${(await this.dashboard.national()).edition}${query}`);
  }

  @Get('certificados/:year')
  @Public()
  async certified(@Param('year') year: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    if (!YEAR.test(year)) throw this.notFound();
    const asked = (req.query as Record<string, unknown>).uf;
    const uf = typeof asked === 'string' && asked.trim() ? asked.trim().toUpperCase() : null;
    const bad = uf !== null && !UF.test(uf);
    const page = await this.registry.certifiedPage(
      Number(year),
      bad ? undefined : (uf ?? undefined),
      certifiedPaging((req.query as Record<string, unknown>).pagina),
    );
    const errors = bad ? [{ field: 'uf', text: translate('web.public.filter.uf-invalid', lang) }] : [];
    return this.pages.send(
      req,
      reply,
      'public-certified',
      {
        title: 'web.public.certified.title',
        breadcrumb: [home, { key: 'web.public.certified.title' }],
        status: bad ? 400 : 200,
        errors,
        mainForm: 'certified-filter',
        styles: STYLES,
      },
      { ...buildCertified(page, lang, bad ? null : uf), uf: uf ?? '', ufError: errors[0]?.text ?? null },
    );
  }

  @Get('boas-praticas')
  @Public()
  async goodPractices(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const q = req.query as Record<string, unknown>;
    const text = (name: string) => (typeof q[name] === 'string' ? (q[name] as string).trim() : '');
    const values = { group: text('group'), uf: text('uf').toUpperCase(), edition: text('edition') };
    const problems: { field: string; text: string }[] = [];
    if (values.group && !SLUG.test(values.group))
      problems.push({ field: 'group', text: translate('web.public.filter.group-invalid', lang) });
    if (values.uf && !UF.test(values.uf))
      problems.push({ field: 'uf', text: translate('web.public.filter.uf-invalid', lang) });
    if (values.edition && !YEAR.test(values.edition))
      problems.push({ field: 'edition', text: translate('web.public.filter.edition-invalid', lang) });
    const limit = Math.min(100, Math.max(1, Number(text('limit')) || 20));
    const offset = Math.max(0, Number(text('offset')) || 0);
    const ok = (field: keyof typeof values) =>
      values[field] && !problems.some((p) => p.field === field) ? values[field] : undefined;
    const filters = { group: ok('group'), uf: ok('uf'), edition: ok('edition') };
    const list = await this.practices.publicList({
      group: filters.group,
      uf: filters.uf,
      edition: filters.edition ? Number(filters.edition) : undefined,
      limit,
      offset,
    } as GoodPracticeQueryDto);
    const editions = (await this.dashboard.national()).editions.map((e) => e.year);
    return this.pages.send(
      req,
      reply,
      'public-practices',
      {
        title: 'web.public.practices.title',
        breadcrumb: [home, { key: 'web.public.practices.title' }],
        status: problems.length ? 400 : 200,
        errors: problems,
        mainForm: 'practices-filter',
        styles: STYLES,
      },
      {
        ...buildPractices(list, filters, this.groups(), lang, editions),
        values,
        error: Object.fromEntries(
          ['group', 'uf', 'edition'].map((f) => [f, problems.find((p) => p.field === f)?.text ?? null]),
        ),
      },
    );
  }

  @Get('governos/:ibge')
  @Public()
  async government(@Param('ibge') ibge: string, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    if (!IBGE_CODE.test(ibge)) throw this.notFound();
    const history = await this.progress.history(ibge);
    const latest = history.editions.at(-1);
    const peers = latest ? await this.progress.peers(ibge, latest.editionYear) : null;
    const model = buildProgressModel(
      {
        government: history.government,
        history,
        peers,
        groups: this.groups().map((g) => ({ slug: g.slug, title: g.title })),
      },
      lang,
    );
    return this.pages.send(
      req,
      reply,
      'public-government',
      {
        title: 'web.public.government.title',
        breadcrumb: [home, { key: 'web.public.government.title' }],
        styles: ['progress.css', ...STYLES],
      },
      {
        model,
        government: history.government,
        editions: history.editions.map((e) => ({ year: e.editionYear, index: e.index })),
      },
    );
  }

  @Get('painel')
  @Public()
  async nationalDashboard(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const q = req.query as Record<string, unknown>;
    const edition = typeof q.edition === 'string' && YEAR.test(q.edition) ? Number(q.edition) : undefined;
    const measure = MEASURES.includes(q.measure as Measure) ? (q.measure as Measure) : 'enrolled';
    const d = await this.dashboard.national(edition);
    return this.pages.send(
      req,
      reply,
      'public-dashboard',
      {
        title: 'web.public.dashboard.title',
        breadcrumb: [home, { key: 'web.public.dashboard.title' }],
        styles: STYLES,
      },
      { model: buildDashboard(d, measure, lang) },
    );
  }

  private groups() {
    return this.catalogue.groups().map((g) => ({ slug: g.definition.slug, title: g.latest.title }));
  }

  private notFound() {
    return new DomainError('ROUTE_NOT_FOUND', message('error.ROUTE_NOT_FOUND'));
  }
}
