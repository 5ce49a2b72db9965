import type { diagnosis as pt } from '../pt-BR/diagnosis';

/** Messages: diagnosis. */
export const diagnosis: Record<keyof typeof pt, string> = {};
