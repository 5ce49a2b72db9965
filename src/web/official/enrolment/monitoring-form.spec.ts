import {
  monitoringFieldFor,
  monitoringProblems,
  monitoringReports,
  monitoringValues,
  monitoringView,
  type PreviousPriority,
} from './monitoring-form';

const text = (pt: string, en: string) => ({ 'pt-BR': pt, en });
const priorities: PreviousPriority[] = [
  {
    id: 'p1',
    groupTitle: text('Governança', 'Governance'),
    label: text('Orçamento', 'Budget'),
    commitment: 'PPA',
    status: null,
    note: null,
  },
  {
    id: 'p2',
    groupTitle: text('Saúde', 'Health'),
    label: text('SUS', 'SUS'),
    commitment: 'Cartão',
    status: 'achieved',
    note: 'Feito',
  },
];

describe('monitoring form', () => {
  it('reports the priorities given a status; an unknown status counts as none', () => {
    const values = monitoringValues(
      { 'status.p1': 'in-progress', 'note.p1': ' Em curso ', 'status.p2': 'done' },
      priorities,
    );
    expect(monitoringReports(values)).toEqual({
      reports: [{ priorityId: 'p1', status: 'in-progress', note: 'Em curso' }],
      problems: [],
    });
  });

  it('refuses a note without a status, and a form with no status at all, naming the priority', () => {
    const values = monitoringValues({ 'note.p2': 'Feito' }, priorities);
    const { reports, problems } = monitoringReports(values);
    expect(reports).toEqual([]);
    expect(monitoringProblems('pt-BR', priorities, problems, reports)).toEqual([
      { field: 'status-p2-not-started', text: '«SUS»: escolha a situação.' },
    ]);
    const none = monitoringReports(monitoringValues({}, priorities));
    expect(monitoringProblems('en', priorities, none.problems, none.reports)).toEqual([
      { field: 'status-p1-not-started', text: 'Choose how at least one priority stands.' },
    ]);
    expect(monitoringFieldFor('reports.0.note', [{ priorityId: 'p2' }])).toBe('note-p2');
  });

  it('draws the three statuses with the one reported checked', () => {
    const view = monitoringView(
      'pt-BR',
      priorities,
      [
        { status: null, note: '' },
        { status: 'achieved', note: 'Feito' },
      ],
      [],
    );
    expect(view[1].statuses.map((s) => [s.id, s.label, s.checked])).toEqual([
      ['status-p2-not-started', 'Não iniciada', false],
      ['status-p2-in-progress', 'Em andamento', false],
      ['status-p2-achieved', 'Alcançada', true],
    ]);
    expect(view[1]).toMatchObject({ statusText: 'Alcançada', note: 'Feito', noteDescribedBy: 'note-p2-hint' });
    expect(view[0].statusText).toBe('Sem relato');
  });
});
