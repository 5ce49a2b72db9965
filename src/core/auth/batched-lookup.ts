interface Waiting<V> {
  readonly resolve: (value: V | undefined) => void;
  readonly reject: (error: unknown) => void;
}

interface Asked<K, V> {
  readonly key: K;
  readonly waiting: Waiting<V>[];
}

/**
 * One lookup function for many callers: the keys asked for while the previous query ran (or in the same
 * turn of the event loop) are read by one call of `fetch`, and each caller gets its own row. Nothing is cached:
 * every key is read by a query that started after it was asked for, so a change committed before the request
 * came (a revoked session, a disabled user) is seen by it, on every instance.
 *
 * `fetch` gets each distinct key once and answers in the same order (undefined where nothing was found); it
 * splits the keys into as many statements as its database needs (portable-sql's inLists). `idOf` says when two
 * keys are the same (a key that is not a string, such as a pair, needs one).
 */
export function batchedLookup<K, V>(
  fetch: (keys: readonly K[]) => Promise<readonly (V | undefined)[]>,
  idOf: (key: K) => unknown = (key) => key,
): (key: K) => Promise<V | undefined> {
  let asked = new Map<unknown, Asked<K, V>>();
  let running = false;

  const flush = async (): Promise<void> => {
    if (running || asked.size === 0) return;
    running = true;
    const batch = [...asked.values()];
    asked = new Map();
    try {
      const found = await fetch(batch.map((a) => a.key));
      batch.forEach((a, i) => a.waiting.forEach((w) => w.resolve(found[i])));
    } catch (e) {
      for (const a of batch) for (const w of a.waiting) w.reject(e);
    }
    running = false;
    void flush();
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const id = idOf(key);
      const same = asked.get(id);
      if (same) return void same.waiting.push({ resolve, reject });
      asked.set(id, { key, waiting: [{ resolve, reject }] });
      if (!running && asked.size === 1) setImmediate(() => void flush());
    });
}
