import { batchedLookup } from './batched-lookup';

describe('batchedLookup', () => {
  it('answers the keys asked for together with one query, each caller its own row', async () => {
    const queries: string[][] = [];
    const lookup = batchedLookup<string, number>(async (keys) => {
      queries.push([...keys]);
      return keys.map((k) => (k === 'missing' ? undefined : k.length));
    });
    const found = await Promise.all([lookup('a'), lookup('bb'), lookup('a'), lookup('missing')]);
    expect(found).toEqual([1, 2, 1, undefined]);
    expect(queries).toEqual([['a', 'bb', 'missing']]);
  });

  it('reads a key asked for while a query runs with a later query, never the one already running', async () => {
    let value = 'before';
    let release!: () => void;
    const queries: string[][] = [];
    const lookup = batchedLookup<string, string>(async (keys) => {
      queries.push([...keys]);
      const seen = value;
      if (queries.length === 1) await new Promise<void>((r) => (release = r));
      return keys.map(() => seen);
    });
    const first = lookup('session');
    await new Promise((r) => setImmediate(r));
    value = 'revoked';
    const second = lookup('session');
    release();
    expect(await first).toBe('before');
    expect(await second).toBe('revoked');
    expect(queries).toEqual([['session'], ['session']]);
  });

  it('fails every caller of a failed query, and the next query runs', async () => {
    let fail = true;
    const lookup = batchedLookup<string, number>(async (keys) => {
      if (fail) throw new Error('database gone');
      return keys.map(() => 1);
    });
    await expect(Promise.all([lookup('a'), lookup('b')])).rejects.toThrow('database gone');
    fail = false;
    expect(await lookup('a')).toBe(1);
  });

  it('keys that are not strings are the same when their ids are, and only then', async () => {
    const queries: [string, string][][] = [];
    const lookup = batchedLookup<[string, string], string>(
      async (keys) => {
        queries.push(keys.map((k) => [...k] as [string, string]));
        return keys.map(([user, session]) => `${user}/${session}`);
      },
      ([user, session]) => JSON.stringify([user, session]),
    );
    const found = await Promise.all([lookup(['a b', 'c']), lookup(['a', 'b c']), lookup(['a b', 'c'])]);
    expect(found).toEqual(['a b/c', 'a/b c', 'a b/c']);
    expect(queries).toEqual([
      [
        ['a b', 'c'],
        ['a', 'b c'],
      ],
    ]);
  });
});
