/** Mensagens: review. */
export const review = {} as const;
