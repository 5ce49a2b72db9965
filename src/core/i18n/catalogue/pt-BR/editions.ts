/** Mensagens: editions. */
export const editions = {} as const;
