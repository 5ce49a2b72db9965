import type { review as pt } from '../pt-BR/review';

/** Messages: review. */
export const review: Record<keyof typeof pt, string> = {};
