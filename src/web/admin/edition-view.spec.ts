import type { Questionnaire } from '../../core/questionnaire/questionnaire.types';
import { editionInput, editionProblems, editionValues, type GroupChoice } from './edition-form';
import { changeSummary, ruleText, validityText, versionChanges } from './edition-view';
import { pagination, userFilters, userQuery } from './users-view';

const label = (pt: string, en = pt) => ({ 'pt-BR': pt, en });
const item = (key: string) => ({ key, label: label(`Item ${key}`, `Item ${key} (en)`) });
const q = (version: number, keys: string[], extra: Partial<Questionnaire> = {}) =>
  ({ version, items: keys.map(item), ...extra }) as unknown as Questionnaire;

const GROUPS: GroupChoice[] = [
  { slug: 'health', title: label('Acesso à saúde', 'Access to health'), versions: [1, 2] },
  { slug: 'labour', title: label('Trabalho', 'Labour'), versions: [1] },
];

describe('what changed between two versions of a group (from the key map)', () => {
  const v1 = q(1, ['a', 'b', 'c']);
  const v2 = q(2, ['a', 'b2', 'd'], { follows: 1, keyMap: { a: 'kept', b: { renamedTo: 'b2' }, c: 'dropped' } });

  it('lists kept, renamed, dropped and new items, with the labels of the version they live in', () => {
    const changes = versionChanges(v1, v2, 'en');
    expect(changes.map((c) => [c.kind, c.fromKey, c.toKey])).toEqual([
      ['kept', 'a', 'a'],
      ['renamed', 'b', 'b2'],
      ['dropped', 'c', null],
      ['new', null, 'd'],
    ]);
    expect(changes[1].label).toBe('Item b2 (en)');
    expect(changes[2].label).toBe('Item c (en)');
    expect(changeSummary(changes, 'pt-BR')).toBe('Itens: 1 mantidos, 1 renomeados, 1 retirados, 1 novos.');
  });

  it('an item the key map leaves out counts as dropped', () => {
    const v3 = q(3, ['a'], { follows: 2, keyMap: { a: 'kept' } });
    expect(versionChanges(v2, v3, 'pt-BR').map((c) => c.kind)).toEqual(['kept', 'dropped', 'dropped']);
  });

  it('the rule and the seal validity in words', () => {
    expect(ruleText({ kind: 'all-stages' }, 'pt-BR')).toBe('todas as etapas concluídas');
    expect(ruleText({ kind: 'minimum-index', minimumIndex: 62.5 }, 'pt-BR')).toContain('62,5');
    expect(ruleText({ kind: 'minimum-levels', minimumLevel: 'developing' }, 'en')).toContain('Developing');
    expect(validityText({ kind: 'fixed', until: '2032-12-31' }, 'pt-BR')).toBe('até 31/12/2032');
  });
});

describe('the edition form', () => {
  it('takes dates typed dd/mm/aaaa or from the date input, and the latest version of a group left alone', () => {
    const values = editionValues(
      {
        year: ' 2031 ',
        'calendar.enrolmentOpens': '01/03/2031',
        'calendar.enrolmentCloses': '2031-04-15',
        'pinnedVersions.health': '1',
        'certificationRule.kind': 'minimum-index',
        'certificationRule.minimumIndex': '62,5',
      },
      GROUPS,
    );
    const input = editionInput(values, GROUPS);
    expect(input.year).toBe(2031);
    expect(input.calendar).toMatchObject({ enrolmentOpens: '2031-03-01', enrolmentCloses: '2031-04-15' });
    expect(input.pinnedVersions).toEqual({ health: 1, labour: 1 });
    expect(input.certificationRule).toEqual({ kind: 'minimum-index', minimumIndex: 62.5 });
    expect(input.sealValidity).toEqual({ kind: 'one-year' });
  });

  it("names each field at fault in the form's order, with its label", () => {
    const reason = label('deve ser uma data', 'must be a date');
    const problems = editionProblems(
      'pt-BR',
      [
        { field: 'pinnedVersions.health', message: reason },
        { field: 'calendar.diagnosisDeadline', message: reason },
        { field: 'unknown', message: reason },
      ],
      GROUPS,
    );
    expect(problems).toEqual([
      { field: 'calendar-diagnosisDeadline', text: 'Prazo do diagnóstico: deve ser uma data' },
      { field: 'pinnedVersions-health', text: 'Versão de Acesso à saúde: deve ser uma data' },
    ]);
  });
});

describe("the users' list", () => {
  it('reads its filters from the query, ignoring what it does not know', () => {
    const f = userFilters({ q: ' joana ', papel: 'reviewer', situacao: 'disabled', pagina: '3' });
    expect(f).toEqual({ q: 'joana', role: 'reviewer', status: 'disabled', page: 3 });
    expect(userQuery(f)).toEqual({ q: 'joana', role: 'reviewer', active: false, limit: 20, offset: 40 });
    expect(userFilters({ papel: 'king', pagina: '-1', situacao: 'x' })).toEqual({
      q: '',
      role: '',
      status: '',
      page: 1,
    });
  });

  it('links to the neighbouring pages keeping the filters', () => {
    const p = pagination({ q: 'a', role: '', status: 'active', page: 2 }, 45, 'pt-BR');
    expect(p.text).toBe('Página 2 de 3 (45 usuários)');
    expect(p.previous).toBe('/admin/usuarios?q=a&situacao=active&pagina=1');
    expect(p.next).toBe('/admin/usuarios?q=a&situacao=active&pagina=3');
    expect(pagination({ q: '', role: '', status: '', page: 1 }, 0, 'en')).toMatchObject({ previous: null, next: null });
  });
});
