import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator';
import { TemplatesService } from '../rendering/templates.service';
import { editionsChart, groupMediansChart, indexHistogramChart } from './dashboard-charts';
import { DashboardService } from './dashboard.service';
import { sendHtml } from '../http/html';

export class DashboardQueryDto {
  @ApiPropertyOptional({ description: 'Edition year; the latest edition when absent', example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  edition?: number;
}

const score = (n: number | null) => (n === null ? '—' : n.toLocaleString('pt-BR', { maximumFractionDigits: 1 }));

@ApiTags('dashboard')
@Controller()
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly templates: TemplatesService,
  ) {}

  @Get('painel')
  @Public()
  @ApiOperation({ summary: 'Public page (HTML) of the national dashboard, with charts (SVG from Apache ECharts)' })
  async page(@Query() query: DashboardQueryDto, @Res() reply: FastifyReply) {
    const d = await this.dashboard.national(query.edition);
    const html = this.templates.render('pages/dashboard', {
      ...d,
      indexMedian: score(d.index.median),
      groups: d.groups.map((g) => ({ ...g, q1Text: score(g.q1), medianText: score(g.median), q3Text: score(g.q3) })),
      states: d.states.map((s) => ({ ...s, medianText: score(s.medianIndex) })),
      priorities: d.priorities.map((p) => ({ ...p, shareText: `${score(p.share)}%` })),
      charts: {
        editions: editionsChart(d.editions),
        index: indexHistogramChart(d.index.histogram),
        groups: groupMediansChart(d.groups.map((g) => ({ label: g.name['pt-BR'], median: g.median }))),
      },
    });
    return sendHtml(reply, html);
  }

  @Get('api/dashboard/national')
  @Public()
  @ApiOperation({
    summary:
      'The national picture of an edition: counts per edition, region and state, score spreads per group, priorities',
  })
  national(@Query() query: DashboardQueryDto) {
    return this.dashboard.national(query.edition);
  }
}
