import type { credentials as pt } from '../pt-BR/credentials';

/** Messages: credentials (the seals' verifiable credentials, the revocation list). */
export const credentials: Record<keyof typeof pt, string> = {
  'credentials.status-list-not-found': 'Revocation list {list} does not exist.',
};
