import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { i18n as I18n } from 'i18next';
import { createClient, type Me, type PartnerkitClient, type TokenSource } from '@partnerkit/api';
import { clientContext, localizationContext, sessionContext } from '../core/contexts.ts';
import { createI18n, localize, type Localization } from '../core/i18n.ts';

/**
 * The root of an embedded partner portal. Creates (or receives) the API client, loads the
 * session and the user's language, and provides them to every Partnerkit component inside it,
 * across shadow roots.
 *
 * @summary Root provider: API client, session and language for the components inside it.
 * @slot - The portal's components and any of the host page's own markup.
 */
export class PkPortal extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** Base URL of the Partnerkit API, e.g. `https://partners.example.com/api`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** BCP 47 language tag; defaults to the session's locale, then `<html lang>`. */
  @property({ reflect: true }) locale: string | undefined;

  /** Returns a session token minted by the vendor's backend (see docs/api.md). */
  @property({ attribute: false }) getToken: TokenSource | undefined;

  /** A ready client; when set, `base-url` and `getToken` are not used. */
  @property({ attribute: false }) client: PartnerkitClient | undefined;

  @provide({ context: clientContext }) protected providedClient: PartnerkitClient | undefined;
  @provide({ context: sessionContext }) protected providedSession: Me | undefined;
  @provide({ context: localizationContext }) protected providedLocalization: Localization | undefined;

  #i18n: Promise<I18n> | undefined;
  #sessionLoad: AbortController | undefined;
  #sessionSettled = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('getToken')) {
      this.providedClient = this.#makeClient();
      this.#loadSession();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Without an explicit locale the session's decides: wait for it rather than render in
    // one language and then switch (components show their skeletons meanwhile).
    const waitingForSessionLocale = !this.locale && this.providedClient && !this.#sessionSettled;
    if ((changed.has('locale') || !this.#i18n) && !waitingForSessionLocale) void this.#applyLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#sessionLoad?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a DOM swap: the aborted session load starts again.
    if (this.hasUpdated && !this.providedSession) this.#loadSession();
  }

  #makeClient(): PartnerkitClient | undefined {
    if (this.client) return this.client;
    if (!this.baseUrl) return undefined;
    return createClient({
      baseUrl: this.baseUrl,
      ...(this.getToken ? { getToken: this.getToken } : {}),
      ...(this.#effectiveLocale() ? { locale: this.#effectiveLocale()! } : {}),
    });
  }

  #loadSession(): void {
    this.#sessionLoad?.abort();
    const client = this.providedClient;
    if (!client) return;
    const abort = new AbortController();
    this.#sessionLoad = abort;
    this.#sessionSettled = false;
    const settle = () => {
      if (abort.signal.aborted) return;
      this.#sessionSettled = true;
      if (!this.locale) void this.#applyLocale();
    };
    client.getMe({ signal: abort.signal }).then(
      (me) => {
        this.providedSession = me;
        settle();
      },
      // Components show their own load errors; the language falls back to <html lang>.
      settle,
    );
  }

  #effectiveLocale(): string | undefined {
    return this.locale ?? this.providedSession?.locale ?? (document.documentElement.lang || undefined);
  }

  async #applyLocale(): Promise<void> {
    const locale = this.#effectiveLocale();
    this.#i18n ??= createI18n(locale);
    const l10n = await localize(await this.#i18n, locale);
    if (locale !== this.#effectiveLocale()) return; // A newer change won the race.
    this.providedLocalization = l10n;
    this.lang = l10n.locale;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-portal': PkPortal;
  }
}
