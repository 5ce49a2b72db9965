/** Mensagens: scoring. */
export const scoring = {} as const;
