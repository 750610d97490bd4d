import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { token } from '../core/theme/tokens.ts';
import { LocalizedElement, closeButtonStyles, closeIcon, deepActiveElement, toTone, toneIcon, toneStyles, visuallyHidden, type Tone } from './display-shared.ts';
import { alertBoxStyles } from './pk-alert.ts';
import { PkToastDismissEvent, type ToastDismissReason } from './events.ts';

export interface ToastOptions {
  /** `neutral` (default), `info`, `success`, `warning` or `danger`; all but neutral are named for screen readers ("Error: …"). */
  variant?: Tone;
  /** Milliseconds until it goes away; 0 keeps it until dismissed. Defaults to the region's `timeout`, and to 0 for `danger`. */
  timeout?: number;
}

export type { ToastDismissReason } from './events.ts';

interface Toast {
  id: string;
  message: string;
  tone: Tone;
  /** Milliseconds left while paused or before the timer starts; Infinity when it stays. */
  remaining: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Announcement {
  id: number;
  message: string;
  tone: Tone;
}

let nextToast = 0;
let nextAnnouncement = 0;

/** Delay before a message enters the live region, so screen readers see the region first. */
const ANNOUNCE_DELAY_MS = 100;
/** How long an announcement stays in the live region (it is only ever read, never shown). */
const ANNOUNCEMENT_LIFETIME_MS = 10_000;

/**
 * Short, non-modal messages ("Deal registered") in a corner of the viewport. Place one region
 * per page (inside the portal) and call `show(message, { variant, timeout })`.
 * Every message is announced through a polite live region. Toasts close themselves after
 * `timeout` ms (errors stay until dismissed); the countdown pauses while the pointer is over
 * the region or focus is in it, so there is time to read and act. Toasts are reachable by
 * keyboard: Tab reaches their close buttons (the region follows its place in the page), the
 * hotkey (F8) jumps to the newest toast, Escape dismisses the focused toast, and focus goes
 * back where it was when the last toast closes. A modal `<pk-dialog>` makes the page inert,
 * toasts included: show toasts after it closes.
 *
 * @tag pk-toast-region
 * @summary Stack of toasts with a polite live region, pause on hover/focus and keyboard access.
 * @csspart region - The landmark holding the toasts.
 * @csspart list - The list of toasts.
 * @csspart toast - One toast.
 * @csspart message - A toast's text.
 * @csspart close - A toast's dismiss button.
 * @cssprop --pk-toast-width - Width of toasts; defaults to 24rem (never wider than the viewport).
 * @cssprop --pk-toast-offset - Distance from the viewport's edges; defaults to `--pk-space-4`.
 * @cssprop --pk-toast-z-index - Stacking order over the page; defaults to 1000.
 * @fires pk-toast-dismiss - A toast went away; `detail` has `id` and `reason` (`timeout`, `close-button`, `escape` or `api`).
 */
export class PkToastRegion extends LocalizedElement {
  static override styles = [
    toneStyles,
    closeButtonStyles,
    visuallyHidden,
    alertBoxStyles,
    css`
      :host {
        display: contents;
      }
      [part='region'] {
        position: fixed;
        z-index: var(--pk-toast-z-index, 1000);
        inset-block-end: var(--pk-toast-offset, ${token('space-4')});
        inset-inline-end: var(--pk-toast-offset, ${token('space-4')});
        inline-size: min(var(--pk-toast-width, 24rem), calc(100vw - 2 * var(--pk-toast-offset, ${token('space-4')})));
      }
      [part='region']:focus-visible {
        outline: ${token('focus-ring-width')} solid ${token('color-focus')};
        outline-offset: 2px;
      }
      [part='list'] {
        display: flex;
        flex-direction: column;
        gap: ${token('space-2')};
        margin: 0;
        padding: 0;
        list-style: none;
      }
      [part~='toast'] {
        box-shadow: ${token('shadow-2')};
        opacity: 1;
        transform: none;
        transition:
          opacity 0.2s ease-out,
          transform 0.2s ease-out;
      }
      [part~='toast']:focus-visible {
        outline: ${token('focus-ring-width')} solid ${token('color-focus')};
        outline-offset: 2px;
      }
      @starting-style {
        [part~='toast'] {
          opacity: 0;
          transform: translateY(0.5rem);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        [part~='toast'] {
          transition: none;
        }
      }
    `,
  ];

  /** Default lifetime of a toast in milliseconds (0: until dismissed). */
  @property({ type: Number }) timeout = 6000;

  /** The key that moves focus to the newest toast (`KeyboardEvent.key`); empty for none. */
  @property() hotkey = 'F8';

  @state() private toasts: Toast[] = [];
  @state() private announcements: Announcement[] = [];

  #hovered = false;
  #focused = false;
  /** Where focus was before it entered the region, to return it there. */
  #returnFocus: HTMLElement | null = null;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  /** Shows a toast and announces it; returns its id (for `dismiss`). */
  show(message: string, options: ToastOptions = {}): string {
    const tone = toTone(options.variant, 'neutral');
    const timeout = options.timeout ?? (tone === 'danger' ? 0 : this.timeout);
    const toast: Toast = {
      id: `pk-toast-${(nextToast += 1)}`,
      message,
      tone,
      remaining: timeout > 0 ? timeout : Infinity,
      startedAt: 0,
      timer: undefined,
    };
    this.toasts = [...this.toasts, toast];
    if (!this.#paused) this.#start(toast);
    this.#announce(message, tone);
    return toast.id;
  }

  /** "Error: " before the message, in the user's language; nothing for neutral toasts. */
  #prefix(tone: Tone): string {
    return tone === 'neutral' || !this.l10n ? '' : `${this.ui('variantPrefix', { variant: this.ui(`variant.${tone}`) })} `;
  }

  /** Removes a toast now. */
  dismiss(id: string): void {
    this.#remove(id, 'api');
  }

  /** Whether the countdowns are paused (pointer over the region or focus in it). */
  get #paused(): boolean {
    return this.#hovered || this.#focused;
  }

  #later(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      callback();
    }, ms);
    this.#timers.add(timer);
    return timer;
  }

  #start(toast: Toast): void {
    if (!Number.isFinite(toast.remaining) || toast.timer) return;
    toast.startedAt = performance.now();
    toast.timer = this.#later(() => this.#remove(toast.id, 'timeout'), toast.remaining);
  }

  #pause(toast: Toast): void {
    if (!toast.timer) return;
    clearTimeout(toast.timer);
    this.#timers.delete(toast.timer);
    toast.timer = undefined;
    toast.remaining = Math.max(0, toast.remaining - (performance.now() - toast.startedAt));
  }

  #updatePause(): void {
    for (const toast of this.toasts) {
      if (this.#paused) this.#pause(toast);
      else this.#start(toast);
    }
  }

  #announce(message: string, tone: Tone): void {
    this.#later(() => {
      const announcement = { id: (nextAnnouncement += 1), message, tone };
      this.announcements = [...this.announcements, announcement];
      this.#later(() => (this.announcements = this.announcements.filter((a) => a !== announcement)), ANNOUNCEMENT_LIFETIME_MS);
    }, ANNOUNCE_DELAY_MS);
  }

  #remove(id: string, reason: ToastDismissReason): void {
    const index = this.toasts.findIndex((toast) => toast.id === id);
    if (index < 0) return;
    const toast = this.toasts[index]!;
    this.#pause(toast);
    // Keep keyboard users in the stack: on to the neighbour, or back where they came from.
    // Focus moves before the toast leaves the DOM, so focus never drops to the document.
    const element = this.renderRoot.querySelector(`[data-id="${id}"]`);
    const hadFocus = this.#focused && Boolean(element?.contains(deepActiveElement(this.renderRoot as ShadowRoot)));
    const rest = this.toasts.filter((t) => t !== toast);
    if (hadFocus) {
      const neighbour = rest[Math.min(index, rest.length - 1)];
      const next = neighbour && this.renderRoot.querySelector<HTMLElement>(`[data-id="${neighbour.id}"] [part="close"]`);
      if (next) {
        next.focus();
      } else {
        const target = this.#returnFocus;
        this.#returnFocus = null;
        if (target?.isConnected) target.focus();
        else (element as HTMLElement | null)?.blur();
      }
    }
    this.toasts = rest;
    this.dispatchEvent(new PkToastDismissEvent({ id, reason }));
  }

  readonly #onDocumentKeydown = (event: KeyboardEvent) => {
    if (!this.hotkey || event.key !== this.hotkey || event.defaultPrevented || this.toasts.length === 0) return;
    const newest = this.toasts[this.toasts.length - 1]!;
    const element = this.renderRoot.querySelector<HTMLElement>(`[data-id="${newest.id}"]`);
    if (!element) return;
    event.preventDefault();
    const active = deepActiveElement();
    if (!this.#focused && active instanceof HTMLElement && active !== document.body) this.#returnFocus = active;
    element.focus();
  };

  readonly #onFocusIn = (event: FocusEvent) => {
    if (!this.#focused) {
      const from = event.relatedTarget;
      // Coming from the page (Tab or the hotkey): remember where, to return there.
      if (from instanceof HTMLElement && !this.renderRoot.contains(from)) this.#returnFocus ??= from;
    }
    this.#focused = true;
    this.#updatePause();
  };

  readonly #onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (to instanceof Node && this.renderRoot.contains(to)) return;
    this.#focused = false;
    this.#returnFocus = null;
    this.#updatePause();
  };

  readonly #onPointerEnter = () => {
    this.#hovered = true;
    this.#updatePause();
  };

  readonly #onPointerLeave = () => {
    this.#hovered = false;
    this.#updatePause();
  };

  #onToastKeydown(event: KeyboardEvent, toast: Toast): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#remove(toast.id, 'escape');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onDocumentKeydown);
    // Remounted: restart the countdowns that disconnecting stopped.
    this.#updatePause();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    for (const toast of this.toasts) this.#pause(toast);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  protected override render() {
    const empty = this.toasts.length === 0;
    return html`
      <section
        part="region"
        aria-label=${this.ui('toast.region') || nothing}
        aria-keyshortcuts=${this.hotkey || nothing}
        ?hidden=${empty}
        @focusin=${this.#onFocusIn}
        @focusout=${this.#onFocusOut}
        @pointerenter=${this.#onPointerEnter}
        @pointerleave=${this.#onPointerLeave}
      >
        <ol part="list">
          ${repeat(
            this.toasts,
            (toast) => toast.id,
            (toast) => html`<li
              part="toast toast-${toast.tone}"
              class="box tone-${toast.tone}"
              data-id=${toast.id}
              tabindex="-1"
              @keydown=${(event: KeyboardEvent) => this.#onToastKeydown(event, toast)}
            >
              ${toneIcon(toast.tone)}
              <div class="content" part="message">
                ${toast.tone === 'neutral' || !this.l10n ? nothing : html`<span class="visually-hidden">${this.#prefix(toast.tone)}</span>`}
                ${toast.message}
              </div>
              ${this.l10n
                ? html`<button part="close" class="close" type="button" aria-label=${this.ui('toast.dismiss')} @click=${() => this.#remove(toast.id, 'close-button')}>
                    ${closeIcon}
                  </button>`
                : nothing}
            </li>`,
          )}
        </ol>
      </section>
      <div class="visually-hidden" part="announcer" role="status" aria-live="polite" aria-relevant="additions">
        ${repeat(
          this.announcements,
          (announcement) => announcement.id,
          (announcement) => html`<p>${this.#prefix(announcement.tone)}${announcement.message}</p>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-toast-region': PkToastRegion;
  }
}
