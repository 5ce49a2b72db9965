import type { AnswerSet, Questionnaire, QuestionnaireItem } from '../../src/core/questionnaire/questionnaire.types';

/** The answer that scores highest for an item (what a fully compliant government would say). */
function best(item: QuestionnaireItem): AnswerSet[string] {
  switch (item.type) {
    case 'yes-partial-no':
      return 'yes';
    case 'single-choice':
      return [...item.options!].sort((a, b) => b.points - a.points)[0].key;
    case 'multiple-choice':
      return item.options!.map((o) => o.key);
    case 'number':
      return Math.min(item.max ?? Infinity, Math.max(item.min ?? 0, ...(item.bands ?? []).map((b) => b.atLeast)));
    case 'text':
      return 'Observação de teste.';
    case 'evidence':
      return { url: 'https://example.org/evidencia.pdf' };
  }
}

/** The answer that scores lowest for an item. */
function worst(item: QuestionnaireItem): AnswerSet[string] {
  switch (item.type) {
    case 'yes-partial-no':
      return 'no';
    case 'single-choice':
      return [...item.options!].sort((a, b) => a.points - b.points)[0].key;
    case 'multiple-choice':
      return [];
    case 'number':
      return item.min ?? 0;
    case 'text':
      return '';
    case 'evidence':
      return { url: 'https://example.org/vazio.pdf' };
  }
}

export const bestAnswers = (q: Questionnaire): AnswerSet => Object.fromEntries(q.items.map((i) => [i.key, best(i)]));
export const worstAnswers = (q: Questionnaire): AnswerSet =>
  Object.fromEntries(q.items.filter((i) => i.type !== 'evidence').map((i) => [i.key, worst(i)]));
export const evidenceRequiredKeys = (q: Questionnaire): string[] =>
  q.items.filter((i) => i.evidence === 'required').map((i) => i.key);

/** The evidence a test attaches to an answer: a link, for every item whose evidence is required. */
export const evidenceFor = (item: QuestionnaireItem): { url: string }[] | undefined =>
  item.evidence === 'required' && item.type !== 'evidence'
    ? [{ url: `https://leismunicipais.test/evidencia/${item.key}.pdf` }]
    : undefined;

/** Saves of every item's best answer, with evidence where it is required (what a complete diagnosis sends). */
export const bestSaves = (q: Questionnaire, expectedVersion = 0) =>
  q.items.map((item) => ({
    group: q.group,
    itemKey: item.key,
    value: best(item),
    expectedVersion,
    ...(evidenceFor(item) ? { evidence: evidenceFor(item) } : {}),
  }));
