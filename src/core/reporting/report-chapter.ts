/**
 * One chapter of the Relatório de Diagnóstico per indicator group: what is met, partly met, missing and not
 * applicable, with the group module's recommendations, worded in the report's language (texts from the
 * catalogue, questionnaire labels in that language). Pure: plain inputs, no I/O.
 */
import type { MessageKey } from '../i18n/message';
import { type AnswerValue, NOT_APPLICABLE, type QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { MATURITY_LEVELS, type MaturityLevelKey } from '../scoring/scoring-policy';
import type { ReportWriter } from './report-format';
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

/** The counts in words, with singular and plural: "1 atendido", "6 atendidos" ("1 met", "6 met"). */
export interface ItemCountLabels {
  readonly met: string;
  readonly partial: string;
  readonly missing: string;
  readonly notApplicable: string;
}

export const countLabels = (c: ItemCounts, w: ReportWriter): ItemCountLabels => ({
  met: w.counted('reporting.count.met', c.met),
  partial: w.counted('reporting.count.partial', c.partial),
  missing: w.counted('reporting.count.missing', c.missing),
  notApplicable: w.counted('reporting.count.not-applicable', c.notApplicable),
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

export const DIMENSION_KEYS: Record<ReportGroupInput['dimension'], MessageKey> = {
  governance: 'reporting.dimension.governance',
  'rights-and-services': 'reporting.dimension.rights-and-services',
};
const YES_PARTIAL_NO: Readonly<Record<string, MessageKey>> = {
  yes: 'reporting.answer.yes',
  partial: 'reporting.answer.partial',
  no: 'reporting.answer.no',
  [NOT_APPLICABLE]: 'reporting.answer.not-applicable',
};

/** Why a counted item scored 0, when it is not simply a negative answer. */
const ZERO_NOTES: Readonly<Record<string, MessageKey>> = {
  'missing-evidence': 'reporting.zero.missing-evidence',
  'pending-evidence': 'reporting.zero.pending-evidence',
  unanswered: 'reporting.zero.unanswered',
};

function levelOf(key: string | null | undefined, w: ReportWriter): { label: string; color: string } {
  const level = MATURITY_LEVELS.find((l) => l.key === key);
  return level
    ? { label: level.label[w.lang], color: LEVEL_COLORS[level.key] }
    : { label: w.t('reporting.level.no-score'), color: NO_LEVEL_COLOR };
}

/** The answer as the official would read it, in the report's language. */
export function answerText(item: QuestionnaireItem, value: AnswerValue | undefined, w: ReportWriter): string {
  if (value === undefined) return w.t('reporting.answer.none');
  if (value === NOT_APPLICABLE) return w.t('reporting.answer.not-applicable');
  switch (item.type) {
    case 'yes-partial-no': {
      const key = YES_PARTIAL_NO[value as string];
      return key ? w.t(key) : String(value);
    }
    case 'single-choice':
      return item.options?.find((o) => o.key === value)?.label[w.lang] ?? String(value);
    case 'multiple-choice': {
      const chosen = (value as readonly string[]).map(
        (k) => item.options?.find((o) => o.key === k)?.label[w.lang] ?? k,
      );
      return chosen.length > 0 ? chosen.join('; ') : w.t('reporting.answer.no-option');
    }
    case 'number':
      if (typeof value !== 'number') return String(value);
      // A year (an integer bounded to calendar years) is written without a thousands separator.
      if (item.integer && (item.min ?? 0) >= 1900 && (item.max ?? Infinity) <= 2200) return String(value);
      return item.integer ? w.integer(value) : w.number(value);
    case 'text':
      return String(value);
    case 'evidence':
      return typeof value === 'object' && value !== null && 'url' in value
        ? value.url
        : w.t('reporting.answer.uploaded');
  }
}

const points = (p: number | null, w: ReportWriter) =>
  p === null ? '' : w.t('reporting.item.points', { points: w.integer(p) });

/** Evidence as the report names it: the uploaded file's name, or the link. */
const evidenceName = (e: ReportItemReview['evidence'][number]) => ('url' in e ? e.url : e.fileName);

/** What the review validated for an item: its evidence once accepted or adjusted, and an adjustment's terms. */
function reviewOf(
  item: QuestionnaireItem,
  review: ReportItemReview | undefined,
  w: ReportWriter,
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
          officialAnswer: answerText(item, review.officialValue, w),
          reviewerAnswer: answerText(item, review.reviewerRating, w),
          note: review.note ?? '',
        }
      : null;
  return { evidence, adjustment };
}

export function chapterOf(input: ReportInput, group: ReportGroupInput, w: ReportWriter): ReportChapter {
  const q = group.questionnaire;
  const scored = input.snapshot.groups.find((g) => g.group === group.slug);
  const answers = input.answers[group.slug] ?? {};
  const reviews = input.reviews?.[group.slug] ?? {};
  const level = levelOf(scored?.level, w);
  const met: ReportItemLine[] = [];
  const partial: ReportItemLine[] = [];
  const missing: ReportItemLine[] = [];
  const notApplicable: ReportItemLine[] = [];
  const complementary: { label: string; answer: string }[] = [];
  for (const item of q.items) {
    const s = scored?.items.find((i) => i.key === item.key);
    if (!s || s.status === 'hidden') continue;
    const value = answers[item.key];
    const label = item.label[w.lang];
    if (s.status === 'informative') {
      if (value !== undefined && !(typeof value === 'string' && value.trim() === ''))
        complementary.push({ label, answer: answerText(item, value, w) });
      continue;
    }
    const recommendation = group.recommendations[item.key]?.[w.lang] ?? null;
    const reviewed = reviewOf(item, reviews[item.key], w);
    const answer = answerText(item, value, w);
    if (s.status === 'not-applicable') {
      notApplicable.push({
        label,
        answer: w.t('reporting.answer.not-applicable'),
        points: '',
        note: null,
        recommendation: null,
        ...reviewed,
      });
    } else if (s.counted && (s.points ?? 0) >= 100) {
      met.push({
        label,
        answer,
        points: points(s.points, w),
        note: null,
        recommendation: null,
        ...reviewed,
      });
    } else if (s.counted && (s.points ?? 0) > 0) {
      partial.push({
        label,
        answer,
        points: points(s.points, w),
        note: null,
        recommendation,
        ...reviewed,
      });
    } else if (s.counted) {
      missing.push({
        label,
        answer,
        points: points(s.points ?? 0, w),
        note: ZERO_NOTES[s.status] ? w.t(ZERO_NOTES[s.status]) : null,
        recommendation,
        ...reviewed,
      });
    }
  }
  const title = q.title[w.lang];
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
    heading: w.t('reporting.chapter.heading', { number: String(group.number), title }),
    dimension: w.t(DIMENSION_KEYS[group.dimension]),
    description: q.description?.[w.lang] ?? null,
    questionnaireVersion: q.version,
    score: w.score(scored?.score),
    scoreValue: scored?.score ?? null,
    level: level.label,
    levelColor: level.color,
    counts,
    countLabels: countLabels(counts, w),
    met,
    partial,
    missing,
    notApplicable,
    complementary,
    goodPractices: input.goodPractices.filter((p) => p.groupSlug === group.slug).map((p) => p.title),
    priorities: input.priorities
      .filter((p) => p.groupSlug === group.slug)
      .map((p) => ({
        item: q.items.find((i) => i.key === p.itemKey)?.label[w.lang] ?? p.itemKey,
        commitment: p.commitment,
      })),
  };
}

/** "«Acesso à saúde» (92,5)", at most three names, then how many more. */
function namesWithScores(chapters: readonly ReportChapter[], w: ReportWriter): string {
  const shown = chapters.slice(0, 3).map((c) => w.t('reporting.strengths.name', { title: c.title, score: c.score }));
  const more = chapters.length - shown.length;
  return more > 0 ? w.counted('reporting.strengths.more', more, { names: shown.join(', ') }) : w.list(shown);
}

/** The strongest and weakest groups in words (ties named together, never picked arbitrarily). */
export function strengthsInWords(
  chapters: readonly ReportChapter[],
  w: ReportWriter,
): { strongest: string; weakest: string } {
  const scored = chapters.filter((c) => c.scoreValue !== null);
  if (scored.length === 0) return { strongest: w.t('reporting.strengths.none'), weakest: '' };
  const values = scored.map((c) => c.scoreValue as number);
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (max === min) return { strongest: w.t('reporting.strengths.all-equal', { score: w.score(max) }), weakest: '' };
  const top = scored.filter((c) => c.scoreValue === max);
  const bottom = scored.filter((c) => c.scoreValue === min);
  return {
    strongest: w.counted('reporting.strengths.strongest', top.length, { names: namesWithScores(top, w) }),
    weakest: w.counted('reporting.strengths.weakest', bottom.length, { names: namesWithScores(bottom, w) }),
  };
}
