import { SIGN_IN_THROTTLE, throttleDecision } from './sign-in-throttle';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const MINUTE = 60_000;
/** `count` failures, one a second, the newest `ageMs` ago. */
const failures = (count: number, ageMs = 0) => Array.from({ length: count }, (_, i) => NOW - ageMs - i * 1000);

describe('sign-in throttling', () => {
  it('lets the first failures of an account through at once', () => {
    for (const count of [0, 1, 4]) {
      expect(throttleDecision({ account: failures(count), address: failures(count) }, NOW)).toEqual({
        verdict: 'allow',
        delayMs: 0,
      });
    }
  });

  it('slows an account down from its 5th failure, a little more each time, up to the ceiling', () => {
    const delays = [5, 6, 7, 8, 9].map((n) => throttleDecision({ account: failures(n), address: [] }, NOW));
    expect(delays.map((d) => (d.verdict === 'allow' ? d.delayMs : null))).toEqual([200, 400, 600, 800, 1000]);
    const rules = { ...SIGN_IN_THROTTLE, account: { slowAfter: 5, refuseAt: 100 } };
    expect(throttleDecision({ account: failures(60), address: [] }, NOW, rules)).toEqual({
      verdict: 'allow',
      delayMs: 2000,
    });
  });

  it('refuses an account from its 10th failure until the 10th newest is 15 minutes old', () => {
    const recent = failures(10, 2 * MINUTE);
    const decision = throttleDecision({ account: recent, address: [] }, NOW);
    const until = recent[9] + 15 * MINUTE;
    expect(decision).toEqual({
      verdict: 'refuse',
      scope: 'account',
      until,
      retryAfterSeconds: Math.ceil((until - NOW) / 1000),
    });
    expect(throttleDecision({ account: recent, address: [] }, until)).toMatchObject({ verdict: 'allow' });
  });

  it('forgets failures older than the window', () => {
    expect(throttleDecision({ account: failures(10, 16 * MINUTE), address: [] }, NOW)).toEqual({
      verdict: 'allow',
      delayMs: 0,
    });
    expect(throttleDecision({ account: [...failures(4), ...failures(6, 20 * MINUTE)], address: [] }, NOW)).toEqual({
      verdict: 'allow',
      delayMs: 0,
    });
  });

  it('allows an address more failures than an account, then slows and refuses it too', () => {
    expect(throttleDecision({ account: [], address: failures(39) }, NOW)).toEqual({ verdict: 'allow', delayMs: 0 });
    expect(throttleDecision({ account: [], address: failures(40) }, NOW)).toEqual({ verdict: 'allow', delayMs: 200 });
    expect(throttleDecision({ account: failures(2), address: failures(50) }, NOW)).toMatchObject({
      verdict: 'refuse',
      scope: 'address',
    });
  });

  it('waits for the later of two refusals, and asks for at least a second', () => {
    const account = failures(10, 14 * MINUTE);
    const address = failures(50, MINUTE);
    expect(throttleDecision({ account, address }, NOW)).toMatchObject({ verdict: 'refuse', scope: 'address' });
    const almost = failures(10, 15 * MINUTE - 9_500);
    expect(throttleDecision({ account: almost, address: [] }, NOW)).toMatchObject({ retryAfterSeconds: 1 });
  });
});
