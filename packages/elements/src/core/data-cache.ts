// What the data controllers share per client: the cached values and who shows data under which
// tags. Per client, so two portals with different sessions never share data or invalidations.
import type { PartnerkitClient } from '@partnerkit/api';

/** A value as last loaded for a key, with the tags it was loaded under. */
export interface CacheEntry {
  value: unknown;
  fetchedAt: number;
  tags: readonly string[];
}

/** A mounted component's data, revalidated when one of its tags is invalidated. */
export interface TagSubscriber {
  readonly tags: readonly string[];
  revalidate(): void;
}

interface ClientData {
  cache: Map<string, CacheEntry>;
  subscribers: Set<TagSubscriber>;
}

const byClient = new WeakMap<PartnerkitClient, ClientData>();

function dataOf(client: PartnerkitClient): ClientData {
  let data = byClient.get(client);
  if (!data) byClient.set(client, (data = { cache: new Map(), subscribers: new Set() }));
  return data;
}

/** Keys kept per client; the least recently stored go first (every search typed is a key). */
export const CACHE_LIMIT = 100;

/** The cached value of `key`, if any. */
export function cached(client: PartnerkitClient, key: string): CacheEntry | undefined {
  return dataOf(client).cache.get(key);
}

/** Stores what was loaded (or confirmed) for `key`. */
export function store(client: PartnerkitClient, key: string, entry: CacheEntry): void {
  const { cache } = dataOf(client);
  cache.delete(key);
  cache.set(key, entry);
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHE_LIMIT) break;
    cache.delete(oldest);
  }
}

/** Registers mounted data under a client's tags; returns the function that unregisters it. */
export function watchTags(client: PartnerkitClient, subscriber: TagSubscriber): () => void {
  const { subscribers } = dataOf(client);
  subscribers.add(subscriber);
  return () => subscribers.delete(subscriber);
}

const overlaps = (own: readonly string[], wanted: ReadonlySet<string>) => own.some((tag) => wanted.has(tag));

/**
 * Says that data under `tags` (e.g. `['deals', 'deal:…']`) changed on the server: cached values
 * carrying one of them count as stale, and every mounted component showing one revalidates.
 * Components call it through `DataController.mutate(…, { invalidates })`; a host page may call
 * it after a change it made itself.
 *
 * @param except data that already shows the change (the component that made it).
 */
export function invalidate(client: PartnerkitClient, tags: readonly string[], { except }: { except?: TagSubscriber } = {}): void {
  if (!tags.length) return;
  const wanted = new Set(tags);
  const { cache, subscribers } = dataOf(client);
  for (const entry of cache.values()) if (overlaps(entry.tags, wanted)) entry.fetchedAt = Number.NEGATIVE_INFINITY;
  // A copy: a revalidation may (un)register subscribers while this runs.
  for (const subscriber of [...subscribers]) if (subscriber !== except && overlaps(subscriber.tags, wanted)) subscriber.revalidate();
}
