/** Mensagens: diagnosis. */
export const diagnosis = {} as const;
