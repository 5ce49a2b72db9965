import type { ScoreSnapshot } from '../../../core/assessment/assessment.types';
import { SetPrioritiesDto } from '../../../core/assessment/assessment.dto';
import type { DomainError } from '../../../core/errors/domain-error';
import { validateAs } from '../../../core/http/validation';
import {
  choiceProblems,
  chosen,
  gapsOf,
  prioritiesValues,
  prioritiesView,
  priorityFieldFor,
  priorityProblems,
} from './priorities-form';

const text = (pt: string, en: string) => ({ 'pt-BR': pt, en });
const groups = [
  {
    group: 'governance',
    title: text('Governança', 'Governance'),
    items: [
      { key: 'focal-body', label: text('Órgão de referência', 'Focal body') },
      { key: 'committee', label: text('Comitê', 'Committee') },
      { key: 'budget', label: text('Orçamento', 'Budget') },
      { key: 'notes', label: text('Notas', 'Notes') },
    ],
  },
  { group: 'health', title: text('Saúde', 'Health'), items: [{ key: 'sus', label: text('SUS', 'SUS') }] },
];
const snapshot = {
  groups: [
    {
      group: 'governance',
      items: [
        { key: 'focal-body', points: 100, counted: true, status: 'scored' },
        { key: 'committee', points: 50, counted: true, status: 'scored' },
        { key: 'budget', points: 0, counted: true, status: 'scored' },
        { key: 'notes', points: null, counted: false, status: 'informative' },
      ],
    },
    { group: 'health', items: [{ key: 'sus', points: 100, counted: true, status: 'scored' }] },
  ],
} as unknown as ScoreSnapshot;

describe('priorities form', () => {
  const gaps = gapsOf(snapshot, groups);

  it('offers the counted items under 100 points, in the order of the questionnaire', () => {
    expect(gaps.map((g) => [g.group, g.itemKey, g.points])).toEqual([
      ['governance', 'committee', 50],
      ['governance', 'budget', 0],
    ]);
  });

  it('reads ticks and commitments; nothing ticked, or a commitment left unticked, is a problem', () => {
    const none = prioritiesValues({}, gaps);
    expect(choiceProblems(none).map((p) => [p.field, p.code])).toEqual([['pick.governance.committee', 'NONE']]);
    const values = prioritiesValues(
      {
        'pick.governance.budget': '1',
        'commitment.governance.budget': ' Criar a rubrica. ',
        'commitment.governance.committee': 'x',
      },
      gaps,
    );
    expect(chosen(values)).toEqual([{ group: 'governance', itemKey: 'budget', commitment: 'Criar a rubrica.' }]);
    expect(choiceProblems(values).map((p) => [p.field, p.code])).toEqual([['pick.governance.committee', 'UNTICKED']]);
  });

  it('names the item and the reason, and links to its commitment', () => {
    const values = prioritiesValues({ 'pick.governance.budget': '1', 'commitment.governance.budget': 'Curto' }, gaps);
    const sent = chosen(values);
    let fields: DomainError['fields'] = [];
    try {
      validateAs(SetPrioritiesDto, { priorities: sent }, '');
    } catch (e) {
      fields = (e as DomainError).fields;
    }
    expect(priorityProblems('pt-BR', gaps, values, fields, sent)).toEqual([
      { field: 'commitment-governance-budget', text: 'Compromisso para «Orçamento»: deve ter ao menos 10 caracteres.' },
    ]);
    expect(priorityFieldFor('priorities.0.itemKey', sent)).toBe('pick-governance-budget');
    expect(priorityFieldFor('priorities.3.itemKey', sent)).toBeNull();
  });

  it('draws each group with its gaps, ratings and what was chosen', () => {
    const view = prioritiesView(
      'en',
      gaps,
      [
        { picked: false, commitment: '' },
        { picked: true, commitment: 'Do it' },
      ],
      [{ field: 'commitment-governance-budget', text: 'Too short' }],
    );
    expect(view).toHaveLength(1);
    expect(view[0]).toMatchObject({ title: 'Governance', id: 'group-governance' });
    expect(view[0].items[1]).toMatchObject({
      label: 'Budget',
      rating: 'Not met: 0 of 100 points.',
      picked: true,
      commitment: 'Do it',
      commitmentError: 'Too short',
      commitmentDescribedBy: 'commitment-governance-budget-hint commitment-governance-budget-error',
      pickDescribedBy: 'pick-governance-budget-rating',
    });
    expect(view[0].items[0]).toMatchObject({ rating: 'Partly met: 50 of 100 points.' });
  });
});
