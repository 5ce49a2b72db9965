import type { webDiagnosis as pt } from '../pt-BR/web-diagnosis';

/** Texts of the official's diagnosis pages: groups, items, autosave, submission. */
export const webDiagnosis: Record<keyof typeof pt, string> = {};
