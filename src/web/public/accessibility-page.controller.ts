import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../core/auth/access.decorator';
import { WebExceptionFilter } from '../web-exception.filter';
import { type WebRequest, WebPagesService } from '../web-pages.service';

/** The page on the site's accessibility features (eMAG asks for one on every government site). */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
export class AccessibilityPageController {
  constructor(private readonly pages: WebPagesService) {}

  @Get('acessibilidade')
  @Public()
  page(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.pages.send(req, reply, 'accessibility', {
      title: 'web.a11y.title',
      breadcrumb: [{ key: 'web.menu.home', href: '/inicio' }, { key: 'web.a11y.title' }],
    });
  }
}
