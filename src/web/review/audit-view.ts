import { brasiliaTime } from '../../core/assessment/item-name';
import { formatDate, isMessageKey, type Language, translate } from '../../core/i18n/message';
import type { AnswerValue } from '../../core/questionnaire/questionnaire.types';
import { valueLabel } from '../official/diagnosis/diagnosis-view';
import { itemTitle, type ReviewData } from './review-view';

export interface AuditEntryData {
  readonly at: string;
  readonly actorRole: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly entityId: string;
  readonly after: object | null;
}

const REVIEW_STATUS = ['pending', 'accepted', 'adjusted', 'sent-back'] as const;

/** "Ana Souza (Revisor da OIM)", or the role alone; the engine's own acts read "Sistema". */
function who(e: AuditEntryData, lang: Language): string {
  const role = e.actorRole ?? 'system';
  const key = `web.admin.role.${role}`;
  const roleText = isMessageKey(key) ? translate(key, lang) : translate('web.review.audit.system', lang);
  return e.actorName ? `${e.actorName} (${roleText})` : roleText;
}

/** The act in words; an act this page does not know yet keeps its code rather than vanish. */
function what(action: string, lang: Language): string {
  const key = `web.review.audit.action.${action}`;
  return isMessageKey(key) ? translate(key, lang) : action;
}

/** What the act recorded, in words: a verdict with its rating and comment, an answer as the form shows it. */
function recorded(data: ReviewData, e: AuditEntryData, group: string, key: string, lang: Language): string {
  const after = (e.after ?? {}) as {
    reviewStatus?: string;
    reviewerRating?: AnswerValue | null;
    reviewNote?: string | null;
    value?: AnswerValue | null;
  };
  const item = itemOf(data, group, key);
  if (e.action === 'review.decide' && REVIEW_STATUS.includes(after.reviewStatus as (typeof REVIEW_STATUS)[number])) {
    const parts = [translate(`web.review.status.${after.reviewStatus as (typeof REVIEW_STATUS)[number]}`, lang)];
    if (after.reviewerRating != null && item) parts.push(valueLabel(item, after.reviewerRating, lang));
    if (after.reviewNote) parts.push(`«${after.reviewNote}»`);
    return parts.join(' · ');
  }
  if ((e.action === 'answer.save' || e.action === 'answer.clear') && item) {
    return valueLabel(item, after.value ?? null, lang);
  }
  return '';
}

function itemOf(data: ReviewData, group: string, key: string) {
  const gi = data.groups.findIndex((g) => g.group === group);
  return data.questionnaires[gi]?.questionnaire.items.find((i) => i.key === key);
}

/** The audit trail as rows of a table: when (Brasília time), who, what, on which item, what was recorded. */
export function auditRows(data: ReviewData, entries: readonly AuditEntryData[], lang: Language) {
  return entries.map((e) => {
    const at = brasiliaTime(new Date(e.at));
    const [, group, key] = e.entityId.split('/');
    const onItem = group !== undefined && key !== undefined && itemOf(data, group, key) !== undefined;
    const text = onItem ? recorded(data, e, group, key, lang) : '';
    return {
      when: `${formatDate(at.date, lang)} ${at.time}`,
      who: who(e, lang),
      action: what(e.action, lang),
      target: onItem ? itemTitle(data, group, key, lang) : '',
      recorded: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    };
  });
}
