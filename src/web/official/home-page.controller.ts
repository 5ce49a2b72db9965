import { Controller, Get, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Access, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import { AssessmentListQueryDto } from '../../core/assessment/assessment-list.dto';
import { AssessmentListService } from '../../core/assessment/assessment-list.service';
import { AssessmentViewService } from '../../core/assessment/assessment-view.service';
import { EditionsService } from '../../core/editions/editions.service';
import { translate } from '../../core/i18n/message';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { CsrfGuard } from '../csrf.guard';
import { WebExceptionFilter } from '../web-exception.filter';
import { type WebRequest, WebPagesService } from '../web-pages.service';
import { editionCard, noticeLine, staffAreas } from './home-view';

/** The official's home: their government's editions, the enrolments open to it, the notices addressed to them. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class HomePageController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly list: AssessmentListService,
    private readonly assessments: AssessmentViewService,
    private readonly editions: EditionsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The public home is another issue's: for now `/` leads to the sign-in or to one's home. */
  @Get('inicio')
  @Access('official', 'reviewer', 'certifier', 'admin')
  async home(@CurrentActor() actor: Actor, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const greeting = translate('web.home.greeting', lang, { name: actor.name });
    if (actor.role !== 'official') {
      return this.pages.send(
        req,
        reply,
        'staff-home',
        { title: 'web.staff.title' },
        { greeting, areas: staffAreas(actor.role, lang) },
      );
    }
    const page = await this.list.list(actor, plainToInstance(AssessmentListQueryDto, { limit: 20 }));
    const views = await Promise.all(page.items.map((item) => this.assessments.view(actor, item.id)));
    const enrolled = new Set(views.map((v) => v.editionYear));
    const open = (await this.editions.openForEnrolment()).filter((e) => !enrolled.has(e.year));
    const notices = await this.notifications.list(actor, 20);
    return this.pages.send(
      req,
      reply,
      'home',
      { title: 'web.home.title' },
      {
        greeting,
        editions: views.map((v) => editionCard(v, lang)),
        enrolments: open.map((e) => ({
          text: translate('web.home.enrolment-open', lang, {
            year: e.year,
            closes: { date: e.calendar.enrolmentCloses },
          }),
          href: `/edicoes/${e.year}/inscricao`,
          label: translate('web.home.action.enrol', lang, { year: e.year }),
        })),
        notifications: notices.map((n) => noticeLine(n, lang)),
      },
    );
  }
}
