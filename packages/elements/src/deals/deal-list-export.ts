// The deal list's CSV export: through the client (never `fetch`), saved through an object URL.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ExportDealsQuery, PartnerkitClient, PartnerkitError } from '@partnerkit/api';
import { asPartnerkitError } from '../core/error-message.ts';

/** Downloads the deals of a filter as CSV and keeps how that went for the host to render. */
export class DealListExport implements ReactiveController {
  busy = false;
  error: PartnerkitError | undefined;

  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.busy = false;
  }

  /** Exports `query` and saves it as `fileName`; a second call while one runs does nothing. */
  async run(client: PartnerkitClient, query: ExportDealsQuery, fileName: string): Promise<void> {
    if (this.busy) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.busy = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const blob = await client.deals.export(query, { signal: abort.signal });
      if (!abort.signal.aborted) this.#save(blob, fileName);
    } catch (error) {
      if (!abort.signal.aborted) this.error = asPartnerkitError(error);
    } finally {
      if (this.#abort === abort) this.busy = false;
      this.#host.requestUpdate();
    }
  }

  /** An object URL and a hidden link: no script, so a strict CSP allows it. */
  #save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.#host.renderRoot.append(link);
    link.click();
    link.remove();
    // The download has its own reference to the file by now; a little later for slower browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
