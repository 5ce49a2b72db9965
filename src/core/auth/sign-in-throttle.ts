/**
 * When a sign-in is slowed down or refused, decided from the recent failed attempts recorded in `sign_ins`
 * (so that every process of the app decides alike). Pure: the caller reads the failures, this decides.
 *
 * A failure counts for 15 minutes. Per account (the e-mail tried, known or not, so that unknown addresses
 * behave like known ones): from the 5th failure each answer waits a little longer, from the 10th every attempt
 * is refused, even with the right password, until the 10th most recent failure is 15 minutes old. Per client
 * address the limits are higher (one office behind one address signs in many people): slowed from 40, refused
 * from 50. Refused attempts do not count as failures, so that hammering a refused account does not keep it
 * closed forever; a success clears the account's failures (the caller reads only those after it).
 */
export interface ThrottleRules {
  readonly windowMs: number;
  readonly account: ThrottleLimits;
  readonly address: ThrottleLimits;
  /** The delay grows by a step per failure from `slowAfter` on, up to a ceiling. */
  readonly delay: { readonly stepMs: number; readonly maxMs: number };
}

export interface ThrottleLimits {
  readonly slowAfter: number;
  readonly refuseAt: number;
}

export const SIGN_IN_THROTTLE: ThrottleRules = {
  windowMs: 15 * 60_000,
  account: { slowAfter: 5, refuseAt: 10 },
  address: { slowAfter: 40, refuseAt: 50 },
  delay: { stepMs: 200, maxMs: 2_000 },
};
export type ThrottleScope = 'account' | 'address';

/** The instants (ms) of the recent failures of each scope, newest first; at most `refuseAt` are needed. */
export interface RecentFailures {
  readonly account: readonly number[];
  readonly address: readonly number[];
}

export type ThrottleDecision =
  | { readonly verdict: 'allow'; readonly delayMs: number }
  | {
      readonly verdict: 'refuse';
      readonly scope: ThrottleScope;
      /** When an attempt will be heard again (ms). */
      readonly until: number;
      readonly retryAfterSeconds: number;
    };

/** How many failures of a scope lie inside the window ending now. */
const inWindow = (failures: readonly number[], now: number, rules: ThrottleRules) =>
  failures.filter((at) => at > now - rules.windowMs);

function delayFor(count: number, slowAfter: number, rules: ThrottleRules): number {
  if (count < slowAfter) return 0;
  return Math.min(rules.delay.stepMs * (count - slowAfter + 1), rules.delay.maxMs);
}

/** Refused until the `refuseAt`-th newest failure leaves the window (the count then drops below the limit). */
function refusedUntil(recent: readonly number[], refuseAt: number, rules: ThrottleRules): number | null {
  if (recent.length < refuseAt) return null;
  const sorted = [...recent].sort((a, b) => b - a);
  return sorted[refuseAt - 1] + rules.windowMs;
}

export function throttleDecision(
  failures: RecentFailures,
  now: number,
  rules: ThrottleRules = SIGN_IN_THROTTLE,
): ThrottleDecision {
  const account = inWindow(failures.account, now, rules);
  const address = inWindow(failures.address, now, rules);
  const refusals = (
    [
      ['account', refusedUntil(account, rules.account.refuseAt, rules)],
      ['address', refusedUntil(address, rules.address.refuseAt, rules)],
    ] as const
  ).filter((r): r is readonly [ThrottleScope, number] => r[1] !== null);
  if (refusals.length > 0) {
    const [scope, until] = refusals.reduce((a, b) => (b[1] > a[1] ? b : a));
    return { verdict: 'refuse', scope, until, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
  }
  const delayMs = Math.max(
    delayFor(account.length, rules.account.slowAfter, rules),
    delayFor(address.length, rules.address.slowAfter, rules),
  );
  return { verdict: 'allow', delayMs };
}
