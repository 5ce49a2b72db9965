import type { goodPractices as pt } from '../pt-BR/good-practices';

/** Messages: good-practices. */
export const goodPractices: Record<keyof typeof pt, string> = {};
