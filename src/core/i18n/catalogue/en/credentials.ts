import type { credentials as pt } from '../pt-BR/credentials';

/** Messages: credentials. */
export const credentials: Record<keyof typeof pt, string> = {};
