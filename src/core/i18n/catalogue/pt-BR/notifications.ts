/** Mensagens: notifications. */
export const notifications = {} as const;
