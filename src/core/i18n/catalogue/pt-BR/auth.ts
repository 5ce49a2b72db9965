/** Mensagens: auth. */
export const auth = {} as const;
