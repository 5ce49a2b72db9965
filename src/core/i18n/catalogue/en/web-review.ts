import type { webReview as pt } from '../pt-BR/web-review';

/** Texts of the review pages (IOM): queue, item-by-item review, good practices. */
export const webReview: Record<keyof typeof pt, string> = {};
