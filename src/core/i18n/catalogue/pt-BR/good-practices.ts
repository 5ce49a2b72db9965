/** Mensagens: good-practices. */
export const goodPractices = {} as const;
