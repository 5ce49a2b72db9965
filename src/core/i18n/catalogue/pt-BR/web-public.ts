/** Textos das páginas públicas: início, verificação, selos, boas práticas, painel, governos. */
export const webPublic = {} as const;
