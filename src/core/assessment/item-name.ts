import type { LocalizedText } from '../i18n/localized-text';
import { message, type MessageParam } from '../i18n/message';
import type { AnswerValue, Questionnaire } from '../questionnaire/questionnaire.types';
import { yesPartialNoLabel } from '../scoring/score-group';

/**
 * How a message names an item to a person: its number in the programme (group number, position) and its
 * label, never its key. `item 1.3 («O governo possui política…?»)`.
 */
export function itemName(questionnaire: Questionnaire, groupNumber: number, itemKey: string): LocalizedText {
  const index = questionnaire.items.findIndex((i) => i.key === itemKey);
  if (index < 0) return message('diagnosis.item-name', { number: `${groupNumber}.?`, label: questionnaire.title });
  return message('diagnosis.item-name', {
    number: `${groupNumber}.${index + 1}`,
    label: questionnaire.items[index].label,
  });
}

/** "14:05" and "2026-12-01" of an instant in Brasília time, the programme's reference clock for people. */
export function brasiliaTime(at: Date): { time: string; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Sao_Paulo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { time: `${parts.hour}:${parts.minute}`, date: `${parts.year}-${parts.month}-${parts.day}` };
}

/** An answer as a person reads it in a message ("Sim", an option's label), never its stored key. */
export function answerLabel(q: Questionnaire, key: string, value: AnswerValue | null | undefined): MessageParam {
  const item = q.items.find((i) => i.key === key);
  if (!item || value === undefined || value === null) return '—';
  if (item.type === 'yes-partial-no') return yesPartialNoLabel(value as string) ?? String(value);
  if (item.type === 'single-choice') return item.options?.find((o) => o.key === value)?.label ?? String(value);
  if (item.type === 'multiple-choice') {
    return { list: (value as readonly string[]).map((k) => item.options?.find((o) => o.key === k)?.label ?? k) };
  }
  return typeof value === 'object' ? '—' : String(value);
}
