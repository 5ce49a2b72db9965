import type { ScoreSnapshot } from '../assessment/assessment.types';
import type { AssessmentState } from '../assessment/assessment-state';
import type { CertificationRule } from '../editions/edition-rules';
import type { LocalizedText } from '../i18n/localized-text';
import { MATURITY_LEVELS } from '../scoring/scoring-policy';

export interface Eligibility {
  readonly eligible: boolean;
  /** Why not, one reason per unmet condition. */
  readonly reasons: readonly LocalizedText[];
  /** The level the seal states, when the rule uses levels. */
  readonly level: string | null;
}

/**
 * Whether an assessment may be certified under its edition's rule. The programme certifies engagement: every
 * stage complete (diagnosis approved and priorities set); an edition may also ask for a minimum index or a
 * minimum level in every group.
 */
export function certificationEligibility(
  state: AssessmentState,
  snapshot: ScoreSnapshot | null,
  rule: CertificationRule,
): Eligibility {
  const reasons: LocalizedText[] = [];
  if (state !== 'priorities-set') {
    reasons.push({
      'pt-BR': `todas as etapas precisam estar concluídas (diagnóstico aprovado e prioridades definidas); a avaliação está "${state}"`,
      en: `every stage must be complete (diagnosis approved and priorities set); the assessment is "${state}"`,
    });
  }
  const index = snapshot?.index.index ?? null;
  if (rule.kind === 'minimum-index' && (index === null || index < (rule.minimumIndex ?? 0))) {
    reasons.push({
      'pt-BR': `índice ${index ?? '—'} abaixo do mínimo ${rule.minimumIndex}`,
      en: `index ${index ?? '—'} below the minimum ${rule.minimumIndex}`,
    });
  }
  let level: string | null = null;
  if (rule.kind === 'minimum-levels') {
    const order = MATURITY_LEVELS.map((l) => l.key as string);
    const required = order.indexOf(rule.minimumLevel ?? 'initial');
    const below = (snapshot?.groups ?? []).filter((g) => g.level !== null && order.indexOf(g.level) < required);
    if (below.length > 0) {
      reasons.push({
        'pt-BR': `grupos abaixo do nível ${rule.minimumLevel}: ${below.map((g) => g.group).join(', ')}`,
        en: `groups below level ${rule.minimumLevel}: ${below.map((g) => g.group).join(', ')}`,
      });
    }
    const lowest = Math.min(
      ...(snapshot?.groups ?? []).filter((g) => g.level !== null).map((g) => order.indexOf(g.level!)),
    );
    level = Number.isFinite(lowest) ? order[lowest] : null;
  }
  return { eligible: reasons.length === 0, reasons, level };
}

export type SealStatus = 'valid' | 'revoked' | 'expired';

/** A seal is valid until its validity ends, unless revoked first. */
export function sealStatus(seal: { revokedAt: Date | null; validUntil: string }, today: string): SealStatus {
  if (seal.revokedAt) return 'revoked';
  return today > seal.validUntil ? 'expired' : 'valid';
}
