import type { scoring as pt } from '../pt-BR/scoring';

/** Messages: scoring. */
export const scoring: Record<keyof typeof pt, string> = {};
