import type { Questionnaire } from '../../core/questionnaire/questionnaire.types';
import { auditRows } from './audit-view';
import { changesView, evidenceView, planDecisions, problemsOf, type ReviewData, reviewGroups } from './review-view';

const text = (pt: string, en = pt) => ({ 'pt-BR': pt, en });
const questionnaire: Questionnaire = {
  group: 'governance',
  version: 1,
  publishedAt: '2026-01-01',
  title: text('Governança', 'Governance'),
  items: [
    {
      key: 'policy',
      type: 'yes-partial-no',
      label: text('Política'),
      weight: 1,
      evidence: 'required-if-positive',
      allowNotApplicable: false,
      required: true,
    },
    {
      key: 'budget',
      type: 'number',
      label: text('Orçamento'),
      weight: 1,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
    },
    {
      key: 'unanswered',
      type: 'yes-partial-no',
      label: text('Sem resposta'),
      weight: 1,
      evidence: 'none',
      allowNotApplicable: false,
      required: false,
    },
  ],
} as unknown as Questionnaire;

const data = (round = 1): ReviewData => ({
  id: 'a1',
  editionYear: 2026,
  government: { name: 'Porto Alegre', uf: 'RS' },
  state: 'in-review',
  round,
  groups: [
    {
      group: 'governance',
      items: [
        {
          key: 'policy',
          visible: true,
          answer: {
            value: 'yes',
            evidence: [
              { url: 'https://poa.rs.gov.br/lei' },
              { file: 'abc', fileName: 'lei.pdf', mime: 'application/pdf' },
            ],
            reviewStatus: 'pending',
            changedRound: 2,
          },
        },
        { key: 'budget', visible: true, answer: { value: 1500, reviewStatus: 'accepted' } },
        { key: 'unanswered', visible: true, answer: { value: null } },
      ],
    },
  ],
  questionnaires: [{ number: 1, questionnaire }],
});

describe('the review page', () => {
  it('shows each answered item with the answer in words, evidence previewed, and the decisions it allows', () => {
    const [group] = reviewGroups(data(2), 'pt-BR', null);
    expect(group.heading).toBe('1. Governança');
    expect(group.items.map((i) => i.key)).toEqual(['policy', 'budget']);
    const [policy, budget] = group.items;
    expect(policy).toMatchObject({
      anchor: 'item-governance--policy',
      answer: 'Sim',
      statusText: 'Pendente',
      changed: true,
    });
    expect(policy.evidence).toEqual([
      { href: 'https://poa.rs.gov.br/lei', name: 'https://poa.rs.gov.br/lei', link: true, pdf: false, image: false },
      { href: '/revisao/a1/arquivos/abc', name: 'lei.pdf', link: false, pdf: true, image: false },
    ]);
    expect(policy.decisions.map((d) => d.value)).toEqual(['', 'accept', 'adjust', 'send-back']);
    expect(policy.ratings?.map((r) => r.value)).toEqual(['', 'yes', 'partial', 'no']);
    // A number is not rated by the reviewer: accept or send back only.
    expect(budget.decisions.map((d) => d.value)).toEqual(['', 'accept', 'send-back']);
    expect(budget.ratings).toBeNull();
    expect(budget.statusText).toBe('Aceito');
  });

  it('reads only the items given a decision, and maps the service problems back to them', () => {
    const body = {
      'decision.governance.policy': 'adjust',
      'rating.governance.policy': 'partial',
      'note.governance.policy': '  curta ',
      'decision.governance.budget': '',
    };
    const { decisions, values } = planDecisions(data(), body);
    expect(decisions).toEqual([
      {
        anchor: 'item-governance--policy',
        group: 'governance',
        itemKey: 'policy',
        decision: 'adjust',
        rating: 'partial',
        note: 'curta',
      },
    ]);
    expect(values).toEqual({ 'item-governance--policy': { decision: 'adjust', rating: 'partial', note: 'curta' } });
    const problems = problemsOf(
      decisions,
      [{ field: 'decisions.0.note', message: text('justifique', 'justify') }],
      'en',
      () => '1.1 Política',
    );
    expect(problems).toEqual({ 'item-governance--policy': { field: 'note', text: '1.1 Política: justify' } });
    const [group] = reviewGroups(data(), 'pt-BR', { values, problems });
    expect(group.items[0]).toMatchObject({
      noteValue: 'curta',
      problem: { field: 'note', id: 'item-governance--policy--error' },
    });
    expect(group.items[0].decisions.find((d) => d.checked)?.value).toBe('adjust');
  });

  it('puts the previous answer beside the current one', () => {
    const changes = {
      round: 2,
      changes: [
        {
          group: 'governance',
          itemKey: 'policy',
          comment: 'Anexe a lei',
          before: 'yes',
          beforeEvidence: null,
          now: 'partial',
          nowEvidence: [{ url: 'https://x.org/lei' }],
        },
      ],
    };
    expect(changesView(data(2), changes, 'en')).toEqual([
      {
        anchor: 'item-governance--policy',
        label: '1.1 Política',
        comment: 'Anexe a lei',
        before: 'Yes',
        beforeEvidence: [],
        now: 'Partly',
        nowEvidence: [{ href: 'https://x.org/lei', name: 'https://x.org/lei', link: true, pdf: false, image: false }],
      },
    ]);
  });

  it('previews only PDFs and images', () => {
    expect(evidenceView('a', { file: 'f', fileName: 'x.png', mime: 'image/png' }, 'en')).toMatchObject({
      image: true,
      pdf: false,
    });
    expect(
      evidenceView('a', { file: 'f', fileName: 'x.docx', mime: 'application/vnd.openxmlformats' }, 'en'),
    ).toMatchObject({ image: false, pdf: false });
  });

  it('reads the audit trail in words: who by name and role, the act, the item by its number, what was recorded', () => {
    const entry = (
      action: string,
      after: object | null,
      actor: [string | null, string | null] = ['Ana Souza', 'reviewer'],
    ) => ({
      at: '2026-05-04T17:30:00.000Z',
      actorName: actor[0],
      actorRole: actor[1],
      action,
      entityId: action.startsWith('assessment.') ? 'a1' : 'a1/governance/policy',
      after,
    });
    const rows = auditRows(
      data(),
      [
        entry('answer.save', { value: 'partial', evidence: [], version: 2 }, ['Marta', 'official']),
        entry('review.decide', {
          reviewStatus: 'adjusted',
          reviewerRating: 'no',
          reviewNote: 'A lei não foi aprovada.',
        }),
        entry('assessment.approve', null),
        entry('assessment.certify', null, [null, 'system']),
        entry('something.new', null),
      ],
      'pt-BR',
    );
    expect(rows).toEqual([
      {
        when: '04/05/2026 14:30',
        who: 'Marta (Servidor de governo)',
        action: 'Resposta salva',
        target: '1.1 Política',
        recorded: 'Parcial',
      },
      {
        when: '04/05/2026 14:30',
        who: 'Ana Souza (Revisor da OIM)',
        action: 'Decisão da revisão',
        target: '1.1 Política',
        recorded: 'Ajustado pela revisão · Não · «A lei não foi aprovada.»',
      },
      {
        when: '04/05/2026 14:30',
        who: 'Ana Souza (Revisor da OIM)',
        action: 'Aprovação do diagnóstico',
        target: '',
        recorded: '',
      },
      { when: '04/05/2026 14:30', who: 'Sistema', action: 'Emissão do selo', target: '', recorded: '' },
      {
        when: '04/05/2026 14:30',
        who: 'Ana Souza (Revisor da OIM)',
        action: 'something.new',
        target: '1.1 Política',
        recorded: '',
      },
    ]);
    const [english] = auditRows(
      data(),
      [entry('review.decide', { reviewStatus: 'sent-back', reviewerRating: null, reviewNote: 'Anexe a lei.' })],
      'en',
    );
    expect(english).toMatchObject({ action: 'Review decision', recorded: 'Sent back for correction · «Anexe a lei.»' });
  });
});
