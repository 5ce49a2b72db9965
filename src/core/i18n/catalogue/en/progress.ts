import type { progress as pt } from '../pt-BR/progress';

/** Messages: progress. */
export const progress: Record<keyof typeof pt, string> = {};
