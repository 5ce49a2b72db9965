/** Mensagens: files. */
export const files = {} as const;
