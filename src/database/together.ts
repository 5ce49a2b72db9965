/**
 * Work started at once and waited for together: a transaction's independent statements on its one connection,
 * or the file writes of an upload. Every one has ended before the first failure is thrown, so that nothing is
 * still running when the caller cleans up (a transaction rolling back, written files being removed).
 */
export async function together<T extends unknown[]>(...work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
}
