/** Mensagens: progress. */
export const progress = {} as const;
