import type { reporting as pt } from '../pt-BR/reporting';

/** Messages: reporting. */
export const reporting: Record<keyof typeof pt, string> = {};
