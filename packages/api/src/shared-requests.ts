interface Flight<T> {
  promise: Promise<T>;
  abort: AbortController;
  waiting: number;
}

/**
 * De-duplicates concurrent identical reads: callers asking for the same key while a request is
 * in flight share it. Each caller can still abort on its own; the shared request is aborted
 * only when every caller has given up.
 */
export class SharedRequests {
  readonly #flights = new Map<string, Flight<unknown>>();

  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let flight = this.#flights.get(key) as Flight<T> | undefined;
    if (!flight) {
      const abort = new AbortController();
      const promise = start(abort.signal).finally(() => {
        if (this.#flights.get(key) === created) this.#flights.delete(key);
      });
      const created: Flight<T> = { promise, abort, waiting: 0 };
      flight = created;
      this.#flights.set(key, created);
    }
    const shared = flight;
    shared.waiting += 1;
    if (!signal) return shared.promise;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        shared.waiting -= 1;
        if (shared.waiting === 0) {
          this.#flights.delete(key);
          shared.abort.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
