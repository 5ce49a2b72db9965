import type { EvidenceRef } from '../../../core/assessment/assessment.types';
import type { FieldProblem } from '../../../core/errors/domain-error';
import { type Language, translate } from '../../../core/i18n/message';
import type { AnswerSet, AnswerValue, QuestionnaireItem } from '../../../core/questionnaire/questionnaire.types';
import { visibleItemKeys } from '../../../core/questionnaire/visibility';
import type { ConflictInfo, DiagnosisData, GroupFormState } from './diagnosis-view';

type Body = Readonly<Record<string, unknown>>;

/** One save as DiagnosisService.saveAnswers takes it. */
export interface PlannedSave {
  readonly group: string;
  readonly itemKey: string;
  readonly value: AnswerValue | null;
  readonly expectedVersion: number;
  readonly evidence?: { url?: string; file?: string; fileName?: string }[];
}

/** Form field names of an item (the page's controls and this parser agree on them). */
export const FIELD = {
  value: (key: string) => `v.${key}`,
  version: (key: string) => `ver.${key}`,
  evidenceUrl: (key: string) => `ev.${key}`,
  confirm: (key: string) => `confirm.${key}`,
  take: 'take',
} as const;

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

const same = (a: AnswerValue | null, b: AnswerValue | null) => {
  const norm = (v: AnswerValue | null) => (Array.isArray(v) ? [...(v as string[])].sort() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

/** "3,5" or "3.5" → 3.5; "" → null; anything else → NaN. */
export function parseNumber(raw: string): number | null {
  const t = raw.trim();
  if (t === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
}

/** The value a control sent: undefined when it says nothing (no radio chosen), null when it clears the answer. */
function postedValue(item: QuestionnaireItem, raw: unknown): AnswerValue | null | undefined | typeof Number.NaN {
  switch (item.type) {
    case 'yes-partial-no':
      return text(raw) || undefined;
    case 'single-choice': {
      const t = text(raw);
      return t === undefined ? undefined : t === '' ? null : t;
    }
    case 'multiple-choice': {
      const chosen = list(raw);
      return chosen.length ? chosen : null;
    }
    case 'number':
      return text(raw) === undefined ? undefined : parseNumber(text(raw)!);
    case 'evidence': {
      const t = text(raw)?.trim();
      return t === undefined ? undefined : t === '' ? null : { url: t };
    }
    default: {
      const t = text(raw);
      return t === undefined ? undefined : t === '' ? null : t;
    }
  }
}

/**
 * What a group's form (sent without JavaScript) changes: one save per item whose answer, evidence link or
 * confirmation differs from what is saved, each with the version the page was drawn from. Items the
 * official did not touch are left alone (their versions and review verdicts stay).
 */
export function planGroupSave(
  data: DiagnosisData,
  slug: string,
  body: Body,
  lang: Language,
): { saves: PlannedSave[]; form: GroupFormState } {
  const gi = data.groups.findIndex((g) => g.group === slug);
  const group = data.groups[gi];
  const { questionnaire, number } = data.questionnaires[gi];
  const rows = new Map(group.items.map((r) => [r.key, r]));
  const values: Record<string, string | string[]> = {};
  const evidenceUrls: Record<string, string> = {};
  const problems: Record<string, string> = {};
  const posted: Record<string, AnswerValue | null | undefined> = {};
  for (const item of questionnaire.items) {
    if (body[FIELD.version(item.key)] === undefined) continue;
    const raw = body[FIELD.value(item.key)];
    if (raw !== undefined) values[item.key] = item.type === 'multiple-choice' ? list(raw) : (text(raw) ?? '');
    else if (item.type === 'multiple-choice') values[item.key] = [];
    const url = text(body[FIELD.evidenceUrl(item.key)]);
    if (url !== undefined) evidenceUrls[item.key] = url.trim();
    const value = postedValue(item, raw);
    if (typeof value === 'number' && Number.isNaN(value)) {
      problems[item.key] = translate('web.diagnosis.number.invalid', lang, {
        item: `${number}.${questionnaire.items.indexOf(item) + 1}`,
      });
      continue;
    }
    posted[item.key] = value;
  }
  // Visibility as the official will see it after this save: saved answers, overridden by what was sent.
  const saved: Record<string, AnswerValue> = {};
  for (const r of group.items) if (r.answer.value !== null) saved[r.key] = r.answer.value;
  for (const [k, v] of Object.entries(posted)) {
    if (v === null) delete saved[k];
    else if (v !== undefined) saved[k] = v;
  }
  const visible = visibleItemKeys(questionnaire, saved as AnswerSet);
  const saves: PlannedSave[] = [];
  for (const item of questionnaire.items) {
    const row = rows.get(item.key);
    if (!row || !(item.key in posted) || !visible.has(item.key) || text(body[FIELD.take]) === item.key) continue;
    if (data.state === 'changes-requested' && row.answer.reviewStatus !== 'sent-back') continue;
    const before = row.answer.value;
    const given = posted[item.key];
    const value = given === undefined ? before : given;
    const evidence = evidenceChange(row.answer.evidence ?? [], evidenceUrls[item.key]);
    const confirm = row.answer.carried === true && text(body[FIELD.confirm(item.key)]) !== undefined;
    if (same(value, before) && !evidence && !confirm) continue;
    if (value === null && evidence && evidenceUrls[item.key]) {
      problems[item.key] = translate('web.diagnosis.evidence.answer-first', lang);
      continue;
    }
    saves.push({
      group: slug,
      itemKey: item.key,
      value,
      expectedVersion: Number(text(body[FIELD.version(item.key)])) || 0,
      ...(evidence && value !== null ? { evidence } : {}),
    });
  }
  return { saves, form: { group: slug, values, evidenceUrls, problems, conflicts: {} } };
}

/** The evidence list after the link field changed (files stay), or null when the link is as saved. */
function evidenceChange(current: readonly EvidenceRef[], url: string | undefined) {
  if (url === undefined) return null;
  const savedUrl = current.find((e): e is { url: string } => 'url' in e)?.url ?? '';
  if (url === savedUrl) return null;
  const files = current
    .filter((e): e is Extract<EvidenceRef, { file: string }> => 'file' in e)
    .map((f) => ({ file: f.file, fileName: f.fileName }));
  return [...files, ...(url ? [{ url }] : [])];
}

/** The service's problems with a batch (`answers.<i>.value`) as texts beside the items they concern. */
export function problemsByItem(
  saves: readonly PlannedSave[],
  fields: readonly FieldProblem[],
  lang: Language,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const i = /^answers\.(\d+)\./.exec(f.field)?.[1];
    const key = i !== undefined ? saves[Number(i)]?.itemKey : /^answers\.[^.]+\.(.+)$/.exec(f.field)?.[1];
    if (key && !out[key]) out[key] = f.message[lang];
  }
  return out;
}

/** The conflicts of a 409 (STALE_ANSWER details), by item key. */
export function conflictsByItem(details: Record<string, unknown> | undefined): Record<string, ConflictInfo> {
  const conflicts = (details?.conflicts ?? []) as (ConflictInfo & { itemKey: string })[];
  return Object.fromEntries(conflicts.map((c) => [c.itemKey, c]));
}
