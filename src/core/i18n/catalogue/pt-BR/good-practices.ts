/** Mensagens: boas práticas (registro pelo governo, decisão da revisão). */
export const goodPractices = {
  'good-practices.only-during-diagnosis':
    'Boas práticas são registradas durante o diagnóstico; a avaliação está "{state}".',
  'good-practices.unknown-group': 'este grupo de indicadores não faz parte desta avaliação',
  'good-practices.future-year': 'o ano de início não pode ser depois de {year}',
  'good-practices.not-found': 'Boa prática não encontrada.',
  'good-practices.comment-required': 'diga ao governo por que a prática foi recusada (5 caracteres ou mais)',
  'good-practices.diagnosis-not-submitted':
    'Uma boa prática só pode ser aprovada depois que o governo envia o diagnóstico; a avaliação está "{state}".',
} as const;
