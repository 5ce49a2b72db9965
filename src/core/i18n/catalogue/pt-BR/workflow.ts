/** Mensagens: etapas da avaliação (ações, o que vem a seguir, alterações simultâneas). */
export const workflow = {
  'workflow.assessment-not-found': 'Avaliação não encontrada.',
  'workflow.role-not-allowed': 'Só {roles} podem {action}.',
  'workflow.illegal-transition':
    'Não é possível {action}: a avaliação está "{state}", e esta ação só vale quando ela está em uma destas etapas: {allowed}. {next}',
  'workflow.concurrent-change': 'A avaliação foi alterada por outra pessoa; recarregue e tente de novo.',
  'workflow.action.start-diagnosis': 'iniciar o diagnóstico',
  'workflow.action.submit': 'enviar o diagnóstico',
  'workflow.action.start-review': 'iniciar a revisão',
  'workflow.action.request-changes': 'devolver itens para ajuste',
  'workflow.action.approve': 'aprovar o diagnóstico',
  'workflow.action.reopen': 'reabrir o diagnóstico aprovado',
  'workflow.action.set-priorities': 'definir as prioridades',
  'workflow.action.certify': 'emitir o selo',
  'workflow.next.enrolled': 'O próximo passo é o governo começar a responder o diagnóstico.',
  'workflow.next.diagnosis-in-progress': 'O próximo passo é o governo enviar o diagnóstico.',
  'workflow.next.submitted': 'O próximo passo é a revisão começar.',
  'workflow.next.in-review': 'O próximo passo é a revisão aprovar o diagnóstico ou devolver itens para ajuste.',
  'workflow.next.changes-requested':
    'O próximo passo é o governo ajustar os itens devolvidos e reenviar o diagnóstico.',
  'workflow.next.resubmitted': 'O próximo passo é a revisão retomar a análise do diagnóstico reenviado.',
  'workflow.next.approved': 'O próximo passo é o governo escolher as suas prioridades.',
  'workflow.next.priorities-set': 'O próximo passo é a universidade emitir o selo.',
  'workflow.next.certified': 'Todas as etapas desta edição estão concluídas.',
} as const;
