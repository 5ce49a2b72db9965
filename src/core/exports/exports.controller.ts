import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { IntParamPipe } from '../http/validation';
import { ExportQueryDto } from './exports.dto';
import { type ExportFile, ExportsService } from './exports.service';

const send = (reply: FastifyReply, file: ExportFile) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.stream);

/**
 * The national picture for IOM reviewers, administrators and the certifying university (which already reads
 * every assessment through the API): approved assessments with scores and answers, one row each.
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('api/editions/:year/export')
  @Access('reviewer', 'certifier', 'admin')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiOperation({
    summary:
      'One edition\u2019s approved assessments as CSV, XLSX or JSON (streamed): scores and every item\u2019s answer',
  })
  async edition(@Param('year', IntParamPipe) year: number, @Query() query: ExportQueryDto, @Res() reply: FastifyReply) {
    return send(reply, await this.exports.open({ editionYear: year }, query.format));
  }

  @Get('api/exports/assessments')
  @Access('reviewer', 'certifier', 'admin')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiOperation({
    summary:
      'Every edition\u2019s approved assessments as CSV, XLSX or JSON (streamed), comparable across questionnaire versions',
  })
  async all(@Query() query: ExportQueryDto, @Res() reply: FastifyReply) {
    return send(reply, await this.exports.open({}, query.format));
  }
}
