import type { webCertification as pt } from '../pt-BR/web-certification';

/** Texts of the certification pages (university): seals, batches, signatories. */
export const webCertification: Record<keyof typeof pt, string> = {};
