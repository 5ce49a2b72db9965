/** Mensagens: reporting. */
export const reporting = {
  'reporting.not-ready':
    'O Relatório de Diagnóstico fica disponível depois que a revisão aprova o diagnóstico; esta avaliação está «{state}».',
} as const;
