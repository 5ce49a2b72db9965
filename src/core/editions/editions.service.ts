import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import { EditionEntity } from './edition.entity';
import {
  calendarProblems,
  type CertificationRule,
  DEFAULT_CERTIFICATION_RULE,
  type EditionCalendar,
} from './edition-rules';

export interface NewEdition {
  readonly year: number;
  readonly calendar: EditionCalendar;
  readonly pinnedVersions?: Record<string, number>;
  readonly certificationRule?: CertificationRule;
}

const text = (pt: string, en: string) => ({ 'pt-BR': pt, en });

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor | null, input: NewEdition): Promise<EditionEntity> {
    const fields: FieldProblem[] = calendarProblems(input.calendar).map((p) => ({
      field: p.field,
      message: text(`data fora de ordem: ${p.problem}`, p.problem),
    }));
    const pinned: Record<string, number> = {};
    const given = input.pinnedVersions ?? {};
    for (const slug of Object.keys(given)) {
      if (!this.catalogue.groups().some((g) => g.definition.slug === slug)) {
        fields.push({
          field: `pinnedVersions.${slug}`,
          message: text('grupo de indicadores inexistente', 'no such indicator group'),
        });
      }
    }
    for (const { definition, versions, latest } of this.catalogue.groups()) {
      const version = given[definition.slug] ?? latest.version;
      if (!Number.isInteger(version) || !versions.has(version)) {
        const known = [...versions.keys()].join(', ');
        fields.push({
          field: `pinnedVersions.${definition.slug}`,
          message: text(`versão inexistente (publicadas: ${known})`, `no such version (published: ${known})`),
        });
      }
      pinned[definition.slug] = version;
    }
    const rule = input.certificationRule ?? DEFAULT_CERTIFICATION_RULE;
    if (rule.kind === 'minimum-index' && rule.minimumIndex === undefined) {
      fields.push({
        field: 'certificationRule.minimumIndex',
        message: text('obrigatório para a regra minimum-index', 'required by the minimum-index rule'),
      });
    }
    if (rule.kind === 'minimum-levels' && rule.minimumLevel === undefined) {
      fields.push({
        field: 'certificationRule.minimumLevel',
        message: text('obrigatório para a regra minimum-levels', 'required by the minimum-levels rule'),
      });
    }
    if (fields.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        text(
          `Edição inválida: ${fields.map((f) => f.field).join(', ')}.`,
          `Invalid edition: ${fields.map((f) => f.field).join(', ')}.`,
        ),
        fields,
      );
    }
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(EditionEntity, { year: input.year })) {
        throw new DomainError(
          'ALREADY_EXISTS',
          text(`A edição ${input.year} já existe.`, `Edition ${input.year} already exists.`),
          [{ field: 'year', message: text('já existe', 'already exists') }],
        );
      }
      const edition = em.create(EditionEntity, {
        year: input.year,
        calendar: { ...input.calendar },
        pinnedVersions: pinned,
        certificationRule: { ...rule },
      });
      await em.insert(EditionEntity, edition);
      await this.audit.record(em, actor, {
        action: 'edition.create',
        entity: 'edition',
        entityId: String(input.year),
        after: edition,
      });
      return edition;
    });
  }

  list(): Promise<EditionEntity[]> {
    return this.dataSource.getRepository(EditionEntity).find({ order: { year: 'ASC' } });
  }

  async get(year: number): Promise<EditionEntity> {
    const edition = await this.dataSource.getRepository(EditionEntity).findOneBy({ year });
    if (!edition)
      throw new DomainError(
        'EDITION_NOT_FOUND',
        text(`A edição ${year} não existe.`, `Edition ${year} does not exist.`),
      );
    return edition;
  }
}
