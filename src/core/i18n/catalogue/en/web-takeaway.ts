import type { webTakeaway as pt } from '../pt-BR/web-takeaway';

/** Texts of what the official takes away: seal, report, printable view, progress. */
export const webTakeaway: Record<keyof typeof pt, string> = {};
