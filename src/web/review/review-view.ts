import { STATE_LABELS, type AssessmentState } from '../../core/assessment/assessment-state';
import type { EvidenceRef } from '../../core/assessment/assessment.types';
import { type Language, type MessageKey, translate } from '../../core/i18n/message';
import type { AnswerValue, Questionnaire, QuestionnaireItem } from '../../core/questionnaire/questionnaire.types';
import { itemId, valueLabel } from '../official/diagnosis/diagnosis-view';

export type Decision = 'accept' | 'adjust' | 'send-back';
export const DECISIONS: readonly Decision[] = ['accept', 'adjust', 'send-back'];

/** The parts of AssessmentViewService.withQuestionnaires the review page reads. */
export interface ReviewData {
  readonly id: string;
  readonly editionYear: number;
  readonly government: { readonly name: string; readonly uf: string };
  readonly state: AssessmentState;
  readonly round: number;
  readonly groups: readonly {
    readonly group: string;
    readonly items: readonly {
      readonly key: string;
      readonly visible: boolean;
      readonly answer: {
        readonly value: AnswerValue | null;
        readonly evidence?: readonly EvidenceRef[] | null;
        readonly reviewStatus?: string;
        readonly reviewerRating?: AnswerValue | null;
        readonly reviewNote?: string | null;
        readonly changedRound?: number;
      };
    }[];
  }[];
  readonly questionnaires: readonly { readonly number: number; readonly questionnaire: Questionnaire }[];
}

/** What changed since the last round (ReviewRoundsService.changesSinceLastRound). */
export interface ChangesData {
  readonly round: number;
  readonly changes: readonly {
    readonly group: string;
    readonly itemKey: string;
    readonly comment: string | null;
    readonly before: unknown;
    readonly beforeEvidence: unknown;
    readonly now: unknown;
    readonly nowEvidence: unknown;
  }[];
}

/** A decisions form sent back to the reviewer: what was typed and the problems, per item anchor. */
export interface DecisionsFormState {
  readonly values: Readonly<Record<string, { decision: string; rating: string; note: string }>>;
  readonly problems: Readonly<Record<string, { field: 'decision' | 'rating' | 'note'; text: string }>>;
}

/** One decision parsed from the form, with the anchor of its item. */
export interface PlannedDecision {
  readonly anchor: string;
  readonly group: string;
  readonly itemKey: string;
  readonly decision: Decision;
  readonly rating?: string;
  readonly note?: string;
}

/** The form's field names of an item's decision. */
export const fieldName = (part: 'decision' | 'rating' | 'note', group: string, key: string) =>
  `${part}.${group}.${key}`;

/** The ids of an item's parts, from its anchor. */
export const partId = (anchor: string, part: 'decision' | 'rating' | 'note') => `${anchor}--${part}`;

/** Items whose rating a reviewer can set: those answered by choosing among options. */
export const adjustable = (item: QuestionnaireItem) => item.type === 'yes-partial-no' || item.type === 'single-choice';

function ratingChoices(item: QuestionnaireItem, lang: Language): { value: string; label: string }[] {
  if (item.type === 'yes-partial-no') {
    const keys = ['yes', 'partial', 'no', ...(item.allowNotApplicable ? ['not-applicable'] : [])];
    return keys.map((k) => ({ value: k, label: valueLabel(item, k, lang) }));
  }
  return (item.options ?? []).map((o) => ({ value: o.key, label: o.label[lang] }));
}

/** An evidence reference as the page shows it: a link, or a stored file previewed when it is a PDF or an image. */
export function evidenceView(id: string, e: EvidenceRef, lang: Language) {
  if ('url' in e) return { href: e.url, name: e.url, link: true, pdf: false, image: false };
  const href = `/revisao/${encodeURIComponent(id)}/arquivos/${encodeURIComponent(e.file)}`;
  return {
    href,
    name: e.fileName || translate('web.review.evidence.file', lang),
    link: false,
    pdf: e.mime === 'application/pdf',
    image: e.mime.startsWith('image/'),
  };
}

/** The evidence of an answer: its list, plus the answer itself when the item is an evidence item. */
function evidenceOf(id: string, value: AnswerValue | null, refs: readonly EvidenceRef[] | null | undefined) {
  const all: EvidenceRef[] = [...(refs ?? [])];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { url?: string; file?: string };
    if (v.url && !all.some((r) => 'url' in r && r.url === v.url)) all.push({ url: v.url });
    if (v.file && !all.some((r) => 'file' in r && r.file === v.file))
      all.push({ file: v.file, fileName: '', mime: '' });
  }
  return all;
}

const STATUS_KEYS: Record<string, MessageKey> = {
  pending: 'web.review.status.pending',
  accepted: 'web.review.status.accepted',
  adjusted: 'web.review.status.adjusted',
  'sent-back': 'web.review.status.sent-back',
};

/** Where a diagnosis stands for its reviewer: which acts the page offers. */
export function reviewActs(state: AssessmentState) {
  const open = state === 'submitted' || state === 'resubmitted' || state === 'in-review';
  return { canStart: state === 'submitted' || state === 'resubmitted', canDecide: open };
}

/** The review page's items, grouped, each with the official's answer in words, its evidence and the decision form. */
export function reviewGroups(data: ReviewData, lang: Language, form: DecisionsFormState | null) {
  const { canDecide } = reviewActs(data.state);
  return data.groups.map((g, gi) => {
    const { number, questionnaire } = data.questionnaires[gi];
    const items = g.items
      .filter((row) => row.visible && row.answer.value !== null)
      .map((row) => {
        const item = questionnaire.items.find((i) => i.key === row.key)!;
        const anchor = itemId(g.group, row.key);
        const typed = form?.values[anchor];
        const problem = form?.problems[anchor];
        const status = row.answer.reviewStatus ?? 'pending';
        const chosen = typed?.decision ?? '';
        const decisions = [
          { value: '', label: translate('web.review.decision.none', lang) },
          { value: 'accept', label: translate('web.review.decision.accept', lang) },
          ...(adjustable(item) ? [{ value: 'adjust', label: translate('web.review.decision.adjust', lang) }] : []),
          { value: 'send-back', label: translate('web.review.decision.send-back', lang) },
        ].map((d, di) => ({ ...d, id: `${anchor}--d${di}`, checked: d.value === chosen }));
        const rating = typed?.rating ?? '';
        return {
          anchor,
          group: g.group,
          key: row.key,
          number: questionnaire.items.indexOf(item) + 1,
          label: item.label[lang],
          answer: valueLabel(item, row.answer.value, lang),
          evidence: evidenceOf(data.id, row.answer.value, row.answer.evidence).map((e) =>
            evidenceView(data.id, e, lang),
          ),
          status,
          statusText: translate(STATUS_KEYS[status] ?? 'web.review.status.pending', lang),
          rating:
            row.answer.reviewerRating !== null && row.answer.reviewerRating !== undefined
              ? valueLabel(item, row.answer.reviewerRating, lang)
              : null,
          note: row.answer.reviewNote ?? null,
          changed: data.round > 1 && row.answer.changedRound === data.round,
          canDecide,
          decisions,
          decisionName: fieldName('decision', g.group, row.key),
          decisionId: partId(anchor, 'decision'),
          ratingName: fieldName('rating', g.group, row.key),
          ratingId: partId(anchor, 'rating'),
          ratings: adjustable(item)
            ? [{ value: '', label: translate('web.review.rating.choose', lang), selected: rating === '' }].concat(
                ratingChoices(item, lang).map((c) => ({ ...c, selected: c.value === rating })),
              )
            : null,
          noteName: fieldName('note', g.group, row.key),
          noteId: partId(anchor, 'note'),
          noteValue: typed?.note ?? '',
          problem: problem ? { ...problem, id: `${anchor}--error` } : null,
        };
      });
    return {
      slug: g.group,
      heading: translate('web.review.group.heading', lang, { number, title: questionnaire.title[lang] }),
      items,
      counts: translate('web.review.group.counts', lang, {
        total: items.length,
        pending: items.filter((i) => i.status === 'pending').length,
      }),
    };
  });
}

/** Reads the decisions form: only the items given a decision, the typed values kept for a second showing. */
export function planDecisions(data: ReviewData, body: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
  const decisions: PlannedDecision[] = [];
  const values: Record<string, { decision: string; rating: string; note: string }> = {};
  for (const g of data.groups) {
    for (const row of g.items) {
      const anchor = itemId(g.group, row.key);
      const decision = text(body[fieldName('decision', g.group, row.key)]);
      const rating = text(body[fieldName('rating', g.group, row.key)]);
      const note = text(body[fieldName('note', g.group, row.key)]).trim();
      if (!DECISIONS.includes(decision as Decision)) continue;
      values[anchor] = { decision, rating, note };
      decisions.push({
        anchor,
        group: g.group,
        itemKey: row.key,
        decision: decision as Decision,
        ...(decision === 'adjust' && rating ? { rating } : {}),
        ...(note ? { note } : {}),
      });
    }
  }
  return { decisions, values };
}

/** The service's problems (`decisions.<i>.<part>`) as problems of the items the form named. */
export function problemsOf(
  planned: readonly PlannedDecision[],
  fields: readonly { field: string; message: { 'pt-BR': string; en: string } }[],
  lang: Language,
  nameOf: (d: PlannedDecision) => string = (d) => d.itemKey,
): DecisionsFormState['problems'] {
  const problems: Record<string, { field: 'decision' | 'rating' | 'note'; text: string }> = {};
  for (const f of fields) {
    const m = /^decisions\.(\d+)\.(\w+)$/.exec(f.field);
    const d = m ? planned[Number(m[1])] : undefined;
    if (!d || problems[d.anchor]) continue;
    const part = m![2] === 'rating' || m![2] === 'note' ? m![2] : 'decision';
    problems[d.anchor] = { field: part, text: `${nameOf(d)}: ${f.message[lang]}` };
  }
  return problems;
}

/** "1.3 Label of the item", as the page numbers it. */
export function itemTitle(data: ReviewData, group: string, key: string, lang: Language): string {
  const gi = data.groups.findIndex((g) => g.group === group);
  const q = data.questionnaires[gi]?.questionnaire;
  const item = q?.items.find((i) => i.key === key);
  return item ? `${data.questionnaires[gi].number}.${q.items.indexOf(item) + 1} ${item.label[lang]}` : key;
}

/** Previous answer beside the current one, for each item the officials changed since the last round. */
export function changesView(data: ReviewData, changes: ChangesData, lang: Language) {
  return changes.changes.map((c) => {
    const gi = data.groups.findIndex((g) => g.group === c.group);
    const q = data.questionnaires[gi]?.questionnaire;
    const item = q?.items.find((i) => i.key === c.itemKey);
    const words = (v: unknown) => (item ? valueLabel(item, v as AnswerValue | null, lang) : String(v ?? ''));
    const refs = (v: unknown) =>
      (Array.isArray(v) ? (v as EvidenceRef[]) : []).map((e) => evidenceView(data.id, e, lang));
    return {
      anchor: itemId(c.group, c.itemKey),
      label: itemTitle(data, c.group, c.itemKey, lang),
      comment: c.comment,
      before: words(c.before),
      beforeEvidence: refs(c.beforeEvidence),
      now: words(c.now),
      nowEvidence: refs(c.nowEvidence),
    };
  });
}

/** The diagnosis's heading lines. */
export function reviewHeading(data: ReviewData, lang: Language) {
  return {
    title: translate('web.review.heading', lang, {
      government: data.government.name,
      uf: data.government.uf,
      year: data.editionYear,
    }),
    state: translate('web.review.state', lang, { state: STATE_LABELS[data.state][lang], round: data.round }),
  };
}
