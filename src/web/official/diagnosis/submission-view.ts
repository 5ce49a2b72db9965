import { STATE_LABELS } from '../../../core/assessment/assessment-state';
import { type Language, translate } from '../../../core/i18n/message';
import { type DiagnosisData, itemId } from './diagnosis-view';

const REASONS = ['REQUIRED', 'EVIDENCE_MISSING', 'CARRIED_NOT_CONFIRMED'] as const;

/** The submission page: what still stops it, item by item with a link to each, and whether it can be sent. */
export function submissionPage(data: DiagnosisData, lang: Language) {
  const missing = data.missing.map((m) => {
    const dot = m.item.indexOf('.');
    const group = m.item.slice(0, dot);
    const key = m.item.slice(dot + 1);
    const gi = data.groups.findIndex((g) => g.group === group);
    const { number, questionnaire } = data.questionnaires[gi];
    const index = questionnaire.items.findIndex((i) => i.key === key);
    const reason = (REASONS as readonly (string | undefined)[]).includes(m.reason)
      ? (m.reason as (typeof REASONS)[number])
      : null;
    return {
      id: `missing-${group}--${key}`,
      href: `/avaliacoes/${data.id}#${itemId(group, key)}`,
      text: translate('web.submission.missing.item', lang, {
        number: `${number}.${index + 1}`,
        label: questionnaire.items[index]?.label[lang] ?? key,
      }),
      reason: reason ? translate(`web.submission.reason.${reason}`, lang) : null,
    };
  });
  // Before the first answer (enrolled) the page already lists everything that is missing.
  const open = ['enrolled', 'diagnosis-in-progress', 'changes-requested'].includes(data.state);
  return {
    id: data.id,
    edition: translate('web.diagnosis.edition', lang, { year: data.editionYear, government: data.government.name }),
    open,
    closed: open ? null : translate('web.submission.not-open', lang, { state: STATE_LABELS[data.state][lang] }),
    resubmission: data.state === 'changes-requested',
    missing,
    /** The same list as the error summary shows after a refused submission (links to the entries below). */
    problems: missing.map((m) => ({ field: m.id, text: m.reason ? `${m.text}: ${m.reason}` : m.text })),
    missingTitle: translate('web.submission.missing.title', lang, { count: missing.length }),
    diagnosisHref: `/avaliacoes/${data.id}`,
    action: `/avaliacoes/${data.id}/envio`,
  };
}
