import { sampleQuestionnaire, toYaml } from '../../../test/fixtures/questionnaires';
import { validateAnswers } from './answer-validation';
import { parseQuestionnaire } from './questionnaire.parser';
import type { AnswerSet } from './questionnaire.types';
import { missingRequiredKeys, visibleItemKeys } from './visibility';

const q1 = parseQuestionnaire(toYaml(sampleQuestionnaire()), { file: 'sample/v1.yaml', group: 'sample', version: 1 });
const q2 = parseQuestionnaire(
  toYaml({
    ...sampleQuestionnaire(),
    version: 2,
    follows: 1,
    keyMap: Object.fromEntries(q1.items.map((i) => [i.key, 'kept'])),
    items: [
      ...sampleQuestionnaire().items,
      { key: 'racial-equality', type: 'yes-partial-no', label: { 'pt-BR': 'x', en: 'x' }, weight: 1 },
    ],
  }),
  { file: 'sample/v2.yaml', group: 'sample', version: 2 },
);

describe('validateAnswers', () => {
  it('accepts a valid answer of every type', () => {
    expect(
      validateAnswers(q1, {
        policy: 'partial',
        'policy-year': 2019,
        instrument: 'law',
        shelter: 'not-applicable',
        languages: ['es', 'ar'],
        served: 12.5,
        notes: 'curto',
        'plan-file': { file: 'a'.repeat(64) },
      }),
    ).toEqual([]);
  });

  it.each<[string, AnswerSet, string]>([
    ['an unknown key', { nope: 'yes' }, 'UNKNOWN_ITEM'],
    ['a value that is not yes/partial/no', { policy: 'sim' }, 'WRONG_TYPE'],
    ['"not applicable" where it is not allowed', { policy: 'not-applicable' }, 'NOT_APPLICABLE_NOT_ALLOWED'],
    ['an unknown option', { instrument: 'constitution' }, 'UNKNOWN_OPTION'],
    ['a single option given as a list', { instrument: ['law'] }, 'WRONG_TYPE'],
    ['an option listed twice', { languages: ['es', 'es'] }, 'WRONG_TYPE'],
    ['an unknown option in a list', { languages: ['es', 'fr'] }, 'UNKNOWN_OPTION'],
    ['a number as text', { served: '12' }, 'WRONG_TYPE'],
    ['a fraction where a whole number is needed', { 'policy-year': 2019.5 }, 'WRONG_TYPE'],
    ['a number out of range', { 'policy-year': 1800 }, 'OUT_OF_RANGE'],
    ['text that is too long', { notes: 'x'.repeat(21) }, 'TOO_LONG'],
    ['text with a NUL character, which PostgreSQL cannot store', { notes: 'a\u0000b' }, 'WRONG_TYPE'],
    ['text with a lone surrogate', { notes: 'a\ud800b' }, 'WRONG_TYPE'],
    ['evidence that is not a link', { 'plan-file': { url: 'javascript:alert(1)' } }, 'WRONG_TYPE'],
    ['evidence with a file that is not a hash', { 'plan-file': { file: 'plan.pdf' } }, 'WRONG_TYPE'],
  ])('refuses %s, naming the item', (_name, answers, code) => {
    const problems = validateAnswers(q1, answers);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ itemKey: Object.keys(answers)[0], code });
    expect(problems[0].message['pt-BR'].length).toBeGreaterThan(0);
  });

  it('says when an answer is meant for another version of the group', () => {
    const [problem] = validateAnswers(q1, { 'racial-equality': 'yes' }, [q1, q2]);
    expect(problem).toMatchObject({ itemKey: 'racial-equality', code: 'ITEM_OF_OTHER_VERSION' });
    expect(problem.reason).toBe('item belongs to version 2, not to version 1');
  });
});

describe('visibility', () => {
  it('shows follow-up items only when the earlier answer holds', () => {
    expect(visibleItemKeys(q1, {}).has('instrument')).toBe(false);
    expect(visibleItemKeys(q1, { policy: 'no' }).has('instrument')).toBe(false);
    expect(visibleItemKeys(q1, { policy: 'partial' }).has('instrument')).toBe(true);
  });

  it('hides an item whose condition depends on a hidden item', () => {
    const q = parseQuestionnaire(
      toYaml({
        ...sampleQuestionnaire(),
        items: [
          ...sampleQuestionnaire().items,
          {
            key: 'instrument-detail',
            type: 'text',
            label: { 'pt-BR': 'x', en: 'x' },
            weight: 0,
            visibleWhen: { item: 'instrument', in: ['law'] },
          },
        ],
      }),
      { file: 'sample/v1.yaml', group: 'sample', version: 1 },
    );
    // A stale "law" stays in the answers after policy became "no": the detail must not show.
    expect(visibleItemKeys(q, { policy: 'no', instrument: 'law' }).has('instrument-detail')).toBe(false);
    expect(visibleItemKeys(q, { policy: 'yes', instrument: 'law' }).has('instrument-detail')).toBe(true);
  });

  it('lists the required visible items still missing', () => {
    expect(missingRequiredKeys(q1, {})).toEqual(['policy', 'shelter', 'languages', 'served']);
    expect(missingRequiredKeys(q1, { policy: 'yes', shelter: 'no', languages: [], served: 0 })).toEqual([
      'policy-year',
      'instrument',
    ]);
  });
});
