import { inChunks } from '../../database/portable-sql';

interface Waiting<V> {
  readonly resolve: (value: V | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One lookup function for many callers: the keys asked for while the previous query ran (or in the same
 * turn of the event loop) are read by one query, and each caller gets its own row. Nothing is cached: every
 * key is read by a query that started after it was asked for, so a change committed before the request came
 * (a revoked session, a disabled user) is seen by it, on every instance.
 */
export function batchedLookup<K, V>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): (key: K) => Promise<V | undefined> {
  let asked = new Map<K, Waiting<V>[]>();
  let running = false;

  const runOne = async (keys: K[], waiting: Map<K, Waiting<V>[]>): Promise<void> => {
    try {
      const found = await fetch(keys);
      for (const key of keys) for (const w of waiting.get(key)!) w.resolve(found.get(key));
    } catch (e) {
      for (const key of keys) for (const w of waiting.get(key)!) w.reject(e);
    }
  };

  const flush = async (): Promise<void> => {
    if (running || asked.size === 0) return;
    running = true;
    const waiting = asked;
    asked = new Map();
    await Promise.all(inChunks([...waiting.keys()]).map((part) => runOne(part, waiting)));
    running = false;
    void flush();
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const list = asked.get(key);
      if (list) list.push({ resolve, reject });
      else asked.set(key, [{ resolve, reject }]);
      if (!running && asked.size === 1 && !list) setImmediate(() => void flush());
    });
}
