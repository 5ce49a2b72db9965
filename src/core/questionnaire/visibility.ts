import type { AnswerSet, Questionnaire } from './questionnaire.types';

/**
 * The keys of the items shown for an answer set. Conditions refer to earlier items only, so one pass in
 * file order settles them; an item whose condition's item is itself hidden is hidden too.
 */
export function visibleItemKeys(questionnaire: Questionnaire, answers: AnswerSet): Set<string> {
  const visible = new Set<string>();
  for (const item of questionnaire.items) {
    const condition = item.visibleWhen;
    if (!condition) {
      visible.add(item.key);
      continue;
    }
    if (!visible.has(condition.item)) continue;
    const answer = answers[condition.item];
    const given = Array.isArray(answer) ? answer : [answer];
    if (given.some((v) => condition.in.includes(v as string | number))) visible.add(item.key);
  }
  return visible;
}

/** Visible, required items that have no answer yet. */
export function missingRequiredKeys(questionnaire: Questionnaire, answers: AnswerSet): string[] {
  const visible = visibleItemKeys(questionnaire, answers);
  return questionnaire.items
    .filter((i) => i.required && visible.has(i.key) && answers[i.key] === undefined)
    .map((i) => i.key);
}
