import type { notifications as pt } from '../pt-BR/notifications';

/** Messages: notifications. */
export const notifications: Record<keyof typeof pt, string> = {};
