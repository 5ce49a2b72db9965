/** Mensagens comuns: erros gerais do servidor e da requisição. */
export const common = {
  'common.internal-error': 'Erro interno do servidor; tente novamente.',
} as const;
