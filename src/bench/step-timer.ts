/**
 * Where a benchmark's time goes: wraps named methods of live service instances so that each call's duration
 * is added to its step (calls of concurrent workers overlap, so the steps add up to more than the wall time).
 */
export class StepTimer {
  private readonly steps = new Map<string, { calls: number; ms: number }>();
  private readonly restore: (() => void)[] = [];

  /** Times `methods` of `instance` (its own or its prototype's) under `label.method`. */
  wrap<T extends object>(label: string, instance: T, methods: readonly string[]): void {
    const target = instance as Record<string, unknown>;
    for (const method of methods) {
      const original = target[method];
      if (typeof original !== 'function') throw new Error(`${label} has no method ${method}`);
      const own = Object.prototype.hasOwnProperty.call(target, method);
      const add = this.add.bind(this, `${label}.${method}`);
      target[method] = function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        const result: unknown = (original as (...a: unknown[]) => unknown).apply(this, args);
        if (result instanceof Promise) return result.finally(() => add(performance.now() - t0));
        add(performance.now() - t0);
        return result;
      };
      this.restore.push(() => (own ? (target[method] = original) : delete target[method]));
    }
  }

  /** The steps, longest first, and the methods put back as they were. */
  report(): Record<string, { calls: number; 'total ms': string; 'ms per call': string }> {
    for (const undo of this.restore.splice(0)) undo();
    const rows = [...this.steps.entries()].sort((a, b) => b[1].ms - a[1].ms);
    return Object.fromEntries(
      rows.map(([name, { calls, ms }]) => [
        name,
        { calls, 'total ms': ms.toFixed(0), 'ms per call': (ms / calls).toFixed(1) },
      ]),
    );
  }

  private add(name: string, ms: number): void {
    const step = this.steps.get(name) ?? { calls: 0, ms: 0 };
    step.calls += 1;
    step.ms += ms;
    this.steps.set(name, step);
  }
}
