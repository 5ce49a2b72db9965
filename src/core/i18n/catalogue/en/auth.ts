import type { auth as pt } from '../pt-BR/auth';

/** Messages: auth. */
export const auth: Record<keyof typeof pt, string> = {};
