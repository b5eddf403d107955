// Per-owner caches of lookups a query would otherwise send to the database each time: the
// English lexemes of a word (Postgres's stemmer: the same answer for as long as the database
// lives) and a misspelling's correction (depends on the knowledge base's vocabulary: cached on
// the Vocabulary object, which vocabulary.ts replaces when chunks are added or removed, so an
// ingest invalidates it). Bounded: a full cache starts over rather than grow without limit.

const MAX_ENTRIES = 50_000;

const caches = new WeakMap<object, Map<string, Map<string, unknown>>>();

/** The cache called `name` belonging to `owner` (a database handle, a vocabulary); dropped with it. */
export function cacheOf<V>(owner: object, name: string): Map<string, V> {
  let byName = caches.get(owner);
  if (!byName) caches.set(owner, (byName = new Map()));
  let cache = byName.get(name);
  if (!cache) byName.set(name, (cache = new Map()));
  return cache as Map<string, V>;
}

/**
 * The values of `keys`: cached ones from `cache`, the others from ONE call of `fetch` (which
 * returns a value for each key it was given; a key it leaves out is not cached), then cached.
 */
export async function lookUpThrough<V>(
  cache: Map<string, V>,
  keys: readonly string[],
  fetch: (missing: string[]) => Promise<Map<string, V>>,
): Promise<Map<string, V>> {
  const out = new Map<string, V>();
  const missing: string[] = [];
  for (const k of keys) {
    if (cache.has(k)) out.set(k, cache.get(k)!);
    else missing.push(k);
  }
  if (missing.length === 0) return out;
  const fetched = await fetch(missing);
  if (cache.size + fetched.size > MAX_ENTRIES) cache.clear();
  for (const [k, v] of fetched) {
    cache.set(k, v);
    out.set(k, v);
  }
  return out;
}
