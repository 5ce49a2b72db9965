/** Mensagens: reporting. */
export const reporting = {} as const;
