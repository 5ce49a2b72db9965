/** Textos do que o ponto focal leva consigo: selo, relatório, versão para impressão, progresso. */
export const webTakeaway = {} as const;
