import type { EntityManager } from 'typeorm';
import { rawQuery } from '../../database/portable-sql';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { EditionEntity } from '../editions/edition.entity';
import { stagesOf } from '../editions/edition-rules';
import { DomainError } from '../errors/domain-error';
import { message } from '../i18n/message';
import { certificationEligibility } from './certification-rules';

/** Every assessment of an edition with whether it may be certified today and, if not, what is missing. */
export async function certificationReadiness(em: EntityManager, year: number) {
  const edition = await em.findOneBy(EditionEntity, { year });
  if (!edition) throw new DomainError('EDITION_NOT_FOUND', message('certification.edition-not-found', { year }));
  const assessments = await em.find(AssessmentEntity, {
    where: { editionYear: year },
    select: ['id', 'governmentCode', 'state', 'enrolment', 'scoreSnapshot'],
    order: { governmentCode: 'ASC' },
  });
  const names = new Map(
    (
      await rawQuery<{ code: string; name: string; uf: string; kind: string }>(
        em,
        `SELECT g.ibge_code AS code, g.name, g.uf, g.kind FROM governments g JOIN assessments a ON a.government_code = g.ibge_code WHERE a.edition_year = ?`,
        [year],
      )
    ).map((g) => [g.code, g]),
  );
  const rows = assessments.map((a) => {
    const e = certificationEligibility(stagesOf(a), a.scoreSnapshot, edition.certificationRule);
    const g = names.get(a.governmentCode)!;
    return {
      assessmentId: a.id,
      government: { ibgeCode: a.governmentCode, name: g.name, uf: g.uf, kind: g.kind },
      state: a.state,
      certified: a.state === 'certified',
      eligible: e.eligible && a.state === 'priorities-set',
      missingStages: e.missingStages,
      reasons: e.reasons,
      level: e.level,
    };
  });
  return {
    editionYear: year,
    total: rows.length,
    eligible: rows.filter((r) => r.eligible).length,
    certified: rows.filter((r) => r.certified).length,
    assessments: rows,
  };
}
