import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerkitError } from '@partnerkit/api';
import { asPartnerkitError } from './error-message.ts';

export type ResourceStatus = 'idle' | 'loading' | 'complete' | 'error';

/**
 * Loads one resource for a component: tracks loading / complete / error, aborts the request
 * when the host disconnects or a newer load starts, and re-renders the host on every change.
 */
export class ResourceController<T> implements ReactiveController {
  status: ResourceStatus = 'idle';
  value: T | undefined;
  error: PartnerkitError | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #load: (signal: AbortSignal) => Promise<T>;
  readonly #onValue: ((value: T) => void) | undefined;
  #abort: AbortController | undefined;

  /**
   * @param onValue runs with each loaded value before the host re-renders, so the host never
   *   renders a completed load without its data (no empty-then-full flicker).
   */
  constructor(host: ReactiveControllerHost, load: (signal: AbortSignal) => Promise<T>, onValue?: (value: T) => void) {
    this.#host = host;
    this.#load = load;
    this.#onValue = onValue;
    host.addController(this);
  }

  /** Starts (or restarts) the load; earlier in-flight loads are aborted and their results dropped. */
  async run(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.status = 'loading';
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const value = await this.#load(abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.#onValue?.(value);
      this.status = 'complete';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = asPartnerkitError(error);
      this.status = 'error';
    }
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    // A reconnected host loads again rather than showing a result it never received.
    if (this.status === 'loading') this.status = 'idle';
  }
}
