import type { editions as pt } from '../pt-BR/editions';

/** Messages: editions. */
export const editions: Record<keyof typeof pt, string> = {};
