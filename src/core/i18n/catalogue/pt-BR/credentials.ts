/** Mensagens: credentials. */
export const credentials = {} as const;
