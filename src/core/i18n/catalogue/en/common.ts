import type { common as pt } from '../pt-BR/common';

/** Messages common to every area: the server's and the request's general errors. */
export const common: Record<keyof typeof pt, string> = {
  'common.internal-error': 'Internal server error; try again.',
};
