import type { webEnrolment as pt } from '../pt-BR/web-enrolment';

/** Texts of the official's enrolment, course, priorities and monitoring pages. */
export const webEnrolment: Record<keyof typeof pt, string> = {};
