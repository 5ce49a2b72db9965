/** Textos das páginas da certificação (universidade): selos, lotes, signatários. */
export const webCertification = {} as const;
