/**
 * A record keyed by group slug, rebuilt in the groups' programme order (`slugsInOrder`), slugs the programme
 * does not know last, by name. JSON objects read back from PostgreSQL's jsonb come with their keys sorted (by
 * length, then bytes), so the order in which a record was written is not something to rely on.
 */
export function inGroupOrder<T>(
  bySlug: Readonly<Record<string, T>>,
  slugsInOrder: readonly string[],
): Record<string, T> {
  const known = slugsInOrder.filter((slug) => Object.hasOwn(bySlug, slug));
  const others = Object.keys(bySlug)
    .filter((slug) => !slugsInOrder.includes(slug))
    .sort();
  return Object.fromEntries([...known, ...others].map((slug) => [slug, bySlug[slug]]));
}
