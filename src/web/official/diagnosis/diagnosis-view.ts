import { EDITABLE_STATES, STATE_LABELS, type AssessmentState } from '../../../core/assessment/assessment-state';
import type { EvidenceRef } from '../../../core/assessment/assessment.types';
import { brasiliaTime } from '../../../core/assessment/item-name';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { formatDate, formatNumber, type Language, type MessageKey, translate } from '../../../core/i18n/message';
import type { AnswerValue, Questionnaire, QuestionnaireItem } from '../../../core/questionnaire/questionnaire.types';

/** The parts of AssessmentViewService.withQuestionnaires the diagnosis pages read. */
export interface DiagnosisData {
  readonly id: string;
  readonly editionYear: number;
  readonly government: { readonly name: string };
  readonly state: AssessmentState;
  readonly previousEditionYear: number | null;
  readonly missing: readonly { readonly item: string; readonly reason?: string }[];
  readonly groups: readonly {
    readonly group: string;
    readonly items: readonly { readonly key: string; readonly visible: boolean; readonly answer: SavedAnswer }[];
  }[];
  readonly questionnaires: readonly { readonly number: number; readonly questionnaire: Questionnaire }[];
}

export interface SavedAnswer {
  readonly value: AnswerValue | null;
  readonly version: number;
  readonly evidence?: readonly EvidenceRef[] | null;
  readonly carried?: boolean;
  readonly reviewStatus?: string;
  readonly reviewNote?: string | null;
}

/** What another save holds for an item the official changed too (from a 409's details). */
export interface ConflictInfo {
  readonly currentVersion: number;
  readonly currentValue: AnswerValue | null;
  readonly changedBy: { readonly name: string | null } | null;
  readonly changedAt: string | null;
  readonly byYou: boolean;
}

/** A group form sent back to the official: the values typed, the problems and the conflicts, per item key. */
export interface GroupFormState {
  readonly group: string;
  readonly values: Readonly<Record<string, string | string[]>>;
  readonly evidenceUrls: Readonly<Record<string, string>>;
  readonly problems: Readonly<Record<string, string>>;
  readonly conflicts: Readonly<Record<string, ConflictInfo>>;
}

export interface Progress {
  readonly total: number;
  readonly answered: number;
  readonly requiredLeft: number;
  readonly evidenceMissing: number;
  readonly carried: number;
}

export const SENT_BACK_FILTER = 'devolvidos';
const SELECT_FROM = 6;
const TEXTAREA_FROM = 200;
const YES_PARTIAL_NO: readonly string[] = ['yes', 'partial', 'no'];

/** The DOM id of an item: unique across groups (item keys repeat from one group to another). */
export const itemId = (group: string, key: string) => `item-${group}--${key}`;

/** Answered / left per group, from the view's visible items and its list of what stops a submission. */
export function groupProgress(group: DiagnosisData['groups'][number], missing: DiagnosisData['missing']): Progress {
  const visible = group.items.filter((i) => i.visible);
  const mine = missing.filter((m) => m.item.startsWith(`${group.group}.`));
  const count = (reason: string) => mine.filter((m) => m.reason === reason).length;
  return {
    total: visible.length,
    answered: visible.filter((i) => i.answer.value !== null).length,
    requiredLeft: count('REQUIRED'),
    evidenceMissing: count('EVIDENCE_MISSING'),
    carried: count('CARRIED_NOT_CONFIRMED'),
  };
}

export function sumProgress(all: readonly Progress[]): Progress {
  const sum = (f: keyof Progress) => all.reduce((n, p) => n + p[f], 0);
  return {
    total: sum('total'),
    answered: sum('answered'),
    requiredLeft: sum('requiredLeft'),
    evidenceMissing: sum('evidenceMissing'),
    carried: sum('carried'),
  };
}

function progressView(p: Progress, lang: Language) {
  const t = (key: MessageKey, params: Record<string, number>) => translate(key, lang, params);
  return {
    answered: t('web.diagnosis.progress.answered', { answered: p.answered, total: p.total }),
    left: [
      ...(p.requiredLeft ? [t('web.diagnosis.progress.required-left', { count: p.requiredLeft })] : []),
      ...(p.evidenceMissing ? [t('web.diagnosis.progress.evidence-missing', { count: p.evidenceMissing })] : []),
      ...(p.carried ? [t('web.diagnosis.progress.carried', { count: p.carried })] : []),
    ],
    complete: p.requiredLeft + p.evidenceMissing + p.carried === 0,
    percent: p.total === 0 ? 100 : Math.round((100 * p.answered) / p.total),
  };
}

/** An answer as a person reads it, in the page's language. */
export function valueLabel(item: QuestionnaireItem, value: AnswerValue | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return translate('web.diagnosis.answer.none', lang);
  switch (item.type) {
    case 'yes-partial-no':
      return translate(`web.diagnosis.answer.${value as 'yes'}`, lang);
    case 'single-choice':
      return item.options?.find((o) => o.key === value)?.label[lang] ?? String(value);
    case 'multiple-choice': {
      const keys = value as readonly string[];
      if (keys.length === 0) return translate('web.diagnosis.answer.none', lang);
      return keys.map((k) => item.options?.find((o) => o.key === k)?.label[lang] ?? k).join(', ');
    }
    case 'number':
      return formatNumber(value as number, lang);
    case 'evidence': {
      const v = value as { url?: string; file?: string };
      return v.url ?? translate('web.diagnosis.evidence.legend', lang);
    }
    default:
      return String(value);
  }
}

/** "Ana saved «Sim» on 01/12/2026 at 14:32" (or "You … in another tab"), in Brasília time. */
export function conflictText(item: QuestionnaireItem, c: ConflictInfo, lang: Language): string {
  const at = brasiliaTime(c.changedAt ? new Date(c.changedAt) : new Date(0));
  const params = {
    value: valueLabel(item, c.currentValue, lang),
    date: formatDate(at.date, lang),
    time: at.time,
    name: c.changedBy?.name ?? translate('web.diagnosis.conflict.someone', lang),
  };
  return translate(c.byYou ? 'web.diagnosis.conflict.you' : 'web.diagnosis.conflict.other', lang, params);
}

/** The text shown in a control for a saved (or typed) answer. */
function inputText(item: QuestionnaireItem, value: AnswerValue | null, lang: Language): string {
  if (value === null) return '';
  if (item.type === 'number') return formatNumber(value as number, lang);
  if (item.type === 'evidence') return (value as { url?: string }).url ?? '';
  return typeof value === 'string' ? value : '';
}

function hintOf(item: QuestionnaireItem, lang: Language): string | null {
  if (item.type === 'number') {
    const parts = [
      ...(item.min !== undefined && item.max !== undefined
        ? [translate('web.diagnosis.number.range', lang, { min: item.min, max: item.max })]
        : item.min !== undefined
          ? [translate('web.diagnosis.number.at-least', lang, { min: item.min })]
          : []),
      ...(item.integer ? [translate('web.diagnosis.number.integer', lang)] : []),
    ];
    return parts.length ? parts.join(' ') : null;
  }
  if (item.type === 'text' && item.maxLength) return translate('web.diagnosis.text.max', lang, { max: item.maxLength });
  if (item.type === 'evidence') return translate('web.diagnosis.evidence.link-hint', lang);
  return null;
}

interface ItemContext {
  readonly data: DiagnosisData;
  readonly groupNumber: number;
  readonly index: number;
  readonly lang: Language;
  readonly form: GroupFormState | null;
  readonly editableState: boolean;
}

function itemView(
  item: QuestionnaireItem,
  row: DiagnosisData['groups'][number]['items'][number],
  group: string,
  ctx: ItemContext,
) {
  const { lang, form, data } = ctx;
  const id = itemId(group, item.key);
  // The item's parts take a short id of their own (i6-1-…): a hundred items repeat it a dozen times each.
  const sid = `i${ctx.groupNumber}-${ctx.index + 1}`;
  const answer = row.answer;
  const sentBack = answer.reviewStatus === 'sent-back';
  const editable = ctx.editableState && (data.state !== 'changes-requested' || sentBack);
  const typed = form?.values[item.key];
  const chosen: readonly string[] =
    typed !== undefined
      ? Array.isArray(typed)
        ? typed
        : [typed]
      : Array.isArray(answer.value)
        ? (answer.value as string[])
        : typeof answer.value === 'string'
          ? [answer.value]
          : [];
  const optionList =
    item.type === 'yes-partial-no'
      ? [...YES_PARTIAL_NO, ...(item.allowNotApplicable ? ['not-applicable'] : [])].map((v) => ({
          value: v,
          label: translate(`web.diagnosis.answer.${v as 'yes'}`, lang),
        }))
      : (item.options ?? []).map((o) => ({ value: o.key, label: o.label[lang] }));
  const options = optionList.map((o) => ({ ...o, id: `${sid}-${o.value}`, checked: chosen.includes(o.value) }));
  const files = (answer.evidence ?? []).filter((e): e is Extract<EvidenceRef, { file: string }> => 'file' in e);
  const savedUrl = (answer.evidence ?? []).find((e): e is { url: string } => 'url' in e)?.url ?? '';
  const hint = hintOf(item, lang);
  const error = form?.problems[item.key] ?? null;
  const conflict = form?.conflicts[item.key] ?? null;
  const wantsEvidence = item.type !== 'evidence' && item.evidence !== 'none';
  const describedBy = [
    ...(item.guidance ? [`${sid}-guidance`] : []),
    ...(hint ? [`${sid}-hint`] : []),
    ...(error ? [`${sid}-error`] : []),
  ].join(' ');
  const kind = item.type;
  return {
    id,
    sid,
    key: item.key,
    group,
    type: item.type,
    ref: `${ctx.groupNumber}.${ctx.index + 1}`,
    number: translate('web.diagnosis.item.number', lang, { number: `${ctx.groupNumber}.${ctx.index + 1}` }),
    label: item.label[lang],
    guidance: item.guidance?.[lang] ?? null,
    requiredText: translate(item.required ? 'web.diagnosis.item.required' : 'web.diagnosis.item.optional', lang),
    ypn: kind === 'yes-partial-no',
    radios: kind === 'yes-partial-no' || (kind === 'single-choice' && options.length < SELECT_FROM),
    select: kind === 'single-choice' && options.length >= SELECT_FROM,
    multiple: kind === 'multiple-choice',
    numeric: kind === 'number',
    integer: !!item.integer,
    text: kind === 'text' && (item.maxLength ?? 0) <= TEXTAREA_FROM,
    textarea: kind === 'text' && (item.maxLength ?? 0) > TEXTAREA_FROM,
    maxLength: item.maxLength ?? null,
    evidenceItem: kind === 'evidence',
    options,
    inputValue: typeof typed === 'string' ? typed : inputText(item, answer.value, lang),
    hint,
    error,
    describedBy: describedBy || null,
    visible: row.visible,
    enabled: row.visible && editable,
    editable,
    condition: item.visibleWhen ? { item: item.visibleWhen.item, values: JSON.stringify(item.visibleWhen.in) } : null,
    version: conflict ? conflict.currentVersion : answer.version,
    savedJson: JSON.stringify(answer.value ?? null),
    filesJson: JSON.stringify(files.map((f) => ({ file: f.file, fileName: f.fileName }))),
    locked: ctx.editableState && !editable,
    carried:
      answer.carried && answer.value !== null
        ? {
            text: translate('web.diagnosis.carried', lang, {
              year: data.previousEditionYear ?? data.editionYear - 1,
            }),
          }
        : null,
    sentBack: sentBack ? { note: answer.reviewNote ?? '' } : null,
    evidence: wantsEvidence
      ? {
          hint: translate(
            item.evidence === 'required' ? 'web.diagnosis.evidence.required' : 'web.diagnosis.evidence.optional',
            lang,
          ),
          url: form?.evidenceUrls[item.key] ?? savedUrl,
        }
      : null,
    upload: wantsEvidence || kind === 'evidence',
    files: files.map((f) => ({ name: f.fileName, href: `/api/assessments/${data.id}/files/${f.file}` })),
    conflict: conflict ? { text: conflictText(item, conflict, lang) } : null,
  };
}

export type ItemView = ReturnType<typeof itemView>;

/** The diagnosis page: the nav with progress, every group's form and items, the filter of items sent back. */
export function diagnosisPage(
  data: DiagnosisData,
  lang: Language,
  options: { filter?: string | null; form?: GroupFormState | null } = {},
) {
  const editableState = EDITABLE_STATES.includes(data.state);
  const onlySentBack = options.filter === SENT_BACK_FILTER;
  const stateLabel = (STATE_LABELS[data.state] as LocalizedText)[lang];
  const progresses: Progress[] = [];
  let sentBackCount = 0;
  const groups = data.groups.map((g, gi) => {
    const { number, questionnaire } = data.questionnaires[gi];
    const progress = groupProgress(g, data.missing);
    progresses.push(progress);
    const form = options.form?.group === g.group ? options.form : null;
    const items = questionnaire.items.map((item, index) =>
      itemView(
        item,
        g.items.find((r) => r.key === item.key)!,
        g.group,
        {
          data,
          groupNumber: number,
          index,
          lang,
          form,
          editableState,
        },
      ),
    );
    sentBackCount += items.filter((i) => i.sentBack).length;
    const shown = onlySentBack ? items.filter((i) => i.sentBack) : items;
    return {
      slug: g.group,
      anchor: `group-${g.group}`,
      formId: `form-${g.group}`,
      heading: translate('web.diagnosis.group.heading', lang, { number, title: questionnaire.title[lang] }),
      title: questionnaire.title[lang],
      progress: progressView(progress, lang),
      items: shown,
      show: shown.length > 0,
      action: `/avaliacoes/${data.id}/grupos/${g.group}`,
      canSave: editableState && shown.some((i) => i.editable),
    };
  });
  const t = (key: MessageKey) => translate(key, lang);
  return {
    id: data.id,
    /** Texts every item shows, translated once for the page. */
    l: {
      sentBack: t('web.diagnosis.sent-back'),
      sentBackComment: t('web.diagnosis.sent-back.comment'),
      locked: t('web.diagnosis.item.locked'),
      carriedConfirm: t('web.diagnosis.carried.confirm'),
      choose: t('web.diagnosis.answer.choose'),
      evidence: t('web.diagnosis.evidence.legend'),
      evidenceLink: t('web.diagnosis.evidence.link'),
      files: t('web.diagnosis.evidence.files'),
      file: t('web.diagnosis.evidence.file'),
      upload: t('web.diagnosis.evidence.upload'),
      accept: '.pdf,.png,.jpg,.jpeg,.doc,.docx,.odt,.xls,.xlsx,.ods',
      conflictTitle: t('web.diagnosis.conflict.title'),
      conflictMine: t('web.diagnosis.conflict.mine'),
      keep: t('web.diagnosis.conflict.keep'),
      take: t('web.diagnosis.conflict.take'),
    },
    edition: translate('web.diagnosis.edition', lang, { year: data.editionYear, government: data.government.name }),
    stateText: translate('web.diagnosis.state', lang, { state: stateLabel }),
    editable: editableState,
    readOnly: editableState ? null : translate('web.diagnosis.read-only', lang, { state: stateLabel }),
    changesRequested: data.state === 'changes-requested',
    overall: progressView(sumProgress(progresses), lang),
    groups: groups.map((g) => ({ ...g, itemCount: g.items.length })),
    nav: groups.map((g) => ({ anchor: g.anchor, heading: g.heading, progress: g.progress })),
    filter: {
      active: onlySentBack,
      count: sentBackCount,
      show: sentBackCount > 0 || onlySentBack,
      sentBackHref: `/avaliacoes/${data.id}?filtro=${SENT_BACK_FILTER}`,
      allHref: `/avaliacoes/${data.id}`,
    },
    submitHref: `/avaliacoes/${data.id}/envio`,
  };
}
