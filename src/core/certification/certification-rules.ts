import type { ScoreSnapshot } from '../assessment/assessment.types';
import {
  type CertificationRule,
  type Stage,
  type StageKey,
  stagesMissingForCertification,
} from '../editions/edition-rules';
import { message } from '../i18n/message';
import type { LocalizedText } from '../i18n/localized-text';
import { levelFor, MATURITY_LEVELS, type MaturityLevelKey } from '../scoring/scoring-policy';

export interface MissingStage {
  readonly stage: StageKey;
  readonly label: LocalizedText;
  readonly missing: readonly LocalizedText[];
}

export interface Eligibility {
  readonly eligible: boolean;
  /** Why not, one reason per unmet condition. */
  readonly reasons: readonly LocalizedText[];
  /** The stages a seal needs that are not complete, with what each still needs. */
  readonly missingStages: readonly MissingStage[];
  /** The maturity level the seal states: the index's. */
  readonly level: MaturityLevelKey | null;
}

/** The maturity level of an index (an index of 84.1 is "Referência"). */
export function indexLevel(snapshot: ScoreSnapshot | null): MaturityLevelKey | null {
  const index = snapshot?.index.index ?? null;
  return index === null ? null : levelFor(index, MATURITY_LEVELS).key;
}

/**
 * Whether an assessment may be certified under its edition's rule. The programme certifies engagement: every
 * stage before the seal complete (enrolment with the letter of intent and the focal person's ENAP course,
 * diagnosis approved, priorities set); an edition may also ask for a minimum index or a minimum level in every
 * group.
 */
export function certificationEligibility(
  stages: readonly Stage[],
  snapshot: ScoreSnapshot | null,
  rule: CertificationRule,
): Eligibility {
  const missingStages = stagesMissingForCertification(stages).map(({ stage, label, missing }) => ({
    stage,
    label,
    missing,
  }));
  const reasons: LocalizedText[] = missingStages.map((s) =>
    message('certification.stage-incomplete', { stage: s.label, missing: { list: s.missing } }),
  );
  const index = snapshot?.index.index ?? null;
  if (rule.kind === 'minimum-index' && (index === null || index < (rule.minimumIndex ?? 0))) {
    reasons.push(message('certification.index-below-minimum', { index, minimum: rule.minimumIndex }));
  }
  if (rule.kind === 'minimum-levels') {
    const order = MATURITY_LEVELS.map((l) => l.key as string);
    const required = MATURITY_LEVELS.find((l) => l.key === (rule.minimumLevel ?? 'initial'))!;
    const below = (snapshot?.groups ?? []).filter(
      (g) => g.level !== null && order.indexOf(g.level) < order.indexOf(required.key),
    );
    if (below.length > 0) {
      reasons.push(message('certification.groups-below-level', { level: required.label, count: below.length }));
    }
  }
  return { eligible: reasons.length === 0, reasons, missingStages, level: indexLevel(snapshot) };
}

export type SealStatus = 'valid' | 'revoked' | 'expired';

/** A seal is valid from its first day to its last (both inclusive), unless revoked first. */
export function sealStatus(seal: { revokedAt: Date | null; validUntil: string }, today: string): SealStatus {
  if (seal.revokedAt) return 'revoked';
  return today > seal.validUntil ? 'expired' : 'valid';
}

/** A seal whose validity ends before the day it is issued would be born expired. */
export function wouldBeExpired(validUntil: string, today: string): boolean {
  return validUntil < today;
}

/** How many of an edition's seals are in force: issued = valid + expired + revoked. */
export interface SealCounts {
  readonly issued: number;
  readonly valid: number;
  readonly expired: number;
  readonly revoked: number;
}

export function countSeals(
  seals: readonly { revokedAt: Date | string | null; validUntil: string }[],
  today: string,
): SealCounts {
  const counts = { issued: seals.length, valid: 0, expired: 0, revoked: 0 };
  for (const s of seals) {
    counts[sealStatus({ revokedAt: s.revokedAt ? new Date(s.revokedAt) : null, validUntil: s.validUntil }, today)]++;
  }
  return counts;
}
