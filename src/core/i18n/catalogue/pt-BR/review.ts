/** Mensagens: review. */
export const review = {
  'review.not-answered': 'o {item} não tem resposta para revisar',
  'review.rating-required': 'informe a nota do revisor para o ajuste',
  'review.same-as-answer': 'igual à resposta do governo: use «aceitar»',
  'review.justification-required': 'justifique o ajuste (10 caracteres ou mais)',
  'review.comment-required': 'diga ao governo o que corrigir (5 caracteres ou mais)',
  'review.evidence-missing':
    '{item}: a resposta «{answer}» precisa de evidência e nenhuma foi apresentada; ajuste a nota ou devolva o item ao governo',
  'review.invalid-decisions': 'Decisões inválidas: {count} problema(s); veja cada campo.',
  'review.nothing-sent-back': 'Nenhum item foi devolvido: marque ao menos um item para devolver ao governo.',
  'review.open-item': '{item}: ainda {status}',
  'review.status.pending': 'sem decisão',
  'review.status.sent-back': 'devolvido ao governo',
  'review.review-incomplete': 'Ainda há {count} item(ns) sem decisão final.',
  'review.next.not-submitted':
    'O diagnóstico está «{state}»: o governo ainda não o enviou, e a revisão começa quando ele for enviado.',
  'review.next.with-government':
    'O diagnóstico está «{state}»: está com o governo para ajustes, e a revisão continua quando ele for reenviado.',
  'review.next.approved':
    'O diagnóstico está «{state}»: já foi aprovado; para revisá-lo de novo, reabra-o informando o motivo.',
  'review.mail.sent-back.subject': 'MigraCidades {year}: itens devolvidos para ajuste ({government})',
  'review.mail.sent-back.line': '- {item}: {note}',
  'review.mail.sent-back.body':
    'Olá,\n\nA revisão do diagnóstico de {government} ({uf}) na edição {year} devolveu {count} item(ns) para ajuste:\n\n{items}\n\nResponda aos itens e reenvie o diagnóstico: {link}',
  'review.mail.approved.subject': 'MigraCidades {year}: diagnóstico aprovado ({government})',
  'review.mail.approved.body':
    'Olá,\n\nO diagnóstico de {government} ({uf}) na edição {year} foi aprovado.\nÍndice MigraCidades: {index}.\n\nPróximo passo: escolha as prioridades de melhoria por grupo de indicadores: {link}',
} as const;
