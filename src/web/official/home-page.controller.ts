import { Controller, Get, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Access, CurrentActor, Public } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { AssessmentListQueryDto } from '../../core/assessment/assessment-list.dto';
import { AssessmentListService } from '../../core/assessment/assessment-list.service';
import { STATE_LABELS } from '../../core/assessment/assessment-state';
import { AssessmentViewService } from '../../core/assessment/assessment-view.service';
import { type Language, translate } from '../../core/i18n/message';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { CsrfGuard } from '../csrf.guard';
import { WebExceptionFilter } from '../web-exception.filter';
import { type WebRequest, WebPagesService } from '../web-pages.service';

type AssessmentView = Awaited<ReturnType<AssessmentViewService['view']>>;

/** One edition as the home page shows it: stages, deadline and the next thing to do, in the reader's language. */
function editionCard(view: AssessmentView, lang: Language) {
  const { deadline, editionDeadline, extended } = view.diagnosisDeadline;
  const pending = view.stages.find((s) => s.status === 'current' || s.status === 'missing');
  const stateLabel = STATE_LABELS[view.state][lang];
  return {
    id: view.id,
    heading: translate('web.home.edition', lang, { year: view.editionYear, government: view.government.name }),
    situation: translate('web.home.situation', lang, { state: stateLabel }),
    deadline: extended
      ? translate('web.home.deadline-extended', lang, { date: { date: deadline }, original: { date: editionDeadline } })
      : translate('web.home.deadline', lang, { date: { date: deadline } }),
    stages: view.stages.map((s) => ({
      label: s.label[lang],
      status: s.status,
      statusText: translate(`web.home.stage.${s.status}`, lang),
      current: s.status === 'current',
      missing: s.missing.map((m) => m[lang]),
    })),
    next: pending?.missing.map((m) => m[lang]) ?? [],
  };
}

/** The official's home: their government's editions and the notices addressed to them. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class HomePageController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly list: AssessmentListService,
    private readonly assessments: AssessmentViewService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The public home is another issue's: for now `/` leads to the sign-in or to one's home. */
  @Get()
  @Public()
  async root(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.pages.redirect(reply, (await this.pages.optionalActor(req)) ? '/inicio' : '/entrar');
  }

  @Get('inicio')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async home(@CurrentActor() actor: Actor, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const greeting = translate('web.home.greeting', lang, { name: actor.name });
    if (actor.role !== 'official') {
      return this.pages.send(req, reply, 'staff-home', { title: 'web.staff.title' }, { greeting });
    }
    const page = await this.list.list(actor, plainToInstance(AssessmentListQueryDto, { limit: 20 }));
    const views = await Promise.all(page.items.map((item) => this.assessments.view(actor, item.id)));
    const notices = await this.notifications.list(actor, 20);
    return this.pages.send(
      req,
      reply,
      'home',
      { title: 'web.home.title' },
      {
        greeting,
        editions: views.map((v) => editionCard(v, lang)),
        notifications: notices.map((n) => ({
          subject: n.subject,
          sent: translate('web.home.notification-sent', lang, {
            date: { date: new Date(n.createdAt).toISOString().slice(0, 10) },
          }),
        })),
      },
    );
  }
}
