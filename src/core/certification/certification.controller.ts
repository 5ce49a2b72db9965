import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReasonDto } from '../assessment/assessment.dto';
import { Access, CurrentActor, Public } from '../auth/access.decorator';
import type { Actor } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { FilesService } from '../files/files.service';
import { Idempotent } from '../http/idempotency.interceptor';
import { readMultipart } from '../http/multipart';
import { ApiRequestContent, binaryFile } from '../http/openapi';
import { IntParamPipe } from '../http/validation';
import { CertificateBatchService } from './certificate-batch.service';
import { CertificationService } from './certification.service';
import { SealRegistryService } from './seal-registry.service';
import { IssuerKeysService } from './issuer-keys.service';

@ApiTags('certification')
@ApiBearerAuth()
@Controller()
export class CertificationController {
  constructor(
    private readonly certification: CertificationService,
    private readonly registry: SealRegistryService,
    private readonly keys: IssuerKeysService,
    private readonly files: FilesService,
    private readonly batches: CertificateBatchService,
  ) {}

  @Post('api/assessments/:id/certificate')
  @Access('certifier')
  @Idempotent()
  @ApiOperation({ summary: 'Issue the Selo MigraCidades of an eligible assessment (university certifiers)' })
  issue(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.certification.issue(actor, id).then((seal) => this.registry.verify(seal.number));
  }

  @Post('api/editions/:year/certificate-batches')
  @Access('certifier')
  @Idempotent()
  @ApiOperation({
    summary:
      'Issue every eligible seal of an edition as one job; returns its progress (201). While the edition\u2019s batch runs, returns that one instead (200, `alreadyRunning: true`); with nothing to issue, 422',
  })
  async startBatch(
    @CurrentActor() actor: Actor,
    @Param('year', IntParamPipe) year: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const batch = await this.batches.start(actor, year);
    void reply.status(batch.alreadyRunning ? 200 : 201).header('location', `/api/certificate-batches/${batch.id}`);
    return batch;
  }

  @Get('api/editions/:year/certification-readiness')
  @Access('certifier', 'admin')
  @ApiOperation({
    summary: 'Every assessment of the edition: whether it may be certified now and, if not, the stages missing',
  })
  readiness(@Param('year', IntParamPipe) year: number) {
    return this.certification.readiness(year);
  }

  @Get('api/certificate-batches/:id')
  @Access('certifier', 'admin')
  @ApiOperation({ summary: 'Progress of a batch: done / total / failed' })
  batch(@Param('id') id: string) {
    return this.batches.progress(id);
  }

  @Get('api/editions/:year/certificates')
  @Public()
  @ApiOperation({ summary: 'Seals issued in an edition, with their status and verification links' })
  listForEdition(@Param('year', IntParamPipe) year: number) {
    return this.registry.listForEdition(year);
  }

  @Post('api/certificates/:number/revoke')
  @Access('certifier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a seal, with a reason' })
  revoke(@CurrentActor() actor: Actor, @Param('number') number: string, @Body() body: ReasonDto) {
    return this.certification.revoke(actor, number, body.reason).then(() => this.registry.verify(number));
  }

  @Post('api/certificates/:number/reissue')
  @Access('certifier')
  @ApiOperation({ summary: 'Re-issue a seal: the earlier one is revoked and points to the new one' })
  reissue(@CurrentActor() actor: Actor, @Param('number') number: string, @Body() body: ReasonDto) {
    return this.certification.reissue(actor, number, body.reason).then((seal) => this.registry.verify(seal.number));
  }

  @Get('api/certificates/:number/pdf')
  @Public()
  @ApiOperation({ summary: 'The seal as PDF (with its credential embedded)' })
  async pdf(@Param('number') number: string, @Res() reply: FastifyReply) {
    const seal = await this.certification.get(number);
    const file = await this.files.read(seal.pdfSha256);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${number}.pdf"`)
      .send(file.bytes);
  }

  @Get('api/verify/:number')
  @Public()
  @ApiOperation({ summary: 'Public verification of a seal number: valid, revoked, expired or unknown' })
  verify(@Param('number') number: string) {
    return this.registry.verify(number);
  }

  @Post('api/verify')
  @Public()
  @HttpCode(200)
  @ApiRequestContent({
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: binaryFile('The seal as PDF, as downloaded or received') },
      },
    },
    'application/json': {
      schema: {
        type: 'object',
        required: ['credential'],
        properties: {
          credential: { type: 'string', description: 'The seal\u2019s verifiable credential (JWT) as issued' },
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Is this seal PDF (multipart `file`) or credential (JSON `credential`) authentic and in force?',
  })
  async verifyDocument(@Req() request: FastifyRequest) {
    if (request.isMultipart()) {
      const form = await readMultipart(request);
      const file = form.files.find((f) => f.field === 'file');
      if (!file)
        throw new DomainError('VALIDATION_FAILED', message('certification.verify-file-missing'), [
          { field: 'file', message: message('certification.field-required') },
        ]);
      return this.registry.verifyDocument({ pdf: file.bytes });
    }
    const body = request.body as { credential?: unknown } | undefined;
    if (typeof body?.credential !== 'string') {
      throw new DomainError('VALIDATION_FAILED', message('certification.verify-body-missing'), [
        { field: 'credential', message: message('certification.credential-required') },
      ]);
    }
    return this.registry.verifyDocument({ credential: body.credential });
  }

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({ summary: 'The issuer\u2019s public keys (JWKS)' })
  jwks() {
    return this.keys.jwks();
  }

  @Get('.well-known/did.json')
  @Public()
  @ApiOperation({ summary: 'The issuer\u2019s did:web document' })
  did() {
    return this.keys.didDocument();
  }
}
