/** Textos das páginas de inscrição, curso, prioridades e monitoramento do ponto focal. */
export const webEnrolment = {} as const;
