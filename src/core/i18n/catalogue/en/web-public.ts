import type { webPublic as pt } from '../pt-BR/web-public';

/** Texts of the public pages: home, verification, seals, good practices, dashboard, governments. */
export const webPublic: Record<keyof typeof pt, string> = {};
