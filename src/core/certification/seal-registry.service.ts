import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PDFDocument } from 'pdf-lib';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { asTimestampText, rawQuery } from '../../database/portable-sql';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';
import { GovernmentEntity } from '../governments/government.entity';
import { message } from '../i18n/message';
import { levelLabel } from '../scoring/scoring-policy';
import { CertificateEntity } from './certificate.entity';
import { countSeals, sealStatus } from './certification-rules';
import { IssuerKeysService } from './issuer-keys.service';
import { verificationUrl } from './seal-credential';

/** What anyone may check about the seals: an edition's list, one seal's status, a PDF's or credential's authenticity. */
@Injectable()
export class SealRegistryService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuerKeysService,
    private readonly clock: Clock,
  ) {}

  /** The seals of an edition, for the public list of certified governments. */
  async listForEdition(year: number) {
    const rows = await rawQuery<{
      number: string;
      ibgeCode: string;
      name: string;
      uf: string;
      kind: string;
      issuedAt: string;
      validFrom: string;
      validUntil: string;
      level: string | null;
      revokedAt: string | Date | null;
      replacedBy: string | null;
    }>(
      this.dataSource,
      `SELECT c.number, c.government_code AS "ibgeCode", g.name, g.uf, g.kind, c.issued_at AS "issuedAt", c.valid_from AS "validFrom", c.valid_until AS "validUntil", c.level, c.revoked_at AS "revokedAt", c.replaced_by AS "replacedBy"
       FROM certificates c JOIN governments g ON g.ibge_code = c.government_code WHERE c.edition_year = ? ORDER BY c.number`,
      [year],
    );
    const today = this.clock.today();
    return rows.map(({ revokedAt: revoked, ...r }) => ({
      ...r,
      // SQLite's text as it is, PostgreSQL's Date as that text.
      revokedAt: asTimestampText(revoked),
      status: sealStatus({ revokedAt: revoked ? new Date(revoked) : null, validUntil: r.validUntil }, today),
      levelLabel: levelLabel(r.level),
      verificationUrl: verificationUrl(this.config.publicUrl, r.number),
    }));
  }

  /**
   * The public page of an edition's seals: the edition must exist; the list may be filtered by state, and is
   * given a page at a time with the counts of the whole list.
   */
  async certifiedPage(
    year: number,
    uf?: string,
    paging: { limit: number; offset: number } = { limit: 100, offset: 0 },
  ) {
    const editions = (await rawQuery<{ year: number }>(this.dataSource, 'SELECT year FROM editions ORDER BY year')).map(
      (e) => e.year,
    );
    if (!editions.includes(year)) {
      throw new DomainError('EDITION_NOT_FOUND', message('certification.edition-not-found', { year }), [
        { field: 'year', message: message('certification.editions-known', { editions: { list: editions } }) },
      ]);
    }
    // A re-issued seal is listed once, under its newest number.
    const seals = (await this.listForEdition(year)).filter((s) => !s.replacedBy && (!uf || s.uf === uf));
    return {
      year,
      editions,
      seals: seals.slice(paging.offset, paging.offset + paging.limit),
      total: seals.length,
      ...paging,
      counts: countSeals(seals, this.clock.today()),
    };
  }

  /** Public status of a seal number. */
  async verify(number: string) {
    const seal = await this.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    if (!seal) return { number, status: 'unknown' as const, authentic: false };
    const government = await this.dataSource
      .getRepository(GovernmentEntity)
      .findOneByOrFail({ ibgeCode: seal.governmentCode });
    return {
      number,
      status: sealStatus(seal, this.clock.today()),
      authentic: true,
      government: { ibgeCode: government.ibgeCode, name: government.name, uf: government.uf, kind: government.kind },
      editionYear: seal.editionYear,
      issuedAt: seal.issuedAt,
      validFrom: seal.validFrom,
      validUntil: seal.validUntil,
      level: seal.level,
      levelLabel: levelLabel(seal.level),
      index: seal.snapshot.index.index,
      revokedAt: seal.revokedAt,
      revocationReason: seal.revocationReason,
      replacedBy: seal.replacedBy,
      verificationUrl: verificationUrl(this.config.publicUrl, number),
    };
  }

  /** Is this PDF or credential one the university issued, unaltered? Then its seal's status. */
  async verifyDocument(input: { pdf?: Buffer; credential?: string }) {
    if (input.pdf) {
      const sha = createHash('sha256').update(input.pdf).digest('hex');
      const seal = await this.dataSource.getRepository(CertificateEntity).findOneBy({ pdfSha256: sha });
      if (seal) return this.verify(seal.number);
      const claimed = await PDFDocument.load(input.pdf, { updateMetadata: false })
        .then((d) => d.getSubject() ?? null)
        .catch(() => null);
      return {
        number: claimed,
        status: 'not-authentic' as const,
        authentic: false,
        reason: message('certification.pdf-not-authentic'),
      };
    }
    const payload = input.credential ? this.keys.verifyJwt(input.credential) : null;
    const number = typeof payload?.jti === 'string' ? payload.jti.split('/').pop()! : null;
    const seal = number ? await this.dataSource.getRepository(CertificateEntity).findOneBy({ number }) : null;
    if (!payload || !seal || seal.credential !== input.credential?.trim()) {
      return {
        number,
        status: 'not-authentic' as const,
        authentic: false,
        reason: message('certification.credential-not-authentic'),
      };
    }
    return this.verify(seal.number);
  }
}
