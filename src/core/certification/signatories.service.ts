import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rawQuery } from '../../database/portable-sql';
import { AuditService } from '../audit/audit.service';
import { type Actor, requireRole } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { applySignatories, defaultSignatories, type EditionSignatories, type SignatoriesInput } from './signatories';

interface Row {
  edition_year: number;
  university_name: string;
  university_title: string;
  university_signature: string | null;
  iom_name: string;
  iom_title: string;
  iom_signature: string | null;
  university_logo: string | null;
  iom_logo: string | null;
}

const fromRow = (r: Row): EditionSignatories => ({
  editionYear: r.edition_year,
  configured: true,
  university: { name: r.university_name, title: r.university_title, signature: r.university_signature },
  iom: { name: r.iom_name, title: r.iom_title, signature: r.iom_signature },
  universityLogo: r.university_logo,
  iomLogo: r.iom_logo,
});

/** Who signs each edition's seals, as printed on them (set by the university's certifiers). */
@Injectable()
export class SignatoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async of(year: number): Promise<EditionSignatories> {
    await this.requireEdition(year);
    return (await this.ofEditions([year])).get(year)!;
  }

  /** Several editions at once (a batch of seals), defaults where none were set. */
  async ofEditions(years: readonly number[]): Promise<Map<number, EditionSignatories>> {
    const unique = [...new Set(years)];
    const rows =
      unique.length === 0
        ? []
        : await rawQuery<Row>(
            this.dataSource,
            `SELECT * FROM edition_signatories WHERE edition_year IN (${unique.map(() => '?').join(', ')})`,
            unique,
          );
    const found = new Map(rows.map((r) => [r.edition_year, fromRow(r)]));
    return new Map(unique.map((y) => [y, found.get(y) ?? defaultSignatories(y)]));
  }

  /** Sets the edition's signatories; seals issued from now on print them (those issued before keep theirs). */
  async save(actor: Actor, year: number, input: SignatoriesInput): Promise<EditionSignatories> {
    requireRole(actor, 'certifier', 'admin');
    const current = await this.of(year);
    const result = applySignatories(current, input);
    if ('problems' in result)
      throw new DomainError('VALIDATION_FAILED', message('certification.signatories.invalid'), result.problems);
    const s = result.ok;
    const values = [
      year,
      s.university.name,
      s.university.title,
      s.university.signature,
      s.iom.name,
      s.iom.title,
      s.iom.signature,
      s.universityLogo,
      s.iomLogo,
      actor.id,
    ];
    await this.dataSource.transaction(async (em) => {
      await rawQuery(
        em,
        `INSERT INTO edition_signatories (edition_year, university_name, university_title, university_signature, iom_name, iom_title, iom_signature, university_logo, iom_logo, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)
         ON CONFLICT (edition_year) DO UPDATE SET university_name = excluded.university_name, university_title = excluded.university_title,
           university_signature = excluded.university_signature, iom_name = excluded.iom_name, iom_title = excluded.iom_title,
           iom_signature = excluded.iom_signature, university_logo = excluded.university_logo, iom_logo = excluded.iom_logo,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        values,
      );
      const summary = (e: EditionSignatories) => ({
        university: { name: e.university.name, title: e.university.title, signature: !!e.university.signature },
        iom: { name: e.iom.name, title: e.iom.title, signature: !!e.iom.signature },
        logos: { university: !!e.universityLogo, iom: !!e.iomLogo },
      });
      await this.audit.record(em, actor, {
        action: 'edition.signatories',
        entity: 'edition',
        entityId: String(year),
        before: current.configured ? summary(current) : null,
        after: summary(s),
      });
    });
    return s;
  }

  private async requireEdition(year: number): Promise<void> {
    const [edition] = await rawQuery(this.dataSource, 'SELECT year FROM editions WHERE year = ?', [year]);
    if (!edition) throw new DomainError('EDITION_NOT_FOUND', message('certification.edition-not-found', { year }));
  }
}
