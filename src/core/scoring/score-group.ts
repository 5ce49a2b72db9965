import type { LocalizedText } from '../i18n/localized-text';
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

export type ItemStatus = 'scored' | 'unanswered' | 'pending-evidence' | 'not-applicable' | 'hidden' | 'informative';

export interface ItemScore {
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
  readonly explanation: LocalizedText;
}

export interface GroupScore {
  readonly group: string;
  readonly questionnaireVersion: number;
  readonly scoringVersion: string;
  /** 0-100, one decimal; null when no item counts (everything hidden or not applicable). */
  readonly score: number | null;
  readonly level: Pick<MaturityLevel, 'key' | 'label'> | null;
  readonly countedWeight: number;
  readonly items: readonly ItemScore[];
}

export interface ScoreInput {
  readonly answers: AnswerSet;
  /** Items whose evidence a reviewer accepted. */
  readonly acceptedEvidence?: Iterable<string>;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Scores one group: the weighted mean of its counted items. Hidden items, "not applicable" answers and
 * weight-0 items leave the denominator; unanswered items count as 0; a positive answer to an item that
 * requires evidence counts only once its evidence is accepted. Answers are assumed valid (see
 * validateAnswers).
 */
export function scoreGroup(questionnaire: Questionnaire, policy: ScoringPolicy, input: ScoreInput): GroupScore {
  const visible = visibleItemKeys(questionnaire, input.answers);
  const accepted = new Set(input.acceptedEvidence ?? []);
  const raw = questionnaire.items.map((item) =>
    rawItemScore(item, input.answers[item.key], visible.has(item.key), accepted.has(item.key), policy),
  );
  const countedWeight = raw.reduce((sum, r) => sum + (r.counted ? r.item.weight : 0), 0);
  const items: ItemScore[] = raw.map(({ item, counted, points, status, explanation }) => ({
    key: item.key,
    type: item.type,
    weight: item.weight,
    status,
    counted,
    points: counted ? points : null,
    contribution: counted && countedWeight > 0 ? round((points * item.weight) / countedWeight, 2) : 0,
    maxContribution: counted && countedWeight > 0 ? round((100 * item.weight) / countedWeight, 2) : 0,
    explanation,
  }));
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
  readonly explanation: LocalizedText;
}

function rawItemScore(
  item: QuestionnaireItem,
  answer: AnswerValue | undefined,
  visible: boolean,
  evidenceAccepted: boolean,
  policy: ScoringPolicy,
): RawItemScore {
  const result = (counted: boolean, points: number, status: ItemStatus, explanation: LocalizedText) => ({
    item,
    counted,
    points,
    status,
    explanation,
  });
  if (!visible) {
    return result(false, 0, 'hidden', {
      'pt-BR': 'Oculto pelas respostas anteriores: fora do cálculo.',
      en: 'Hidden by earlier answers: left out.',
    });
  }
  if (item.weight === 0) {
    return result(false, 0, 'informative', {
      'pt-BR': 'Item informativo, sem pontuação.',
      en: 'Informative item, not scored.',
    });
  }
  if (answer === undefined) {
    return result(true, 0, 'unanswered', { 'pt-BR': 'Sem resposta: conta como 0.', en: 'Unanswered: counts as 0.' });
  }
  if (answer === NOT_APPLICABLE) {
    return result(false, 0, 'not-applicable', {
      'pt-BR': 'Não se aplica: fora do cálculo.',
      en: 'Not applicable: left out.',
    });
  }
  const { points, why } = answerPoints(item, answer, policy);
  if (item.evidence === 'required' && points > 0 && !evidenceAccepted) {
    return result(true, 0, 'pending-evidence', {
      'pt-BR': `${why['pt-BR']}, mas a evidência ainda não foi aceita: conta como 0 até a validação.`,
      en: `${why.en}, but its evidence is not accepted yet: counts as 0 until it is.`,
    });
  }
  return result(true, points, 'scored', {
    'pt-BR': `${why['pt-BR']}: ${points} pontos × peso ${item.weight}.`,
    en: `${why.en}: ${points} points × weight ${item.weight}.`,
  });
}

const YPN_LABELS: Record<string, LocalizedText> = {
  yes: { 'pt-BR': 'Sim', en: 'Yes' },
  partial: { 'pt-BR': 'Parcial', en: 'Partly' },
  no: { 'pt-BR': 'Não', en: 'No' },
};

function answerPoints(
  item: QuestionnaireItem,
  answer: AnswerValue,
  policy: ScoringPolicy,
): { points: number; why: LocalizedText } {
  switch (item.type) {
    case 'yes-partial-no': {
      const key = answer as keyof ScoringPolicy['answerPoints'];
      const label = YPN_LABELS[key];
      return {
        points: policy.answerPoints[key],
        why: { 'pt-BR': `Resposta "${label['pt-BR']}"`, en: `Answer "${label.en}"` },
      };
    }
    case 'single-choice': {
      const option = item.options!.find((o) => o.key === answer)!;
      return {
        points: option.points,
        why: { 'pt-BR': `Opção "${option.label['pt-BR']}"`, en: `Option "${option.label.en}"` },
      };
    }
    case 'multiple-choice': {
      const chosen = item.options!.filter((o) => (answer as readonly string[]).includes(o.key));
      const sum = chosen.reduce((s, o) => s + o.points, 0);
      const names = (lang: keyof LocalizedText) => chosen.map((o) => o.label[lang]).join(', ') || '—';
      return {
        points: Math.min(100, sum),
        why: {
          'pt-BR': `Opções escolhidas (${names('pt-BR')}) somam ${sum}${sum > 100 ? ', limitado a 100' : ''}`,
          en: `Chosen options (${names('en')}) add up to ${sum}${sum > 100 ? ', capped at 100' : ''}`,
        },
      };
    }
    case 'number': {
      const value = answer as number;
      const band = [...item.bands!].sort((a, b) => b.atLeast - a.atLeast).find((b) => value >= b.atLeast);
      return {
        points: band?.points ?? 0,
        why: band
          ? {
              'pt-BR': `Valor ${value} (faixa a partir de ${band.atLeast})`,
              en: `Value ${value} (band from ${band.atLeast})`,
            }
          : { 'pt-BR': `Valor ${value}, abaixo da primeira faixa`, en: `Value ${value}, below the first band` },
      };
    }
    case 'evidence':
      return { points: 100, why: { 'pt-BR': 'Evidência apresentada', en: 'Evidence given' } };
    case 'text':
      return { points: 0, why: { 'pt-BR': 'Texto', en: 'Text' } };
  }
}
