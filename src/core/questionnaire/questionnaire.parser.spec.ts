import { sampleQuestionnaire, toYaml } from '../../../test/fixtures/questionnaires';
import { QuestionnaireDefinitionError } from './questionnaire-definition.error';
import { parseQuestionnaire } from './questionnaire.parser';

const at = { file: 'assessments/sample/v1.yaml', group: 'sample', version: 1 };

function problemsOf(source: string, where = at): string[] {
  try {
    parseQuestionnaire(source, where);
  } catch (e) {
    if (e instanceof QuestionnaireDefinitionError) return e.problems.map((p) => `${p.itemKey ?? '-'}: ${p.problem}`);
    throw e;
  }
  return [];
}

function mutated(change: (q: Record<string, any>) => void): string {
  const q = sampleQuestionnaire();
  change(q);
  return toYaml(q);
}

const item = (q: Record<string, any>, key: string) => q.items.find((i: { key: string }) => i.key === key);

describe('parseQuestionnaire', () => {
  it('reads a valid file and fills the defaults', () => {
    const q = parseQuestionnaire(toYaml(sampleQuestionnaire()), at);
    expect(q.items).toHaveLength(8);
    expect(item(q, 'policy')).toMatchObject({ evidence: 'required', required: true, allowNotApplicable: false });
    expect(item(q, 'shelter')).toMatchObject({ evidence: 'none', allowNotApplicable: true });
    expect(item(q, 'notes')).toMatchObject({ required: false, maxLength: 20 });
  });

  it.each([
    ['a missing label', (q: any) => delete item(q, 'policy').label, "policy: must have required property 'label'"],
    [
      'a label without English',
      (q: any) => delete item(q, 'shelter').label.en,
      "shelter: label: must have required property 'en'",
    ],
    ['an unknown item type', (q: any) => (item(q, 'shelter').type = 'likert'), 'shelter: type: must be one of'],
    ['an unknown field', (q: any) => (item(q, 'shelter').colour = 'red'), 'shelter: unknown field "colour"'],
    ['a key with capitals', (q: any) => (item(q, 'shelter').key = 'Shelter'), 'Shelter: key: must match pattern'],
    ['a key used twice', (q: any) => (item(q, 'served').key = 'shelter'), 'shelter: the key is used twice'],
    [
      'a choice item without options',
      (q: any) => delete item(q, 'instrument').options,
      'instrument: a single-choice item needs "options"',
    ],
    [
      'options on a yes/no item',
      (q: any) => (item(q, 'shelter').options = item(q, 'instrument').options),
      'shelter: "options" are only for choice items',
    ],
    [
      'an option listed twice',
      (q: any) => (item(q, 'languages').options[1].key = 'es'),
      'languages: option "es" is listed twice',
    ],
    [
      'option points above 100',
      (q: any) => (item(q, 'languages').options[0].points = 150),
      'languages: options.0.points: must be <= 100',
    ],
    ['a scored text item', (q: any) => (item(q, 'notes').weight = 1), 'notes: text items are not scored'],
    [
      'a scored number without bands',
      (q: any) => delete item(q, 'served').bands,
      'served: a scored number item (weight > 0) needs "bands"',
    ],
    ['min above max', (q: any) => (item(q, 'policy-year').min = 2200), 'policy-year: min is above max'],
    [
      '"not applicable" on a choice item',
      (q: any) => (item(q, 'instrument').allowNotApplicable = true),
      'instrument: "allowNotApplicable" is only for yes-partial-no items',
    ],
    [
      'a condition on a later item',
      (q: any) => (item(q, 'policy-year').visibleWhen = { item: 'served', in: [1] }),
      'policy-year: visibleWhen refers to "served", which is not an earlier item',
    ],
    [
      'a condition on an unknown answer',
      (q: any) => (item(q, 'instrument').visibleWhen = { item: 'policy', in: ['maybe'] }),
      'instrument: visibleWhen value "maybe" is not an answer of "policy"',
    ],
    [
      'a condition on "not applicable" where it is not allowed',
      (q: any) => (item(q, 'instrument').visibleWhen = { item: 'policy', in: ['not-applicable'] }),
      'instrument: visibleWhen value "not-applicable"',
    ],
    [
      'a condition on a text item',
      (q: any) => (item(q, 'plan-file').visibleWhen = { item: 'notes', in: ['x'] }),
      'plan-file: visibleWhen cannot depend on "notes", a text item',
    ],
    ['a version 2 that follows nothing', (q: any) => (q.version = 2), '-: version 2 must name the version it follows'],
    [
      'a follows without keyMap',
      (q: any) => Object.assign(q, { version: 2, follows: 1 }),
      '-: "follows" and "keyMap" go together',
    ],
    ['no items', (q: any) => (q.items = []), '-: items: must NOT have fewer than 1 items'],
    ['a date that is not one', (q: any) => (q.publishedAt = '2020-13-45'), '-: publishedAt "2020-13-45" is not a date'],
  ])('refuses %s, naming the item', (_name, change, expected) => {
    const problems = problemsOf(mutated(change));
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('refuses a file in the wrong folder or with the wrong version number', () => {
    const problems = problemsOf(toYaml(sampleQuestionnaire()), {
      file: 'assessments/health/v2.yaml',
      group: 'health',
      version: 2,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '-: group is "sample" but the file is in folder "health"',
        '-: version is 1 but the file is named v2',
      ]),
    );
  });

  it('refuses YAML that does not parse, and keys written twice', () => {
    expect(problemsOf('group: sample\nitems: [\n')[0]).toMatch(/^-: YAML syntax/);
    expect(problemsOf('group: a\ngroup: b\n')[0]).toMatch(/^-: YAML syntax: Map keys must be unique/);
  });

  it('lists every problem of a file at once, with the file path in the message', () => {
    const source = mutated((q) => {
      delete item(q, 'policy').label;
      item(q, 'notes').colour = 'red';
    });
    expect(() => parseQuestionnaire(source, at)).toThrow(
      'assessments/sample/v1.yaml: item "policy": must have required property',
    );
    expect(() => parseQuestionnaire(source, at)).toThrow(
      'assessments/sample/v1.yaml: item "notes": unknown field "colour"',
    );
  });
});
