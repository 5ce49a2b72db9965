import type { files as pt } from '../pt-BR/files';

/** Messages: files. */
export const files: Record<keyof typeof pt, string> = {};
