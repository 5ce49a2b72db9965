/**
 * One chapter of the Relatório de Diagnóstico per indicator group: what is met, partly met, missing and not
 * applicable, with the group module's recommendations, worded in pt-BR. Pure: plain inputs, no I/O.
 */
import { type AnswerValue, NOT_APPLICABLE, type QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { MATURITY_LEVELS, type MaturityLevelKey } from '../scoring/scoring-policy';
import { counted, formatInteger, formatNumber, formatScore, joinPt } from './report-format';
import type { ReportGroupInput, ReportInput, ReportItemReview } from './report-input';

export interface ReportItemLine {
  readonly label: string;
  readonly answer: string;
  readonly points: string;
  readonly note: string | null;
  readonly recommendation: string | null;
  /** The evidence the review validated: file names or links. */
  readonly evidence: readonly string[];
  /** A reviewer's adjustment: the government's own answer, the reviewer's rating and the justification. */
  readonly adjustment: {
    readonly officialAnswer: string;
    readonly reviewerAnswer: string;
    readonly note: string;
  } | null;
}

export interface ItemCounts {
  readonly met: number;
  readonly partial: number;
  readonly missing: number;
  readonly notApplicable: number;
}

/** The counts in words, with singular and plural: "1 atendido", "6 atendidos". */
export interface ItemCountLabels {
  readonly met: string;
  readonly partial: string;
  readonly missing: string;
  readonly notApplicable: string;
}

export const countLabels = (c: ItemCounts): ItemCountLabels => ({
  met: counted(c.met, 'atendido', 'atendidos'),
  partial: counted(c.partial, 'parcialmente atendido', 'parcialmente atendidos'),
  missing: counted(c.missing, 'não atendido', 'não atendidos'),
  notApplicable: counted(c.notApplicable, 'não se aplica', 'não se aplicam'),
});

export interface ReportChapter {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly heading: string;
  readonly dimension: string;
  readonly description: string | null;
  readonly questionnaireVersion: number;
  readonly score: string;
  readonly scoreValue: number | null;
  readonly level: string;
  readonly levelColor: string;
  readonly counts: ItemCounts;
  readonly countLabels: ItemCountLabels;
  readonly met: readonly ReportItemLine[];
  readonly partial: readonly ReportItemLine[];
  readonly missing: readonly ReportItemLine[];
  readonly notApplicable: readonly ReportItemLine[];
  readonly complementary: readonly { readonly label: string; readonly answer: string }[];
  readonly goodPractices: readonly string[];
  readonly priorities: readonly { readonly item: string; readonly commitment: string }[];
}

export const LEVEL_COLORS: Record<MaturityLevelKey, string> = {
  initial: '#c0392b',
  developing: '#e67e22',
  consolidated: '#2e8b57',
  reference: '#0b5394',
};
export const NO_LEVEL_COLOR = '#8795a1';

export const DIMENSION_LABELS: Record<ReportGroupInput['dimension'], string> = {
  governance: 'Instituições e governança',
  'rights-and-services': 'Acesso a direitos e serviços',
};
const YES_PARTIAL_NO: Record<string, string> = {
  yes: 'Sim',
  partial: 'Parcial',
  no: 'Não',
  [NOT_APPLICABLE]: 'Não se aplica',
};

/** Why a counted item scored 0, when it is not simply a negative answer. */
const ZERO_NOTES: Readonly<Record<string, string>> = {
  'missing-evidence':
    'A resposta é positiva, mas nenhuma evidência foi apresentada: o item conta como 0 até ser comprovado.',
  'pending-evidence':
    'A resposta é positiva, mas a evidência não foi aceita na revisão: o item conta como 0 até ser comprovado.',
  unanswered: 'Item não respondido: conta como 0.',
};

function levelOf(key: string | null | undefined): { label: string; color: string } {
  const level = MATURITY_LEVELS.find((l) => l.key === key);
  return level
    ? { label: level.label['pt-BR'], color: LEVEL_COLORS[level.key] }
    : { label: 'sem pontuação', color: NO_LEVEL_COLOR };
}

/** The answer as the official would read it. */
export function answerText(item: QuestionnaireItem, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Sem resposta';
  if (value === NOT_APPLICABLE) return 'Não se aplica';
  switch (item.type) {
    case 'yes-partial-no':
      return YES_PARTIAL_NO[value as string] ?? String(value);
    case 'single-choice':
      return item.options?.find((o) => o.key === value)?.label['pt-BR'] ?? String(value);
    case 'multiple-choice': {
      const chosen = (value as readonly string[]).map(
        (k) => item.options?.find((o) => o.key === k)?.label['pt-BR'] ?? k,
      );
      return chosen.length > 0 ? chosen.join('; ') : 'Nenhuma das opções';
    }
    case 'number':
      if (typeof value !== 'number') return String(value);
      // A year (an integer bounded to calendar years) is written without a thousands separator.
      if (item.integer && (item.min ?? 0) >= 1900 && (item.max ?? Infinity) <= 2200) return String(value);
      return item.integer ? formatInteger(value) : formatNumber(value);
    case 'text':
      return String(value);
    case 'evidence':
      return typeof value === 'object' && value !== null && 'url' in value
        ? value.url
        : 'Documento enviado à plataforma';
  }
}

const points = (p: number | null) => (p === null ? '' : `${formatInteger(p)} de 100 pontos`);

/** Evidence as the report names it: the uploaded file's name, or the link. */
const evidenceName = (e: ReportItemReview['evidence'][number]) => ('url' in e ? e.url : e.fileName);

/** What the review validated for an item: its evidence once accepted or adjusted, and an adjustment's terms. */
function reviewOf(
  item: QuestionnaireItem,
  review: ReportItemReview | undefined,
): Pick<ReportItemLine, 'evidence' | 'adjustment'> {
  if (!review) return { evidence: [], adjustment: null };
  const validated = review.status === 'accepted' || review.status === 'adjusted';
  const evidence = validated ? review.evidence.map(evidenceName) : [];
  // An evidence item's answer is itself the evidence.
  if (validated && item.type === 'evidence' && typeof review.officialValue === 'object') {
    const v = review.officialValue as { url?: string; file?: string };
    if (v.url && !evidence.includes(v.url)) evidence.push(v.url);
  }
  const adjustment =
    review.status === 'adjusted' && review.reviewerRating !== null
      ? {
          officialAnswer: answerText(item, review.officialValue),
          reviewerAnswer: answerText(item, review.reviewerRating),
          note: review.note ?? '',
        }
      : null;
  return { evidence, adjustment };
}

export function chapterOf(input: ReportInput, group: ReportGroupInput): ReportChapter {
  const q = group.questionnaire;
  const scored = input.snapshot.groups.find((g) => g.group === group.slug);
  const answers = input.answers[group.slug] ?? {};
  const reviews = input.reviews?.[group.slug] ?? {};
  const level = levelOf(scored?.level);
  const met: ReportItemLine[] = [];
  const partial: ReportItemLine[] = [];
  const missing: ReportItemLine[] = [];
  const notApplicable: ReportItemLine[] = [];
  const complementary: { label: string; answer: string }[] = [];
  for (const item of q.items) {
    const s = scored?.items.find((i) => i.key === item.key);
    if (!s || s.status === 'hidden') continue;
    const value = answers[item.key];
    const label = item.label['pt-BR'];
    if (s.status === 'informative') {
      if (value !== undefined && !(typeof value === 'string' && value.trim() === ''))
        complementary.push({ label, answer: answerText(item, value) });
      continue;
    }
    const recommendation = group.recommendations[item.key]?.['pt-BR'] ?? null;
    const reviewed = reviewOf(item, reviews[item.key]);
    if (s.status === 'not-applicable') {
      notApplicable.push({ label, answer: 'Não se aplica', points: '', note: null, recommendation: null, ...reviewed });
    } else if (s.counted && (s.points ?? 0) >= 100) {
      met.push({
        label,
        answer: answerText(item, value),
        points: points(s.points),
        note: null,
        recommendation: null,
        ...reviewed,
      });
    } else if (s.counted && (s.points ?? 0) > 0) {
      partial.push({
        label,
        answer: answerText(item, value),
        points: points(s.points),
        note: null,
        recommendation,
        ...reviewed,
      });
    } else if (s.counted) {
      missing.push({
        label,
        answer: answerText(item, value),
        points: points(s.points ?? 0),
        note: ZERO_NOTES[s.status] ?? null,
        recommendation,
        ...reviewed,
      });
    }
  }
  const title = q.title['pt-BR'];
  const counts = {
    met: met.length,
    partial: partial.length,
    missing: missing.length,
    notApplicable: notApplicable.length,
  };
  return {
    id: `grupo-${group.slug}`,
    number: group.number,
    title,
    heading: `Grupo ${group.number} — ${title}`,
    dimension: DIMENSION_LABELS[group.dimension],
    description: q.description?.['pt-BR'] ?? null,
    questionnaireVersion: q.version,
    score: formatScore(scored?.score),
    scoreValue: scored?.score ?? null,
    level: level.label,
    levelColor: level.color,
    counts,
    countLabels: countLabels(counts),
    met,
    partial,
    missing,
    notApplicable,
    complementary,
    goodPractices: input.goodPractices.filter((p) => p.groupSlug === group.slug).map((p) => p.title),
    priorities: input.priorities
      .filter((p) => p.groupSlug === group.slug)
      .map((p) => ({
        item: q.items.find((i) => i.key === p.itemKey)?.label['pt-BR'] ?? p.itemKey,
        commitment: p.commitment,
      })),
  };
}

/** "«Acesso à saúde» (92,5)", at most three names, then how many more. */
function namesWithScores(chapters: readonly ReportChapter[]): string {
  const shown = chapters.slice(0, 3).map((c) => `«${c.title}» (${c.score})`);
  const more = chapters.length - shown.length;
  return more > 0 ? `${shown.join(', ')} e mais ${more} grupo${more > 1 ? 's' : ''}` : joinPt(shown);
}

/** The strongest and weakest groups in words (ties named together, never picked arbitrarily). */
export function strengthsInWords(chapters: readonly ReportChapter[]): { strongest: string; weakest: string } {
  const scored = chapters.filter((c) => c.scoreValue !== null);
  if (scored.length === 0) return { strongest: 'Nenhum grupo teve itens pontuáveis nesta edição.', weakest: '' };
  const values = scored.map((c) => c.scoreValue as number);
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (max === min) {
    return { strongest: `Todos os grupos avaliados têm a mesma pontuação (${formatScore(max)}).`, weakest: '' };
  }
  const top = scored.filter((c) => c.scoreValue === max);
  const bottom = scored.filter((c) => c.scoreValue === min);
  return {
    strongest:
      top.length === 1
        ? `O grupo com melhor resultado é ${namesWithScores(top)}.`
        : `Os grupos com melhor resultado são ${namesWithScores(top)}.`,
    weakest:
      bottom.length === 1
        ? `O grupo que mais precisa de atenção é ${namesWithScores(bottom)}.`
        : `Os grupos que mais precisam de atenção são ${namesWithScores(bottom)}.`,
  };
}
