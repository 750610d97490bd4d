import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** `idle`: nothing asked (or the input was cleared); `pending`: waiting for the quiet time; `loading`: asked; `complete` / `error`: answered. */
export type QueryStatus = 'idle' | 'pending' | 'loading' | 'complete' | 'error';

export interface DebouncedQueryOptions<Q, R> {
  /** The question as it stands when the quiet time ends; undefined when there is nothing to ask (the value clears). */
  input: () => Q | undefined;
  /** Asks it. Pass `signal` to the request: a newer question aborts it. */
  query: (input: Q, signal: AbortSignal) => Promise<R>;
  /** Quiet time after the last `schedule()` before asking, in ms. */
  delay: number;
}

/**
 * A live check while the user types (duplicates, availability, an address lookup): `schedule()`
 * on each change asks once the user pauses for `delay` ms; a new question aborts the request
 * still under way, so a late answer to an older question is never shown. `value` holds the
 * latest answer (kept through a failed check); `status` says where the check is.
 *
 * @example
 * ```ts
 * #check = new DebouncedQueryController(this, {
 *   delay: 400,
 *   input: () => (this.name.length >= 2 ? this.name : undefined),
 *   query: (name, signal) => this.client!.partners.checkName(name, { signal }),
 * });
 * ```
 */
export class DebouncedQueryController<Q, R> implements ReactiveController {
  value: R | undefined;
  status: QueryStatus = 'idle';
  error: unknown;

  readonly #host: ReactiveControllerHost;
  readonly #options: DebouncedQueryOptions<Q, R>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: DebouncedQueryOptions<Q, R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Asks after the quiet time (a later call restarts it). */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(), this.#options.delay);
    if (this.status !== 'loading') this.#set('pending');
  }

  /** Asks now, aborting any request under way. */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    const input = this.#options.input();
    if (input === undefined) {
      this.value = undefined;
      this.error = undefined;
      this.#set('idle', true);
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#set('loading');
    try {
      const value = await this.#options.query(input, abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.error = undefined;
      this.#set('complete', true);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.#set('error', true);
    }
  }

  /** Stops the timer and the request under way, and forgets the answer. */
  clear(): void {
    this.#stop();
    this.value = undefined;
    this.error = undefined;
    this.#set('idle', true);
  }

  hostDisconnected(): void {
    this.#stop();
    if (this.status === 'pending' || this.status === 'loading') this.#set('idle');
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #set(status: QueryStatus, changed = false): void {
    if (this.status === status && !changed) return;
    this.status = status;
    this.#host.requestUpdate();
  }
}
