import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { PartnerkitClient, TokenSource } from '@partnerkit/api';
import type { MessageOverrides } from '../core/i18n.ts';
import { PortalRuntime } from '../core/portal-runtime.ts';
import { applyThemeTokens, isPreset, presetStyles, type ThemeInput } from '../core/theme/theme.ts';
import type { PresetName } from '../core/theme/tokens.ts';
import type { PkLocalizedEvent } from '../core/events.ts';

/**
 * The root of an embedded partner portal. Creates (or receives) the API client, loads the
 * session and the user's language, applies the theme, and provides them to every Partnerkit
 * component inside it, across shadow roots.
 *
 * @tag pk-portal
 * @summary Root provider: API client, session, language and theme for the components inside it.
 * @slot - The portal's components and any of the host page's own markup.
 * @fires pk-session-expired - The session ended and no new token could be had: sign the user in again.
 * @fires pk-localized - The language changed and the components re-rendered; `detail` has `locale` and `dir`.
 * @cssprop --pk-ref-color-brand - The brand colour every primary role derives from.
 * @cssprop --pk-ref-font-sans - The font family of all text.
 */
export class PkPortal extends LitElement {
  static override styles = [
    presetStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** Base URL of the Partnerkit API, e.g. `https://partners.example.com/api`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** BCP 47 language tag; defaults to the session's locale, then `<html lang>`. `en-XA` is the pseudo-locale. */
  @property({ reflect: true }) locale: string | undefined;

  /**
   * A preset name (`light`, `dark`, `high-contrast`, `auto`) as attribute or property, or a
   * theme object (`{ colorPrimary, fontFamily, borderRadius, density, colorScheme, … }`).
   */
  @property({ attribute: false }) theme: PresetName | 'auto' | ThemeInput = 'light';

  /** Returns a session token minted by the vendor's backend (see docs/api.md). */
  @property({ attribute: false }) getToken: TokenSource | undefined;

  /** A ready client; when set, `base-url` and `getToken` are not used. */
  @property({ attribute: false }) client: PartnerkitClient | undefined;

  /** Vendor strings merged over the shipped ones: `{ de: { deals: { title: 'Meine Deals' } } }`. */
  @property({ attribute: false }) messages: MessageOverrides | undefined;

  /** Currency of amounts users enter, when the session says nothing else (ISO 4217). */
  @property() currency: string | undefined;

  readonly #runtime = new PortalRuntime(this);
  #appliedTheme: ThemeInput | undefined;
  #reflectingTheme = false;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'theme', 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'theme') {
      // The attribute takes preset names only; objects come through the property.
      if (!this.#reflectingTheme && value !== null && isPreset(value) && value !== this.theme) this.theme = value;
      return;
    }
    if (name === 'dir') {
      this.requestUpdate();
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#runtime.update({
      baseUrl: this.baseUrl || undefined,
      getToken: this.getToken,
      client: this.client,
      locale: this.locale,
      messages: this.messages,
      currency: this.currency,
      dir: this.dir === 'rtl' || this.dir === 'ltr' ? this.dir : undefined,
    });
    if (changed.has('theme')) this.#applyTheme();
  }

  #applyTheme(): void {
    const theme = this.theme;
    const object = typeof theme === 'object' ? theme : undefined;
    const preset = typeof theme === 'object' ? (theme.colorScheme ?? 'light') : theme;
    this.#reflectingTheme = true;
    if (this.getAttribute('theme') !== preset) this.setAttribute('theme', preset);
    this.#reflectingTheme = false;
    applyThemeTokens(this.style, object, this.#appliedTheme);
    this.#appliedTheme = object;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pk-localized', this.#onLocalized);
    this.#runtime.reconnect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pk-localized', this.#onLocalized);
    this.#runtime.disconnect();
  }

  readonly #onLocalized = (event: PkLocalizedEvent) => {
    // Only its own runtime's change: a portal nested inside speaks for itself.
    if (event.target === this) this.lang = event.detail.locale;
  };

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-portal': PkPortal;
  }
}
