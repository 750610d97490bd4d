import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerkitClient, PartnerkitError } from '@partnerkit/api';
import { asPartnerkitError } from './error-message.ts';
import { cached as cachedEntry, invalidate, store, watchTags, type TagSubscriber } from './data-cache.ts';
import { PkLoadErrorEvent, PkLoadedEvent, loadErrorKind } from './events.ts';

export { invalidate } from './data-cache.ts';

export type DataStatus = 'idle' | 'loading' | 'complete' | 'error';

/** Where "Load more" stands: `error` when the last next page failed (the error is in `error`). */
export type MoreStatus = 'idle' | 'loading' | 'error';

/** How a cursor-paged value grows. */
export interface PageOptions<T> {
  /** The cursor of the page after `value`; null after the last page. */
  next: (value: T) => string | null;
  /** `loaded` with `page` appended. */
  append: (loaded: T, page: T) => T;
}

/** Paging for the API's `{ data, nextCursor }` pages. */
export function cursorPages<T extends { data: readonly unknown[]; nextCursor: string | null }>(): PageOptions<T> {
  return { next: (value) => value.nextCursor, append: (loaded, page) => ({ ...page, data: [...loaded.data, ...page.data] }) };
}

export interface DataOptions<T> {
  /** The client to load with; read at every (re)load. */
  client: () => PartnerkitClient | undefined;
  /** Identifies the data (e.g. `deals?status=approved`); undefined while the host cannot load yet. */
  key: () => string | undefined;
  /** Loads the value, or with `cursor` the page after it (see `pages`). */
  load: (client: PartnerkitClient, signal: AbortSignal, cursor?: string) => Promise<T>;
  /** How long a cached value counts as fresh; older ones are shown and revalidated. Default 30 s. */
  staleMs?: number;
  /** Time source (tests). */
  now?: () => number;
  /** What the data is about (`['deals', 'deal:…']`): invalidating one of them revalidates it. */
  tags?: () => readonly string[];
  /** Makes the value cursor-paged: `loadMore()` appends the next page. */
  pages?: PageOptions<T>;
  /** Whether a value has nothing to show; by default an empty array or an empty `data` array. */
  isEmpty?: (value: T) => boolean;
}

/** Options of `mutate`. */
export interface MutateOptions {
  /** Tags the change touches: other components showing data under them revalidate. */
  invalidates?: readonly string[];
}

function emptyByShape(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  const data = (value as { data?: unknown } | null | undefined)?.data;
  return Array.isArray(data) && data.length === 0;
}

/**
 * A component's data, keyed: loading / data / error with stale-while-revalidate. A cached value
 * (shared per client and key) shows at once while a fresh one loads; a newer load aborts the
 * one it replaces, so a stale answer never lands; loads abort when the host disconnects.
 * `loadMore` appends cursor pages; `mutate` applies an optimistic value, rolls it back when the
 * server refuses, and invalidates tags so other components showing the same data revalidate.
 * `offline` follows the browser and failed requests, and the data revalidates when the
 * connection returns. The host fires `pk-loaded` when data is on screen and `pk-load-error`
 * (with the kind of failure) when a load fails.
 */
export class DataController<T> implements ReactiveController {
  /** `loading` until the first value (or failure) for the key; `complete` while a value shows, also during a revalidation. */
  status: DataStatus = 'idle';
  /** The value on screen: cached, loaded, with pages appended, or optimistic during `mutate`. */
  value: T | undefined;
  /** Why the last load failed; cleared by the next success. With `status: 'complete'` the older value still shows. */
  error: PartnerkitError | undefined;
  /** True while the browser is offline or the last load failed for want of a network. */
  offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  /** Where loading the next page stands. */
  moreStatus: MoreStatus = 'idle';

  readonly #host: ReactiveControllerHost;
  readonly #options: DataOptions<T>;
  #abort: AbortController | undefined;
  #loadedKey: string | undefined;
  #loadedClient: PartnerkitClient | undefined;
  /** Pages in `value`: a revalidation reloads as many, so the list does not shrink under the user. */
  #pages = 0;
  #refreshing = false;
  #unwatch: (() => void) | undefined;
  readonly #subscriber: TagSubscriber;

  /** @param host the component; when it is an element, it fires `pk-loaded` and `pk-load-error`. */
  constructor(host: ReactiveControllerHost, options: DataOptions<T>) {
    this.#host = host;
    this.#options = options;
    const tags = () => this.#tags();
    this.#subscriber = {
      get tags() {
        return tags();
      },
      revalidate: () => void this.refresh({ force: true }),
    };
    host.addController(this);
  }

  /** Whether the value has nothing to show. */
  get empty(): boolean {
    return this.value !== undefined && (this.#options.isEmpty ?? emptyByShape)(this.value);
  }

  /** Whether a next page exists (`pages` only). */
  get hasMore(): boolean {
    return this.value !== undefined && this.#options.pages !== undefined && this.#options.pages.next(this.value) !== null;
  }

  /** A load or revalidation is in flight: what is shown may be replaced. */
  get refreshing(): boolean {
    return this.#refreshing;
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    // Moved in the DOM (or swapped back in): the next update loads again.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#refreshing = false;
    if (this.status === 'loading') this.status = 'idle';
    if (this.moreStatus === 'loading') this.moreStatus = 'idle';
    // A reconnected host loads again (from the cache when that is fresh).
    this.#loadedKey = undefined;
    this.#loadedClient = undefined;
  }

  /** Loads when the key or the client changed since the last load. */
  hostUpdate(): void {
    const key = this.#options.key();
    const client = this.#options.client();
    if (key !== undefined && client && (key !== this.#loadedKey || client !== this.#loadedClient)) void this.refresh();
  }

  /**
   * Shows the cached value at once (if any) and loads unless it is still fresh; `force` loads
   * anyway. A paged value reloads as many pages as it shows.
   */
  async refresh({ force = false }: { force?: boolean } = {}): Promise<void> {
    const client = this.#options.client();
    const key = this.#options.key();
    if (!client || key === undefined) return;
    this.#watch(client);
    const switched = key !== this.#loadedKey || client !== this.#loadedClient;
    this.#loadedKey = key;
    this.#loadedClient = client;
    this.#abort?.abort();
    this.#abort = undefined;
    this.moreStatus = 'idle';
    const paged = this.#options.pages;
    const cached = cachedEntry(client, key);
    // A paged value's cache holds its first page: adopt it only when switching to the key.
    if (cached && (switched || !paged || this.value === undefined)) {
      this.value = cached.value as T;
      this.#pages = 1;
      this.status = 'complete';
      this.error = undefined;
    } else if (switched) {
      this.value = undefined;
      this.#pages = 0;
    }
    if (cached && !force && this.#now() - cached.fetchedAt < (this.#options.staleMs ?? 30_000)) {
      this.#refreshing = false;
      this.#host.requestUpdate();
      this.#announceLoaded(key);
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#refreshing = true;
    if (this.value === undefined) this.status = 'loading';
    this.#host.requestUpdate();
    const wanted = this.#pages;
    try {
      const first: T = await this.#options.load(client, abort.signal);
      let value = first;
      let pages = 1;
      for (let cursor = paged?.next(value) ?? null; paged && cursor !== null && pages < wanted; cursor = paged.next(value)) {
        value = paged.append(value, await this.#options.load(client, abort.signal, cursor));
        pages += 1;
      }
      // An answer to an aborted load is stale: neither cached nor shown.
      if (abort.signal.aborted) return;
      store(client, key, { value: first, fetchedAt: this.#now(), tags: this.#tags() });
      this.value = value;
      this.#pages = pages;
      this.status = 'complete';
      this.error = undefined;
      this.offline = false;
      this.#refreshing = false;
      this.#host.requestUpdate();
      this.#announceLoaded(key);
    } catch (error) {
      if (abort.signal.aborted) return;
      // A value already on screen stays; the error is there for the component to mention.
      this.status = this.value === undefined ? 'error' : 'complete';
      this.#refreshing = false;
      this.#fail(key, error);
    }
  }

  /** Appends the next page (`pages` only); a refresh meanwhile aborts it. */
  async loadMore(): Promise<void> {
    const paged = this.#options.pages;
    const client = this.#loadedClient;
    const key = this.#loadedKey;
    const loaded = this.value;
    if (!paged || !client || key === undefined || loaded === undefined || this.#refreshing || this.moreStatus === 'loading') return;
    const cursor = paged.next(loaded);
    if (cursor === null) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.moreStatus = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await this.#options.load(client, abort.signal, cursor);
      if (abort.signal.aborted) return;
      this.value = paged.append(loaded, page);
      this.#pages += 1;
      this.moreStatus = 'idle';
      this.error = undefined;
      this.offline = false;
      this.#host.requestUpdate();
      this.#announceLoaded(key);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.moreStatus = 'error';
      this.#fail(key, error);
    }
  }

  /**
   * Shows `optimistic` at once, then `commit`s: the server's answer replaces it (and the tags
   * in `invalidates` revalidate elsewhere), a failure restores what was there before and rethrows.
   */
  async mutate(optimistic: T, commit: () => Promise<T>, { invalidates = [] }: MutateOptions = {}): Promise<T> {
    const client = this.#options.client();
    const key = this.#options.key();
    const before = this.value;
    const statusBefore = this.status;
    // A load in flight would answer with the data as it was before the change.
    this.#abort?.abort();
    this.#refreshing = false;
    this.value = optimistic;
    this.status = 'complete';
    this.#host.requestUpdate();
    try {
      const confirmed = await commit();
      this.value = confirmed;
      this.error = undefined;
      if (client) {
        invalidate(client, invalidates, { except: this.#subscriber });
        if (key !== undefined && !this.#options.pages) store(client, key, { value: confirmed, fetchedAt: this.#now(), tags: this.#tags() });
      }
      return confirmed;
    } catch (error) {
      // The refusal is the caller's to report (it rethrows); the data itself did not fail to load.
      this.value = before;
      this.status = statusBefore;
      throw asPartnerkitError(error);
    } finally {
      this.#host.requestUpdate();
    }
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #tags(): readonly string[] {
    return this.#options.tags?.() ?? [];
  }

  #watch(client: PartnerkitClient): void {
    if (this.#loadedClient === client && this.#unwatch) return;
    this.#unwatch?.();
    this.#unwatch = watchTags(client, this.#subscriber);
  }

  /** Records a failed load, renders it and tells the host. */
  #fail(key: string, thrown: unknown): void {
    const error = asPartnerkitError(thrown);
    this.error = error;
    this.offline = error.kind === 'network';
    this.#host.requestUpdate();
    void this.#announce(new PkLoadErrorEvent({ key, kind: loadErrorKind(error), status: error.status, error }));
  }

  #announceLoaded(key: string): void {
    void this.#announce(new PkLoadedEvent({ key, empty: this.empty }));
  }

  /** Fires from the host once what the event reports is rendered (call after `requestUpdate`). */
  async #announce(event: Event): Promise<void> {
    const host = this.#host;
    await host.updateComplete;
    if (host instanceof Element && host.isConnected) host.dispatchEvent(event);
  }

  readonly #onOnline = () => {
    this.offline = false;
    this.#host.requestUpdate();
    void this.refresh({ force: true });
  };

  readonly #onOffline = () => {
    this.offline = true;
    this.#host.requestUpdate();
  };
}
