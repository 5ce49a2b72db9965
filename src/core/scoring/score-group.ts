import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { visibleItemKeys } from '../questionnaire/visibility';
import {
  type AnswerSet,
  type AnswerValue,
  NOT_APPLICABLE,
  type Questionnaire,
  type QuestionnaireItem,
} from '../questionnaire/questionnaire.types';
import { levelFor, type MaturityLevel, type ScoringPolicy } from './scoring-policy';

/** Bumped when the arithmetic below changes; together with the policy version it names a score's rules. */
export const SCORING_ENGINE_VERSION = 'engine-1';

/**
 * Why an item scored what it did. 'missing-evidence': a positive answer that needs evidence and has none;
 * 'pending-evidence': it has evidence, not (yet) accepted by a reviewer. Both count as 0.
 */
export type ItemStatus =
  'scored' | 'unanswered' | 'missing-evidence' | 'pending-evidence' | 'not-applicable' | 'hidden' | 'informative';

/** An item's figures, without the sentence that explains them. */
export interface ItemFigures {
  readonly key: string;
  readonly type: QuestionnaireItem['type'];
  readonly weight: number;
  readonly status: ItemStatus;
  /** Whether the item is in the denominator. */
  readonly counted: boolean;
  /** The item's own points, 0-100; null when it is not counted. */
  readonly points: number | null;
  /** Points this item adds to the group score (the group score is their sum). */
  readonly contribution: number;
  /** Points the item could add at most, were it fully met. */
  readonly maxContribution: number;
}

export interface ItemScore extends ItemFigures {
  readonly explanation: LocalizedText;
}

/** A group's score and its items' figures, without the explanations (what a stored snapshot keeps). */
export interface GroupFigures<Item extends ItemFigures = ItemFigures> {
  readonly group: string;
  readonly questionnaireVersion: number;
  readonly scoringVersion: string;
  /** 0-100, one decimal; null when no item counts (everything hidden or not applicable). */
  readonly score: number | null;
  readonly level: Pick<MaturityLevel, 'key' | 'label'> | null;
  readonly countedWeight: number;
  readonly items: readonly Item[];
}

/** A group's score with every item's explanation, as a person reads it. */
export type GroupScore = GroupFigures<ItemScore>;

export interface ScoreInput {
  readonly answers: AnswerSet;
  /** Items whose evidence a reviewer accepted. */
  readonly acceptedEvidence?: Iterable<string>;
  /**
   * Items whose answer carries evidence (a link or a file). When omitted, every item is taken to have it,
   * so that a caller who only knows the accepted ones gets 'pending-evidence' for the others.
   */
  readonly evidenceGiven?: Iterable<string>;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Scores one group: the weighted mean of its counted items. Hidden items, "not applicable" answers and
 * weight-0 items leave the denominator; unanswered items count as 0; a positive answer to an item that
 * requires evidence counts only once it has evidence and a reviewer accepted it. Answers are assumed valid (see
 * validateAnswers). Each item says why it scored what it did.
 */
export function scoreGroup(questionnaire: Questionnaire, policy: ScoringPolicy, input: ScoreInput): GroupScore {
  return scored(questionnaire, policy, input, (figures, raw) => ({ ...figures, explanation: raw.explain() }));
}

/**
 * The same score and figures as scoreGroup, without writing the explanations: what a snapshot stores, and what
 * a re-score of every assessment of the country computes (the sentences, in two languages, cost more than the
 * arithmetic).
 */
export function scoreGroupFigures(
  questionnaire: Questionnaire,
  policy: ScoringPolicy,
  input: ScoreInput,
): GroupFigures {
  return scored(questionnaire, policy, input, (figures) => figures);
}

function scored<Item extends ItemFigures>(
  questionnaire: Questionnaire,
  policy: ScoringPolicy,
  input: ScoreInput,
  item: (figures: ItemFigures, raw: RawItemScore) => Item,
): GroupFigures<Item> {
  const visible = visibleItemKeys(questionnaire, input.answers);
  const accepted = new Set(input.acceptedEvidence ?? []);
  const given = input.evidenceGiven === undefined ? undefined : new Set(input.evidenceGiven);
  const raw = questionnaire.items.map((it) => {
    // An evidence item's answer is its evidence; without the list, evidence is assumed given.
    const evidence = it.type === 'evidence' || !given || given.has(it.key) ? 'given' : 'missing';
    const state = evidence === 'given' && accepted.has(it.key) ? 'accepted' : evidence;
    return rawItemScore(it, input.answers[it.key], visible.has(it.key), state, policy);
  });
  const countedWeight = raw.reduce((sum, r) => sum + (r.counted ? r.item.weight : 0), 0);
  const items = raw.map((r) =>
    item(
      {
        key: r.item.key,
        type: r.item.type,
        weight: r.item.weight,
        status: r.status,
        counted: r.counted,
        points: r.counted ? r.points : null,
        contribution: r.counted && countedWeight > 0 ? round((r.points * r.item.weight) / countedWeight, 2) : 0,
        maxContribution: r.counted && countedWeight > 0 ? round((100 * r.item.weight) / countedWeight, 2) : 0,
      },
      r,
    ),
  );
  const exact =
    countedWeight > 0
      ? raw.reduce((sum, r) => sum + (r.counted ? r.points * r.item.weight : 0), 0) / countedWeight
      : null;
  const score = exact === null ? null : round(exact, 1);
  const level = score === null ? null : levelFor(score, policy.levels);
  return {
    group: questionnaire.group,
    questionnaireVersion: questionnaire.version,
    scoringVersion: `${SCORING_ENGINE_VERSION}/${policy.version}`,
    score,
    level: level && { key: level.key, label: level.label },
    countedWeight,
    items,
  };
}

interface RawItemScore {
  readonly item: QuestionnaireItem;
  readonly counted: boolean;
  readonly points: number;
  readonly status: ItemStatus;
  /** Why, as a person reads it: written only when asked for. */
  readonly explain: () => LocalizedText;
}

function rawItemScore(
  item: QuestionnaireItem,
  answer: AnswerValue | undefined,
  visible: boolean,
  evidence: 'missing' | 'given' | 'accepted',
  policy: ScoringPolicy,
): RawItemScore {
  const result = (counted: boolean, points: number, status: ItemStatus, explain: () => LocalizedText) => ({
    item,
    counted,
    points,
    status,
    explain,
  });
  if (!visible) return result(false, 0, 'hidden', () => message('scoring.item.hidden'));
  if (item.weight === 0) return result(false, 0, 'informative', () => message('scoring.item.informative'));
  if (answer === undefined) return result(true, 0, 'unanswered', () => message('scoring.item.unanswered'));
  if (answer === NOT_APPLICABLE)
    return result(false, 0, 'not-applicable', () => message('scoring.item.not-applicable'));
  const { points, why } = answerPoints(item, answer, policy);
  if (item.evidence === 'required' && points > 0 && evidence !== 'accepted') {
    return evidence === 'missing'
      ? result(true, 0, 'missing-evidence', () => message('scoring.item.missing-evidence', { why: why() }))
      : result(true, 0, 'pending-evidence', () => message('scoring.item.pending-evidence', { why: why() }));
  }
  return result(true, points, 'scored', () =>
    message('scoring.item.scored', { why: why(), points, weight: item.weight }),
  );
}

const YPN_LABELS: Record<string, LocalizedText> = {
  yes: message('scoring.answer.yes'),
  partial: message('scoring.answer.partial'),
  no: message('scoring.answer.no'),
};

/** "Sim" / "Yes", ...: how a yes-partial-no answer reads. */
export const yesPartialNoLabel = (value: string): LocalizedText | undefined =>
  value === NOT_APPLICABLE ? message('scoring.answer.not-applicable') : YPN_LABELS[value];

function answerPoints(
  item: QuestionnaireItem,
  answer: AnswerValue,
  policy: ScoringPolicy,
): { points: number; why: () => LocalizedText } {
  switch (item.type) {
    case 'yes-partial-no': {
      const key = answer as keyof ScoringPolicy['answerPoints'];
      return {
        points: policy.answerPoints[key],
        why: () => message('scoring.why.answer', { answer: YPN_LABELS[key] }),
      };
    }
    case 'single-choice': {
      const option = item.options!.find((o) => o.key === answer)!;
      return { points: option.points, why: () => message('scoring.why.option', { option: option.label }) };
    }
    case 'multiple-choice': {
      const chosen = item.options!.filter((o) => (answer as readonly string[]).includes(o.key));
      const sum = chosen.reduce((s, o) => s + o.points, 0);
      const options = chosen.length > 0 ? { list: chosen.map((o) => o.label) } : '—';
      return {
        points: Math.min(100, sum),
        why: () => message(sum > 100 ? 'scoring.why.options-capped' : 'scoring.why.options', { options, sum }),
      };
    }
    case 'number': {
      const value = answer as number;
      const band = [...item.bands!].sort((a, b) => b.atLeast - a.atLeast).find((b) => value >= b.atLeast);
      return {
        points: band?.points ?? 0,
        why: () =>
          band
            ? message('scoring.why.band', { value, from: band.atLeast })
            : message('scoring.why.below-bands', { value }),
      };
    }
    case 'evidence':
      return { points: 100, why: () => message('scoring.why.evidence') };
    case 'text':
      return { points: 0, why: () => message('scoring.why.text') };
  }
}
