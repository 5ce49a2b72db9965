/** Mensagens: credentials (credenciais verificáveis dos selos, lista de revogação). */
export const credentials = {
  'credentials.status-list-not-found': 'A lista de revogação {list} não existe.',
} as const;
