import type { EditionCalendar, CertificationRule, SealValidity } from '../../core/editions/edition-rules';
import { formatDate, type Language, type MessageKey, translate } from '../../core/i18n/message';
import type { Questionnaire } from '../../core/questionnaire/questionnaire.types';
import { CALENDAR_FIELDS } from './edition-form';

export type ChangeKind = 'kept' | 'renamed' | 'dropped' | 'new';

export interface ItemChange {
  readonly kind: ChangeKind;
  readonly kindText: string;
  /** The item's key in the previous version (null for a new item). */
  readonly fromKey: string | null;
  /** The item's key in this version (null for a dropped item). */
  readonly toKey: string | null;
  readonly label: string;
}

/**
 * What changed from the version a questionnaire follows to it, item by item, read from its key map: kept,
 * renamed, dropped, and the items that are new (in this version and no earlier item's target).
 */
export function versionChanges(previous: Questionnaire, current: Questionnaire, lang: Language): ItemChange[] {
  const keyMap = current.keyMap ?? {};
  const labelIn = (q: Questionnaire, key: string) => q.items.find((i) => i.key === key)?.label[lang] ?? key;
  const kindText = (kind: ChangeKind) => translate(`web.admin.change.${kind}`, lang);
  const targets = new Set<string>();
  const changes: ItemChange[] = previous.items.map((item) => {
    const entry = keyMap[item.key] ?? 'dropped';
    if (entry === 'dropped') {
      return {
        kind: 'dropped',
        kindText: kindText('dropped'),
        fromKey: item.key,
        toKey: null,
        label: item.label[lang],
      };
    }
    const toKey = entry === 'kept' ? item.key : entry.renamedTo;
    targets.add(toKey);
    const kind: ChangeKind = entry === 'kept' ? 'kept' : 'renamed';
    return { kind, kindText: kindText(kind), fromKey: item.key, toKey, label: labelIn(current, toKey) };
  });
  for (const item of current.items.filter((i) => !targets.has(i.key))) {
    changes.push({ kind: 'new', kindText: kindText('new'), fromKey: null, toKey: item.key, label: item.label[lang] });
  }
  return changes;
}

/** "3 mantidos, 1 renomeado, 1 retirado, 2 novos". */
export function changeSummary(changes: readonly ItemChange[], lang: Language): string {
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind).length;
  return translate('web.admin.change.summary', lang, {
    kept: count('kept'),
    renamed: count('renamed'),
    dropped: count('dropped'),
    added: count('new'),
  });
}

/** The calendar as a list of labelled dates. */
export function calendarRows(calendar: EditionCalendar, lang: Language) {
  return CALENDAR_FIELDS.map((f) => ({
    label: translate(`web.admin.edition.field.calendar.${f}` as MessageKey, lang),
    date: formatDate(calendar[f], lang),
  }));
}

export function ruleText(rule: CertificationRule, lang: Language): string {
  if (rule.kind === 'minimum-index')
    return translate('web.admin.rule.minimum-index', lang, { index: rule.minimumIndex ?? 0 });
  if (rule.kind === 'minimum-levels')
    return translate('web.admin.rule.minimum-levels', lang, {
      level: translate(`scoring.level.${rule.minimumLevel ?? 'initial'}` as MessageKey, lang),
    });
  return translate('web.admin.rule.all-stages', lang);
}

export function validityText(validity: SealValidity, lang: Language): string {
  if (validity.kind === 'fixed')
    return translate('web.admin.validity.fixed', lang, { until: { date: validity.until } });
  return translate(`web.admin.validity.${validity.kind}`, lang);
}
