import { Controller, Get, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../../core/auth/access.decorator';
import { type Actor, requireGovernmentAccess } from '../../../core/auth/actor';
import { DomainError } from '../../../core/errors/domain-error';
import { translate } from '../../../core/i18n/message';
import { ProgressService } from '../../../core/progress/progress.service';
import { QuestionnaireCatalogue } from '../../../core/questionnaire/questionnaire-catalogue.service';
import { CsrfGuard } from '../../csrf.guard';
import { WebExceptionFilter } from '../../web-exception.filter';
import { type WebRequest, WebPagesService } from '../../web-pages.service';
import { buildProgressModel } from './progress-view';

const IBGE_CODE = /^\d{2}(\d{5})?$/;

/**
 * A government's progress over its approved editions and beside its peers, from the same service as
 * `GET /api/governments/:ibgeCode/history` and `/peers`: an official sees their own government, staff
 * choose one by its IBGE code (`?ibge=`).
 */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class ProgressPageController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly progress: ProgressService,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  @Get('progresso')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async page(@CurrentActor() actor: Actor, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const asked = (req.query as Record<string, unknown>).ibge;
    const ibge =
      actor.role === 'official' && !asked ? actor.governmentCode : typeof asked === 'string' ? asked.trim() : null;
    const options = {
      title: 'web.progress.title',
      breadcrumb: [{ key: 'web.home.title', href: '/inicio' }, { key: 'web.progress.title' }],
      styles: ['progress.css'],
    } as const;
    const choose = (value: string, problem: string | null) => {
      const errors = problem ? [{ field: 'ibge', text: problem }] : [];
      return this.pages.send(
        req,
        reply,
        'progress',
        { ...options, errors, mainForm: 'progress-form', status: problem ? 400 : 200 },
        { choose: { value, error: problem }, model: null },
      );
    };
    if (!ibge) return choose('', null);
    if (!IBGE_CODE.test(ibge)) return choose(ibge, translate('web.progress.choose.invalid', lang));
    requireGovernmentAccess(actor, ibge);
    const history = await this.progress.history(ibge).catch((e: unknown) => {
      // A well-formed code of no government: said on the form, where it can be corrected.
      if (e instanceof DomainError && e.code === 'GOVERNMENT_NOT_FOUND') return e.userMessage[lang];
      throw e;
    });
    if (typeof history === 'string') return choose(ibge, history);
    const latest = history.editions.at(-1);
    const peers = latest ? await this.progress.peers(ibge, latest.editionYear) : null;
    const model = buildProgressModel(
      {
        government: history.government,
        history,
        peers,
        groups: this.catalogue.groups().map((g) => ({ slug: g.definition.slug, title: g.latest.title })),
      },
      lang,
    );
    return this.pages.send(req, reply, 'progress', options, {
      choose: actor.role === 'official' ? null : { value: ibge, error: null },
      model,
    });
  }
}
