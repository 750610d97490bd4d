import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region for a component: `announce()` says a sentence to screen readers,
 * `region()` renders where it is read from (the host's styles need `.visually-hidden`).
 */
export class Announcer implements ReactiveController {
  #text = '';
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  announce(text: string): void {
    // Cleared first, so the same sentence twice is announced twice.
    this.#text = '';
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      this.#text = text;
      this.#host.requestUpdate();
    });
  }

  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.#text}</div>`;
  }
}
