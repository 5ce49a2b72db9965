/** Mensagens: certification. */
export const certification = {} as const;
