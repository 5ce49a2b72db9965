import { message } from '../../../core/i18n/message';
import type { Questionnaire } from '../../../core/questionnaire/questionnaire.types';
import { answerInWords, buildPrintModel, type PrintSource } from './print-view';

const q: Questionnaire = {
  group: 'governance',
  version: 1,
  publishedAt: '2020-03-02',
  title: { 'pt-BR': 'Estrutura institucional', en: 'Institutional structure' },
  items: [
    {
      key: 'policy',
      type: 'yes-partial-no',
      label: { 'pt-BR': 'Há política?', en: 'Is there a policy?' },
      weight: 1,
      evidence: 'required',
      allowNotApplicable: true,
      required: true,
    },
    {
      key: 'year',
      type: 'number',
      label: { 'pt-BR': 'Ano', en: 'Year' },
      weight: 0,
      evidence: 'none',
      allowNotApplicable: false,
      required: true,
      visibleWhen: { item: 'policy', in: ['yes'] },
    },
    {
      key: 'sources',
      type: 'multiple-choice',
      label: { 'pt-BR': 'Fontes', en: 'Sources' },
      weight: 1,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
      options: [
        { key: 'own', label: { 'pt-BR': 'Registros próprios', en: 'Own records' }, points: 50 },
        { key: 'cad', label: { 'pt-BR': 'CadÚnico', en: 'CadÚnico' }, points: 50 },
      ],
    },
    {
      key: 'share',
      type: 'number',
      label: { 'pt-BR': 'Parcela', en: 'Share' },
      weight: 0,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
    },
    {
      key: 'act',
      type: 'evidence',
      label: { 'pt-BR': 'Ato', en: 'Act' },
      weight: 0,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
    },
  ],
};

const source: PrintSource = {
  editionYear: 2026,
  government: { name: 'Porto Alegre', uf: 'RS' },
  stateLabel: message('diagnosis.state.certified'),
  groups: [
    {
      group: 'governance',
      questionnaireVersion: 1,
      items: [
        {
          key: 'policy',
          visible: true,
          answer: {
            value: 'yes',
            evidence: [
              { url: 'https://leis.test/lei-123.pdf' },
              { file: 'abc', fileName: 'decreto.pdf', mime: 'application/pdf' },
            ],
            reviewStatus: 'adjusted',
            reviewerRating: 'partial',
            reviewNote: 'Só um decreto.',
          },
        },
        { key: 'year', visible: false, answer: { value: 2019 } },
        { key: 'sources', visible: true, answer: { value: ['own', 'cad'], reviewStatus: 'accepted', carried: true } },
        { key: 'share', visible: true, answer: { value: 12.5, reviewStatus: 'pending' } },
        {
          key: 'act',
          visible: true,
          answer: { value: { file: 'abc' }, evidence: [{ file: 'abc', fileName: 'ato.pdf', mime: 'application/pdf' }] },
        },
      ],
    },
  ],
};

const build = (lang: 'pt-BR' | 'en') =>
  buildPrintModel(
    source,
    () => q,
    () => 1,
    lang,
    '2026-12-01',
  );

describe('the printable diagnosis', () => {
  it('leaves the items hidden by earlier answers out', () => {
    const items = build('pt-BR').groups[0].items;
    expect(items.map((i) => i.label)).toEqual(['Há política?', 'Fontes', 'Parcela', 'Ato']);
  });

  it('writes answers in words, links whole, files by name, and the review\u2019s verdict with its note', () => {
    const [policy, sources, share, act] = build('pt-BR').groups[0].items;
    expect(policy).toMatchObject({
      answer: ['Sim'],
      evidence: ['Link: https://leis.test/lei-123.pdf', 'Arquivo: decreto.pdf'],
      review: 'Ajustada pela revisão para «Parcial»',
      reviewNote: 'Comentário da revisão: Só um decreto.',
    });
    expect(sources).toMatchObject({ answer: ['Registros próprios', 'CadÚnico'], review: 'Aceita', carried: true });
    expect(share).toMatchObject({ answer: ['12,5'], review: null, reviewNote: null });
    expect(act.answer).toEqual(['Arquivo: ato.pdf']);
  });

  it('in English, with a decimal point', () => {
    const model = build('en');
    expect(model.heading).toBe('Diagnosis 2026: Porto Alegre (RS)');
    expect(model.generated).toBe('Generated on 1 Dec 2026');
    expect(model.groups[0].heading).toBe('1. Institutional structure');
    const [policy, , share] = model.groups[0].items;
    expect(policy.answer).toEqual(['Yes']);
    expect(share.answer).toEqual(['12.5']);
  });

  it('names the unanswered, the not applicable and an empty choice', () => {
    const [policy, , sources] = q.items;
    expect(answerInWords(policy, null, 'pt-BR')).toEqual(['Sem resposta']);
    expect(answerInWords(policy, 'not-applicable', 'pt-BR')).toEqual(['Não se aplica']);
    expect(answerInWords(sources, [], 'en')).toEqual(['None of the options']);
    expect(answerInWords(q.items[4], { url: 'https://x.test/a' }, 'pt-BR')).toEqual(['Link: https://x.test/a']);
  });
});
