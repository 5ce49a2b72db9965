/** Textos das páginas do diagnóstico do ponto focal: grupos, itens, salvamento automático, envio. */
export const webDiagnosis = {} as const;
