import type { reporting as pt } from '../pt-BR/reporting';

/** Messages: reporting. */
export const reporting: Record<keyof typeof pt, string> = {
  'reporting.not-ready':
    'The diagnosis report is available once the review approves the diagnosis; this assessment is "{state}".',
};
