/** Textos das páginas da administração: edições, versões, prorrogações, usuários. */
export const webAdmin = {} as const;
