import type { certification as pt } from '../pt-BR/certification';

/** Messages: certification. */
export const certification: Record<keyof typeof pt, string> = {};
