import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerkitClient, PartnerkitError } from '@partnerkit/api';
import { asPartnerkitError } from './error-message.ts';

export type DataStatus = 'idle' | 'loading' | 'complete' | 'error';

interface Entry {
  value: unknown;
  fetchedAt: number;
}

/** Cached values per client (so two portals with different sessions never share data) and key. */
const caches = new WeakMap<PartnerkitClient, Map<string, Entry>>();

function cacheOf(client: PartnerkitClient): Map<string, Entry> {
  let map = caches.get(client);
  if (!map) caches.set(client, (map = new Map()));
  return map;
}

export interface DataOptions<T> {
  /** The client to load with; read at every (re)load. */
  client: () => PartnerkitClient | undefined;
  /** Identifies the data (e.g. `deals?status=approved`); undefined while the host cannot load yet. */
  key: () => string | undefined;
  load: (client: PartnerkitClient, signal: AbortSignal) => Promise<T>;
  /** How long a cached value counts as fresh; older ones are shown and revalidated. Default 30 s. */
  staleMs?: number;
  /** Time source (tests). */
  now?: () => number;
}

/**
 * Data for a component: loading / data / error / refresh with stale-while-revalidate. A cached
 * value (shared per client and key) shows at once while a fresh one loads; identical GETs are
 * shared by the client; loads abort when the host disconnects; `mutate` applies an optimistic value and rolls
 * it back when the server refuses; `offline` follows the browser and failed requests, and the
 * data revalidates when the connection returns.
 */
export class DataController<T> implements ReactiveController {
  status: DataStatus = 'idle';
  value: T | undefined;
  error: PartnerkitError | undefined;
  /** True while the browser is offline or the last load failed for want of a network. */
  offline = typeof navigator !== 'undefined' && navigator.onLine === false;

  readonly #host: ReactiveControllerHost;
  readonly #options: DataOptions<T>;
  #abort: AbortController | undefined;
  #loadedKey: string | undefined;

  constructor(host: ReactiveControllerHost, options: DataOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.status === 'loading') this.status = 'idle';
    this.#loadedKey = undefined;
  }

  /** Loads when the key changed (client, filters…) since the last load. */
  hostUpdate(): void {
    const key = this.#options.key();
    if (key !== undefined && key !== this.#loadedKey && this.#options.client()) void this.refresh();
  }

  /** Shows the cached value at once (if any) and loads unless it is still fresh. */
  async refresh({ force = false }: { force?: boolean } = {}): Promise<void> {
    const client = this.#options.client();
    const key = this.#options.key();
    if (!client || key === undefined) return;
    this.#loadedKey = key;
    const cached = cacheOf(client).get(key);
    const now = (this.#options.now ?? Date.now)();
    if (cached) {
      this.value = cached.value as T;
      this.status = 'complete';
      this.error = undefined;
      if (!force && now - cached.fetchedAt < (this.#options.staleMs ?? 30_000)) {
        this.#host.requestUpdate();
        return;
      }
    }
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (!cached) this.status = 'loading';
    this.#host.requestUpdate();
    try {
      // Identical concurrent GETs are shared by the client itself, each caller keeping its own abort.
      const value = await this.#options.load(client, abort.signal);
      cacheOf(client).set(key, { value, fetchedAt: (this.#options.now ?? Date.now)() });
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'complete';
      this.error = undefined;
      this.offline = false;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = asPartnerkitError(error);
      this.offline = this.error.kind === 'network';
      // A stale value stays on screen; the error is there for the component to mention.
      this.status = cached ? 'complete' : 'error';
    }
    this.#host.requestUpdate();
  }

  /**
   * Shows `optimistic` at once, then `commit`s: the server's answer replaces it, a failure
   * restores what was there before and rethrows.
   */
  async mutate(optimistic: T, commit: () => Promise<T>): Promise<T> {
    const client = this.#options.client();
    const key = this.#options.key();
    const before = this.value;
    this.value = optimistic;
    this.#host.requestUpdate();
    try {
      const confirmed = await commit();
      this.value = confirmed;
      if (client && key !== undefined) cacheOf(client).set(key, { value: confirmed, fetchedAt: (this.#options.now ?? Date.now)() });
      return confirmed;
    } catch (error) {
      this.value = before;
      this.error = asPartnerkitError(error);
      throw this.error;
    } finally {
      this.#host.requestUpdate();
    }
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
