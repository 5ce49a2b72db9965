import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator';
import { TemplatesService } from '../rendering/templates.service';
import { GoodPracticeQueryDto } from './good-practices.dto';
import { GoodPracticesService } from './good-practices.service';
import { sendHtml } from '../http/html';

/** The public bank of practice sheets ("fichas") as a page, with the API's filters and paging. */
@ApiTags('good-practices')
@Controller()
export class GoodPracticesPageController {
  constructor(
    private readonly practices: GoodPracticesService,
    private readonly templates: TemplatesService,
  ) {}

  @Get('boas-praticas')
  @Public()
  @ApiOperation({
    summary: 'Public page (HTML) of the approved good practices; same filters as GET /api/good-practices',
  })
  async page(@Query() query: GoodPracticeQueryDto, @Res() reply: FastifyReply) {
    const list = await this.practices.publicList(query);
    const link = (offset: number) =>
      `/boas-praticas?${new URLSearchParams({ ...filtersOf(query), limit: String(list.limit), offset: String(offset) })}`;
    const html = this.templates.render('pages/good-practices', {
      ...list,
      filters: Object.entries(filtersOf(query))
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
      previous: list.offset > 0 ? link(Math.max(0, list.offset - list.limit)) : null,
      next: list.offset + list.items.length < list.total ? link(list.offset + list.limit) : null,
    });
    return sendHtml(reply, html);
  }
}

function filtersOf(query: GoodPracticeQueryDto): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ group: query.group, uf: query.uf, edition: query.edition })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
