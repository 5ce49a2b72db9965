import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AssessmentScoped, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { ReportQueryDto } from './report.dto';
import { ReportService } from './report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Get('assessments/:id/report.pdf')
  @Access('official', 'reviewer', 'certifier', 'admin')
  @AssessmentScoped()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The Relatório de Diagnóstico (PDF) of an approved diagnosis, in pt-BR (default) or English (?lang=en)',
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: ReportQueryDto,
    @Res() reply: FastifyReply,
  ) {
    const { fileName, pdf } = await this.reports.render(actor, id, query.lang);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(pdf);
  }
}
