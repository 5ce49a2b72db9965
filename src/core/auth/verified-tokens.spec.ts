import { VerifiedTokens } from './verified-tokens';

interface Claims {
  readonly sub: string;
  readonly exp?: number;
}

describe('verified tokens: a signature checked once per token, until it expires', () => {
  const start = Date.UTC(2026, 11, 2, 12);
  let now: number;
  let checks: string[];
  const verify = (valid: Record<string, Claims>) => (token: string) => {
    checks.push(token);
    return Promise.resolve(valid[token] ?? null);
  };

  beforeEach(() => {
    now = start;
    checks = [];
  });

  it('checks a valid token once and gives the same claims for its later requests', async () => {
    const tokens = new VerifiedTokens<Claims>(() => now);
    const valid = { a: { sub: 'ana', exp: start / 1000 + 60 } };
    expect(await tokens.claims('a', verify(valid))).toEqual(valid.a);
    expect(await tokens.claims('a', verify(valid))).toEqual(valid.a);
    expect(checks).toEqual(['a']);
  });

  it('checks a forged or unknown token every time: it is never kept', async () => {
    const tokens = new VerifiedTokens<Claims>(() => now);
    expect(await tokens.claims('forged', verify({}))).toBeNull();
    expect(await tokens.claims('forged', verify({}))).toBeNull();
    expect(checks).toEqual(['forged', 'forged']);
  });

  it('checks an expired token again, so that its verification refuses it', async () => {
    const tokens = new VerifiedTokens<Claims>(() => now);
    const claims = { sub: 'ana', exp: start / 1000 + 60 };
    await tokens.claims('a', verify({ a: claims }));
    now = start + 60_000;
    // At its expiry the library refuses it: the kept claims are not used.
    expect(await tokens.claims('a', verify({}))).toBeNull();
    expect(checks).toEqual(['a', 'a']);
  });

  it('keeps a bounded number, letting the oldest go first', async () => {
    const tokens = new VerifiedTokens<Claims>(() => now);
    const any = (token: string) => {
      checks.push(token);
      return Promise.resolve({ sub: token, exp: start / 1000 + 600 });
    };
    for (let i = 0; i <= 20_000; i++) await tokens.claims(`t${i}`, any);
    checks = [];
    await tokens.claims('t20000', any);
    await tokens.claims('t1', any);
    await tokens.claims('t0', any);
    expect(checks).toEqual(['t0']);
  });
});
