import { Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../core/auth/access.decorator';
import type { Actor } from '../../core/auth/actor';
import {
  type EditionSignatories,
  type ImageSlot,
  MAX_IMAGE_BYTES,
  TEXT_FIELDS,
  type TextField,
} from '../../core/certification/signatories';
import { SignatoriesService } from '../../core/certification/signatories.service';
import { DomainError, type FieldProblem } from '../../core/errors/domain-error';
import { type MultipartForm, readMultipart } from '../../core/http/multipart';
import { IntParamPipe } from '../../core/http/validation';
import type { MessageKey } from '../../core/i18n/message';
import { CsrfGuard } from '../csrf.guard';
import { chosenFile, errorOf } from '../official/enrolment/form-problems';
import { WebExceptionFilter } from '../web-exception.filter';
import { type FormProblem, type WebRequest, WebPagesService } from '../web-pages.service';

const LABEL: Record<TextField | ImageSlot, MessageKey> = {
  universityName: 'web.certification.signatories.name',
  universityTitle: 'web.certification.signatories.role',
  universitySignature: 'web.certification.signatories.signature',
  iomName: 'web.certification.signatories.name',
  iomTitle: 'web.certification.signatories.role',
  iomSignature: 'web.certification.signatories.signature',
  universityLogo: 'web.certification.signatories.university-logo',
  iomLogo: 'web.certification.signatories.iom-logo',
};
const ORDER: readonly string[] = [
  'universityName',
  'universityTitle',
  'universitySignature',
  'iomName',
  'iomTitle',
  'iomSignature',
  'universityLogo',
  'iomLogo',
];
const FORM_CODES = new Set(['VALIDATION_FAILED', 'UPLOAD_REJECTED', 'UPLOAD_TOO_LARGE']);

/** The edition's signatories and logos, printed on its seals. */
@ApiExcludeController()
@Controller()
@UseFilters(WebExceptionFilter)
@UseGuards(CsrfGuard)
export class SignatoriesPageController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly signatories: SignatoriesService,
  ) {}

  @Get('certificacao/:year/signatarios')
  @Access('certifier', 'admin')
  async form(@Param('year', IntParamPipe) year: number, @Req() req: WebRequest, @Res() reply: FastifyReply) {
    const current = await this.signatories.of(year);
    const saved = (req.query as Record<string, unknown>).salvo === '1';
    const typed = current.configured
      ? {
          universityName: current.university.name,
          universityTitle: current.university.title,
          iomName: current.iom.name,
          iomTitle: current.iom.title,
        }
      : {};
    return this.page(req, reply, current, typed, [], 200, saved ? 'web.certification.signatories.saved' : null);
  }

  @Post('certificacao/:year/signatarios')
  @Access('certifier', 'admin')
  save(
    @CurrentActor() actor: Actor,
    @Param('year', IntParamPipe) year: number,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submit(actor, year, req, reply, ['universitySignature', 'iomSignature'], false);
  }

  /** The logos have a form of their own: a form carries at most three files. */
  @Post('certificacao/:year/logotipos')
  @Access('certifier', 'admin')
  saveLogos(
    @CurrentActor() actor: Actor,
    @Param('year', IntParamPipe) year: number,
    @Req() req: WebRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submit(actor, year, req, reply, ['universityLogo', 'iomLogo'], true);
  }

  private async submit(
    actor: Actor,
    year: number,
    req: WebRequest,
    reply: FastifyReply,
    slots: readonly ImageSlot[],
    keepTexts: boolean,
  ) {
    const current = await this.signatories.of(year);
    const kept = {
      universityName: current.university.name,
      universityTitle: current.university.title,
      iomName: current.iom.name,
      iomTitle: current.iom.title,
    };
    let form: MultipartForm;
    try {
      form = await readMultipart(req);
    } catch (e) {
      if (!(e instanceof DomainError) || !FORM_CODES.has(e.code)) throw e;
      return this.page(
        req,
        reply,
        current,
        current.configured ? kept : {},
        this.problems(req, e.fields, slots[0]),
        413,
        null,
      );
    }
    const texts = keepTexts ? kept : Object.fromEntries(TEXT_FIELDS.map((f) => [f, form.fields[f] ?? '']));
    const images: Partial<Record<ImageSlot, Uint8Array>> = {};
    for (const slot of slots) {
      const file = chosenFile(form.files, slot);
      if (file) images[slot] = file.bytes;
    }
    const remove = slots.filter((slot) => form.fields[`remove-${slot}`] === '1');
    try {
      await this.signatories.save(actor, year, { texts, images, remove });
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
      return this.page(req, reply, current, texts, this.problems(req, e.fields, slots[0]), 422, null);
    }
    return this.pages.redirect(reply, `/certificacao/${year}/signatarios?salvo=1`);
  }

  /** Each field's first problem; one about the whole form (e.g. a file too large) goes to the form's first file. */
  private problems(req: WebRequest, fields: readonly FieldProblem[], fallback: ImageSlot): FormProblem[] {
    const seen = new Map<string, FormProblem>();
    for (const f of fields) {
      const field = f.field in LABEL ? (f.field as TextField | ImageSlot) : fallback;
      if (seen.has(field)) continue;
      const group = field.startsWith('iom')
        ? 'web.certification.signatories.iom'
        : field.endsWith('Logo')
          ? 'web.certification.signatories.logos'
          : 'web.certification.signatories.university';
      seen.set(field, {
        field,
        text: this.pages.text(req, 'web.certification.signatories.problem', {
          field: `${this.pages.text(req, group)} · ${this.pages.text(req, LABEL[field])}`,
          reason: this.pages.localized(req, f.message),
        }),
      });
    }
    return [...seen.values()].sort((a, b) => ORDER.indexOf(a.field) - ORDER.indexOf(b.field));
  }

  private page(
    req: WebRequest,
    reply: FastifyReply,
    current: EditionSignatories,
    typed: Partial<Record<TextField, string>>,
    errors: FormProblem[],
    status: number,
    notice: MessageKey | null,
  ) {
    this.pages.lang(req, reply);
    const text = (id: TextField) => ({
      id,
      value: typed[id] ?? '',
      error: errorOf(errors, id),
    });
    const image = (id: ImageSlot, current: string | null, altName: string) => ({
      id,
      current,
      alt: altName,
      error: errorOf(errors, id),
    });
    const year = current.editionYear;
    return this.pages.send(
      req,
      reply,
      'certification-signatories',
      {
        title: 'web.certification.signatories.title',
        breadcrumb: [
          { key: 'web.menu.home', href: '/inicio' },
          { key: 'web.certification.title', href: `/certificacao?ano=${year}` },
          { key: 'web.certification.signatories.title' },
        ],
        status,
        errors,
        notice: notice ? this.pages.text(req, notice) : null,
        mainForm: 'signatories-form',
        styles: ['certification.css'],
      },
      {
        heading: this.pages.text(req, 'web.certification.signatories.heading', { year }),
        configured: current.configured,
        action: `/certificacao/${year}/signatarios`,
        logosAction: `/certificacao/${year}/logotipos`,
        back: `/certificacao?ano=${year}`,
        limit: MAX_IMAGE_BYTES / 1024,
        university: {
          name: text('universityName'),
          title: text('universityTitle'),
          signature: image(
            'universitySignature',
            current.university.signature,
            this.pages.text(req, 'web.certification.signatories.current-signature', { name: current.university.name }),
          ),
        },
        iom: {
          name: text('iomName'),
          title: text('iomTitle'),
          signature: image(
            'iomSignature',
            current.iom.signature,
            this.pages.text(req, 'web.certification.signatories.current-signature', { name: current.iom.name }),
          ),
        },
        logos: [
          {
            label: this.pages.text(req, 'web.certification.signatories.university-logo'),
            ...image(
              'universityLogo',
              current.universityLogo,
              this.pages.text(req, 'web.certification.signatories.current-logo'),
            ),
          },
          {
            label: this.pages.text(req, 'web.certification.signatories.iom-logo'),
            ...image('iomLogo', current.iomLogo, this.pages.text(req, 'web.certification.signatories.current-logo')),
          },
        ],
      },
    );
  }
}
