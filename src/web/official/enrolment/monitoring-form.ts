import type { FieldProblem } from '../../../core/errors/domain-error';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { type Language, message, translate } from '../../../core/i18n/message';
import type { FormProblem } from '../../web-pages.service';
import { errorOf, formProblems } from './form-problems';

export const PROGRESS_STATUSES = ['not-started', 'in-progress', 'achieved'] as const;
export type ProgressChoice = (typeof PROGRESS_STATUSES)[number];

/** A priority of the previous edition, with the words to show it. */
export interface PreviousPriority {
  readonly id: string;
  readonly groupTitle: LocalizedText;
  readonly label: LocalizedText;
  readonly commitment: string;
  readonly status: ProgressChoice | null;
  readonly note: string | null;
}

export const statusName = (id: string) => `status.${id}`;
export const noteName = (id: string) => `note.${id}`;
/** Ids of the form: the first radio of a priority is where its problems link to. */
export const statusId = (id: string, status: ProgressChoice = PROGRESS_STATUSES[0]) => `status-${id}-${status}`;
export const noteId = (id: string) => `note-${id}`;

/** What the form sent for each priority: a status among the three (or none) and the note. */
export function monitoringValues(body: Readonly<Record<string, unknown>>, priorities: readonly PreviousPriority[]) {
  return priorities.map((p) => {
    const status = body[statusName(p.id)];
    const note = body[noteName(p.id)];
    return {
      id: p.id,
      status: PROGRESS_STATUSES.includes(status as ProgressChoice) ? (status as ProgressChoice) : null,
      note: typeof note === 'string' ? note.trim() : '',
    };
  });
}

type Values = ReturnType<typeof monitoringValues>;

/** The reports to send (priorities with a status); a note without a status, or no status at all, is a problem. */
export function monitoringReports(values: Values) {
  const reports = values
    .filter((v) => v.status !== null)
    .map((v) => ({ priorityId: v.id, status: v.status!, ...(v.note ? { note: v.note } : {}) }));
  const problems: FieldProblem[] = values
    .filter((v) => v.status === null && v.note !== '')
    .map((v) => ({ field: statusName(v.id), code: 'NO_STATUS', message: message('web.monitoring.status-missing') }));
  if (reports.length === 0 && problems.length === 0 && values[0]) {
    problems.push({ field: statusName(values[0].id), code: 'NONE', message: message('web.monitoring.none') });
  }
  return { reports, problems };
}

/** The form field a problem names: `reports.<i>.note` is the note of the i-th priority reported. */
export function monitoringFieldFor(path: string, reports: readonly { priorityId: string }[]): string | null {
  const own = /^(status|note)\.(.+)$/.exec(path);
  if (own) return own[1] === 'status' ? statusId(own[2]) : noteId(own[2]);
  const match = /^reports\.(\d+)\.(\w+)$/.exec(path);
  const report = match ? reports[Number(match[1])] : undefined;
  if (!report) return null;
  return match![2] === 'note' ? noteId(report.priorityId) : statusId(report.priorityId);
}

export function monitoringProblems(
  lang: Language,
  priorities: readonly PreviousPriority[],
  fields: readonly FieldProblem[],
  reports: readonly { priorityId: string }[],
): FormProblem[] {
  const order = priorities.flatMap((p) => [statusId(p.id), noteId(p.id)]);
  const text = (field: string, reason: LocalizedText, problem: FieldProblem) => {
    if (problem.code === 'NONE') return reason[lang];
    const priority = priorities[Math.floor(order.indexOf(field) / 2)];
    return translate('web.monitoring.problem', lang, { item: priority?.label[lang] ?? '', reason });
  };
  return formProblems(fields, (p) => monitoringFieldFor(p, reports), text, order);
}

/** Each priority as the form draws it: its commitment, the three statuses (one checked) and the note. */
export function monitoringView(
  lang: Language,
  priorities: readonly PreviousPriority[],
  values: readonly { status: ProgressChoice | null; note: string }[],
  problems: readonly FormProblem[],
) {
  return priorities.map((p, i) => {
    const error = errorOf(problems, statusId(p.id));
    const noteError = errorOf(problems, noteId(p.id));
    return {
      id: p.id,
      legendId: `priority-${p.id}`,
      group: p.groupTitle[lang],
      label: p.label[lang],
      commitment: p.commitment,
      statusName: statusName(p.id),
      errorId: `${statusId(p.id)}-error`,
      error,
      statuses: PROGRESS_STATUSES.map((s) => ({
        id: statusId(p.id, s),
        value: s,
        label: translate(`web.monitoring.status.${s}`, lang),
        checked: values[i]?.status === s,
      })),
      statusText: translate(`web.monitoring.status.${values[i]?.status ?? 'none'}`, lang),
      noteId: noteId(p.id),
      noteName: noteName(p.id),
      note: values[i]?.note ?? '',
      noteError,
      noteDescribedBy: [`${noteId(p.id)}-hint`, noteError ? `${noteId(p.id)}-error` : null].filter(Boolean).join(' '),
    };
  });
}
