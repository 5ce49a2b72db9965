/** Textos das páginas da revisão (OIM): fila, revisão item a item, boas práticas. */
export const webReview = {} as const;
