/**
 * Answers that are the same for every request between two imports, kept per database
 * connection (`owner`) and its data version (SQLite's `data_version`, which moves when
 * another connection commits: an import), as cachedFacetIndex keeps the facet index. A
 * new version drops every answer of the old one; within a version the last MAX_ENTRIES
 * keys used are kept. Values are shared between requests: callers must not mutate them.
 */

const MAX_ENTRIES = 64;

interface Versioned { version: number; values: Map<string, unknown> }
const caches = new WeakMap<object, Versioned>();

/** `load()`'s value for `key` at `version` of `owner`, computed only on a miss. */
export function cachedPerVersion<T>(owner: object, version: number, key: string, load: () => T): T {
  let cache = caches.get(owner);
  if (!cache || cache.version !== version) {
    cache = { version, values: new Map() };
    caches.set(owner, cache);
  }
  if (cache.values.has(key)) {
    const value = cache.values.get(key) as T;
    cache.values.delete(key);
    cache.values.set(key, value); // the last used last
    return value;
  }
  const value = load();
  cache.values.set(key, value);
  while (cache.values.size > MAX_ENTRIES) cache.values.delete(cache.values.keys().next().value!);
  return value;
}
