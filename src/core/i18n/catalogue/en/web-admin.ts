import type { webAdmin as pt } from '../pt-BR/web-admin';

/** Texts of the administration pages: editions, versions, extensions, users. */
export const webAdmin: Record<keyof typeof pt, string> = {};
