/** How a sign-in attempt ended; `pending` while it is being decided (it counts as a failure until then). */
export const SIGN_IN_OUTCOMES = [
  'pending',
  'success',
  'wrong-password',
  'unknown-account',
  'disabled',
  'throttled',
] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/** The outcomes that count towards throttling (the migration's partial indexes name the same list). */
export const COUNTED_OUTCOMES: readonly SignInOutcome[] = ['pending', 'wrong-password', 'unknown-account', 'disabled'];
