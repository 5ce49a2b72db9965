import type { Questionnaire } from '../../../core/questionnaire/questionnaire.types';
import { conflictsByItem, parseNumber, planGroupSave, problemsByItem } from './diagnosis-form';
import { conflictText, type DiagnosisData, diagnosisPage, groupProgress, valueLabel } from './diagnosis-view';
import { submissionPage } from './submission-view';

const text = (pt: string, en = pt) => ({ 'pt-BR': pt, en });

const questionnaire: Questionnaire = {
  group: 'governance',
  version: 1,
  publishedAt: '2020-03-02',
  title: text('Governança', 'Governance'),
  items: [
    {
      key: 'focal-body',
      type: 'yes-partial-no',
      label: text('Existe ponto focal?', 'Is there a focal point?'),
      weight: 3,
      evidence: 'required',
      allowNotApplicable: false,
      required: true,
    },
    {
      key: 'year',
      type: 'number',
      integer: true,
      min: 1950,
      max: 2100,
      label: text('Ano', 'Year'),
      weight: 0,
      evidence: 'none',
      allowNotApplicable: false,
      required: true,
      visibleWhen: { item: 'focal-body', in: ['yes', 'partial'] },
    },
    {
      key: 'sources',
      type: 'multiple-choice',
      label: text('Fontes', 'Sources'),
      options: [
        { key: 'own', label: text('Próprias', 'Own'), points: 50 },
        { key: 'federal', label: text('Federais', 'Federal'), points: 50 },
      ],
      weight: 1,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
    },
    {
      key: 'notes',
      type: 'text',
      maxLength: 3000,
      label: text('Observações', 'Notes'),
      weight: 0,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
    },
  ],
};

const empty = { value: null, version: 0 };

function data(overrides: Partial<DiagnosisData> = {}, answers: Record<string, object> = {}): DiagnosisData {
  return {
    id: 'a-1',
    editionYear: 2026,
    government: { name: 'Porto Alegre' },
    state: 'diagnosis-in-progress',
    previousEditionYear: 2024,
    missing: [],
    groups: [
      {
        group: 'governance',
        items: questionnaire.items.map((i) => ({
          key: i.key,
          visible: !i.visibleWhen || (answers['focal-body'] as { value?: string })?.value === 'yes',
          answer: { ...empty, ...(answers[i.key] ?? {}) },
        })),
      },
    ],
    questionnaires: [{ number: 1, questionnaire }],
    ...overrides,
  };
}

describe('diagnosis page view', () => {
  it('counts progress per group from the visible items and what stops the submission', () => {
    const d = data(
      {
        missing: [
          { item: 'governance.year', reason: 'REQUIRED' },
          { item: 'governance.focal-body', reason: 'EVIDENCE_MISSING' },
          { item: 'health.x', reason: 'REQUIRED' },
        ],
      },
      { 'focal-body': { value: 'yes', version: 1 } },
    );
    expect(groupProgress(d.groups[0], d.missing)).toEqual({
      total: 4,
      answered: 1,
      requiredLeft: 1,
      evidenceMissing: 1,
      carried: 0,
    });
    const page = diagnosisPage(d, 'pt-BR');
    expect(page.overall.answered).toBe('1 de 4 respondidos');
    expect(page.overall.left).toEqual(['1 obrigatórios sem resposta', '1 sem evidência']);
    expect(page.overall.complete).toBe(false);
    expect(page.nav[0].heading).toBe('1. Governança');
  });

  it('draws each item with its control, numbering, condition and versions; hidden items are not answerable', () => {
    const page = diagnosisPage(data(), 'en');
    const [focal, year, sources, notes] = page.groups[0].items;
    expect(focal).toMatchObject({ id: 'item-governance--focal-body', number: 'Item 1.1', radios: true, enabled: true });
    expect(focal.options.map((o) => o.label)).toEqual(['Yes', 'Partly', 'No']);
    expect(focal.evidence?.hint).toBe('Required for Yes and Partly answers.');
    expect(year).toMatchObject({
      numeric: true,
      visible: false,
      enabled: false,
      hint: 'A number from 1950 to 2100. A whole number.',
    });
    expect(year.condition).toEqual({ item: 'focal-body', values: '["yes","partial"]' });
    expect(sources).toMatchObject({ multiple: true, evidence: null, upload: false });
    expect(notes).toMatchObject({ textarea: true, text: false });
  });

  it('marks carried answers with their edition, items sent back with the comment, and filters to them', () => {
    const d = data(
      { state: 'changes-requested' },
      {
        'focal-body': { value: 'yes', version: 3, carried: true },
        notes: { value: 'x', version: 1, reviewStatus: 'sent-back', reviewNote: 'Detalhe melhor.' },
      },
    );
    const all = diagnosisPage(d, 'pt-BR');
    const [focal, , , notes] = all.groups[0].items;
    expect(focal.carried?.text).toBe('Trazida de 2024: confirme ou altere.');
    expect(focal).toMatchObject({ editable: false, locked: true });
    expect(notes).toMatchObject({ editable: true, sentBack: { note: 'Detalhe melhor.' } });
    expect(all.filter).toMatchObject({ count: 1, active: false, sentBackHref: '/avaliacoes/a-1?filtro=devolvidos' });
    const only = diagnosisPage(d, 'pt-BR', { filter: 'devolvidos' });
    expect(only.groups[0].items.map((i) => i.key)).toEqual(['notes']);
  });

  it('is read-only once submitted', () => {
    const page = diagnosisPage(data({ state: 'submitted' }), 'pt-BR');
    expect(page.editable).toBe(false);
    expect(page.readOnly).toBe(
      'O diagnóstico está na situação «enviado»: as respostas podem ser lidas, mas não alteradas.',
    );
    expect(page.groups[0].items.every((i) => !i.enabled)).toBe(true);
    expect(page.groups[0].canSave).toBe(false);
  });

  it('says who wrote the other value of a conflict and when (Brasília time), in each language', () => {
    const item = questionnaire.items[0];
    const conflict = {
      currentVersion: 2,
      currentValue: 'partial',
      changedBy: { name: 'Bruno' },
      changedAt: '2026-12-01T17:32:00.000Z',
      byYou: false,
    };
    expect(conflictText(item, conflict, 'pt-BR')).toBe('Bruno salvou «Parcial» em 01/12/2026 às 14:32.');
    expect(conflictText(item, { ...conflict, byYou: true }, 'en')).toBe(
      'You saved “Partly” in another tab on 1 Dec 2026 at 14:32.',
    );
    expect(valueLabel(questionnaire.items[2], ['own', 'federal'], 'pt-BR')).toBe('Próprias, Federais');
    expect(valueLabel(questionnaire.items[1], null, 'en')).toBe('no answer');
    const page = diagnosisPage(data(), 'pt-BR', {
      form: { group: 'governance', values: {}, evidenceUrls: {}, problems: {}, conflicts: { 'focal-body': conflict } },
    });
    // The form goes on from the other version, so that "keep mine" saves over it knowingly.
    expect(page.groups[0].items[0]).toMatchObject({ version: 2, conflict: { text: expect.stringContaining('Bruno') } });
  });

  it('lists what stops the submission with a link to each item', () => {
    const page = submissionPage(
      data({ missing: [{ item: 'governance.focal-body', reason: 'EVIDENCE_MISSING' }] }),
      'pt-BR',
    );
    expect(page.missing).toEqual([
      {
        id: 'missing-governance--focal-body',
        href: '/avaliacoes/a-1#item-governance--focal-body',
        text: 'Item 1.1: Existe ponto focal?',
        reason: 'falta a evidência',
      },
    ]);
    expect(page.open).toBe(true);
    expect(page.problems).toEqual([
      { field: 'missing-governance--focal-body', text: 'Item 1.1: Existe ponto focal?: falta a evidência' },
    ]);
    // Before the first answer the page already lists what is missing; once sent, there is nothing to submit.
    expect(submissionPage(data({ state: 'enrolled' }), 'pt-BR').open).toBe(true);
    expect(submissionPage(data({ state: 'submitted' }), 'en')).toMatchObject({
      open: false,
      closed: 'Status: submitted. There is nothing to submit now.',
    });
  });
});

describe('group form without JavaScript', () => {
  const body = (fields: Record<string, unknown>) => ({
    'ver.focal-body': '1',
    'ver.year': '0',
    'ver.sources': '0',
    'ver.notes': '0',
    ...fields,
  });

  it('saves only what changed, with the versions the page showed, and follows the conditions', () => {
    const d = data({}, { 'focal-body': { value: 'no', version: 1 } });
    const { saves } = planGroupSave(
      d,
      'governance',
      body({ 'v.focal-body': 'yes', 'v.year': '2019', 'v.sources': ['own'], 'v.notes': '' }),
      'pt-BR',
    );
    expect(saves).toEqual([
      { group: 'governance', itemKey: 'focal-body', value: 'yes', expectedVersion: 1 },
      { group: 'governance', itemKey: 'year', value: 2019, expectedVersion: 0 },
      { group: 'governance', itemKey: 'sources', value: ['own'], expectedVersion: 0 },
    ]);
    // "Não": the year is hidden again, so what was typed in it is not saved.
    const hidden = planGroupSave(d, 'governance', body({ 'v.focal-body': 'no', 'v.year': '2019' }), 'pt-BR');
    expect(hidden.saves).toEqual([]);
  });

  it('names a wrong number and keeps it; takes the other value of a conflict by leaving the item alone', () => {
    const d = data({}, { 'focal-body': { value: 'yes', version: 1 } });
    const wrong = planGroupSave(d, 'governance', body({ 'v.year': 'dois mil' }), 'pt-BR');
    expect(wrong.form.problems).toEqual({ year: 'Item 1.2: informe um número (por exemplo 12 ou 3,5).' });
    expect(wrong.form.values.year).toBe('dois mil');
    const taken = planGroupSave(d, 'governance', body({ 'v.focal-body': 'no', take: 'focal-body' }), 'pt-BR');
    expect(taken.saves).toEqual([]);
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('')).toBeNull();
  });

  it('saves a changed evidence link with the answer, keeping the files, and confirms a carried answer', () => {
    const d = data(
      {},
      {
        'focal-body': {
          value: 'yes',
          version: 4,
          carried: true,
          evidence: [{ file: 'f'.repeat(64), fileName: 'ato.pdf', mime: 'application/pdf' }],
        },
      },
    );
    const { saves } = planGroupSave(
      d,
      'governance',
      body({ 'ver.focal-body': '4', 'v.focal-body': 'yes', 'ev.focal-body': 'https://x.test/a.pdf' }),
      'pt-BR',
    );
    expect(saves[0]).toEqual({
      group: 'governance',
      itemKey: 'focal-body',
      value: 'yes',
      expectedVersion: 4,
      evidence: [{ file: 'f'.repeat(64), fileName: 'ato.pdf' }, { url: 'https://x.test/a.pdf' }],
    });
    const confirmed = planGroupSave(
      d,
      'governance',
      body({ 'ver.focal-body': '4', 'v.focal-body': 'yes', 'confirm.focal-body': '1' }),
      'pt-BR',
    );
    expect(confirmed.saves).toEqual([{ group: 'governance', itemKey: 'focal-body', value: 'yes', expectedVersion: 4 }]);
  });

  it('puts the service’s problems and conflicts beside their items', () => {
    const saves = [{ group: 'governance', itemKey: 'year', value: 3000, expectedVersion: 0 }];
    expect(
      problemsByItem(saves, [{ field: 'answers.0.value', message: text('Fora do intervalo', 'Out of range') }], 'en'),
    ).toEqual({
      year: 'Out of range',
    });
    const details = {
      conflicts: [
        { itemKey: 'year', currentVersion: 2, currentValue: 2001, changedBy: null, changedAt: null, byYou: false },
      ],
    };
    expect(conflictsByItem(details)).toEqual({ year: details.conflicts[0] });
  });
});
