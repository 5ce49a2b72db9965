import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../core/auth/access.decorator';
import { SignInsService } from '../../core/auth/sign-ins.service';
import { WebExceptionFilter } from '../web-exception.filter';
import { type WebRequest, WebPagesService } from '../web-pages.service';
import {
  outcomeOptions,
  retentionNote,
  signInFilters,
  signInPagination,
  signInQuery,
  signInRow,
  throttleRules,
} from './sign-ins-view';

/** The administrators' record of sign-in attempts, with the filters of GET /api/auth/sign-ins. */
@ApiExcludeController()
@Controller('admin/acessos')
@UseFilters(WebExceptionFilter)
export class AdminSignInsController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly signIns: SignInsService,
  ) {}

  @Get()
  @Access('admin')
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const lang = this.pages.lang(req, reply);
    const filters = signInFilters(req.query as Record<string, unknown>);
    const page = await this.signIns.find(signInQuery(filters));
    return this.pages.send(
      req,
      reply,
      'admin-sign-ins',
      {
        title: 'web.admin.sign-ins.title',
        breadcrumb: [{ key: 'web.admin.title', href: '/admin' }, { key: 'web.admin.sign-ins.title' }],
        styles: ['admin.css'],
      },
      {
        filters: { email: filters.email, address: filters.address, outcomes: outcomeOptions(lang, filters.outcome) },
        rules: throttleRules(lang),
        retention: retentionNote(lang, this.signIns.retentionDays),
        signIns: page.items.map((row) => signInRow(row, lang)),
        pagination: signInPagination(filters, page.total, lang),
      },
    );
  }
}
