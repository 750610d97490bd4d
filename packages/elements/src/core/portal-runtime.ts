import { ContextProvider } from '@lit/context';
import type { i18n as I18n } from 'i18next';
import { createClient, isPartnerkitError, type Me, type PartnerkitClient, type TokenSource } from '@partnerkit/api';
import { clientContext, localizationContext, sessionContext } from './contexts.ts';
import { createI18n, localize, type Localization, type MessageOverrides } from './i18n.ts';
import { PkLocalizedEvent, PkSessionExpiredEvent } from './events.ts';

/** What a portal (or `Partnerkit.configure()`) is given. */
export interface PortalSettings {
  baseUrl?: string | undefined;
  getToken?: TokenSource | undefined;
  client?: PartnerkitClient | undefined;
  /** BCP 47 tag; when absent the session's locale decides, then `<html lang>`. */
  locale?: string | undefined;
  messages?: MessageOverrides | undefined;
  /** Currency of amounts the user enters when nothing else says; default the session's. */
  currency?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

/** Name of the event fired on the provider element when the session cannot be renewed. */
export const SESSION_EXPIRED_EVENT = PkSessionExpiredEvent.type;

/**
 * The providing side of a portal: builds the client, loads the session (`/me`) and the
 * language, and provides all three through @lit/context from `host` — a `<pk-portal>`, or
 * the document element for `Partnerkit.configure()`. One i18next instance per runtime.
 */
export class PortalRuntime {
  readonly #host: HTMLElement;
  readonly #client: ContextProvider<typeof clientContext>;
  readonly #session: ContextProvider<typeof sessionContext>;
  readonly #localization: ContextProvider<typeof localizationContext>;
  #settings: PortalSettings = {};
  #i18n: Promise<I18n> | undefined;
  #sessionLoad: AbortController | undefined;
  #sessionSettled = false;
  #localeRequest = 0;

  constructor(host: HTMLElement) {
    this.#host = host;
    // Provider controllers attach their listeners at once, so children that connect before
    // the host's first update still find them.
    this.#client = new ContextProvider(host, { context: clientContext });
    this.#session = new ContextProvider(host, { context: sessionContext });
    this.#localization = new ContextProvider(host, { context: localizationContext });
    // A plain element (the document's, for configure()) has no controller lifecycle: announce
    // the providers now, so requests that waited for one are answered.
    if (!('addController' in host)) for (const provider of [this.#client, this.#session, this.#localization]) provider.hostConnected();
  }

  get client(): PartnerkitClient | undefined {
    return this.#client.value;
  }

  get session(): Me | undefined {
    return this.#session.value;
  }

  get localization(): Localization | undefined {
    return this.#localization.value;
  }

  /** Applies new settings: rebuilds the client when its inputs changed, re-localizes when the language did. */
  update(settings: PortalSettings): void {
    const previous = this.#settings;
    this.#settings = { ...settings };
    const clientChanged = settings.client !== previous.client || settings.baseUrl !== previous.baseUrl || settings.getToken !== previous.getToken;
    if (clientChanged || (!settings.client && settings.locale !== previous.locale)) {
      this.#client.setValue(this.#makeClient());
      this.#loadSession();
    }
    if (clientChanged || settings.locale !== previous.locale || settings.messages !== previous.messages || settings.currency !== previous.currency || settings.dir !== previous.dir || !this.#i18n) {
      this.#maybeLocalize();
    }
  }

  /** Reloads the session after the host reconnects (its load was aborted on disconnect). */
  reconnect(): void {
    if (!this.#session.value && this.#client.value) this.#loadSession();
  }

  disconnect(): void {
    this.#sessionLoad?.abort();
  }

  #makeClient(): PartnerkitClient | undefined {
    const { client, baseUrl, getToken } = this.#settings;
    if (client) return client;
    if (!baseUrl) return undefined;
    const locale = this.#effectiveLocale();
    return createClient({
      baseUrl,
      ...(getToken ? { getToken: this.#watchToken(getToken) } : {}),
      ...(locale ? { locale } : {}),
    });
  }

  /** A token source that tells the host page when no new token can be had. */
  #watchToken(source: TokenSource): TokenSource {
    return async () => {
      try {
        return await source();
      } catch (error) {
        this.#expire();
        throw error;
      }
    };
  }

  #expire(): void {
    this.#host.dispatchEvent(new PkSessionExpiredEvent());
  }

  #loadSession(): void {
    this.#sessionLoad?.abort();
    const client = this.#client.value;
    if (!client) return;
    const abort = new AbortController();
    this.#sessionLoad = abort;
    this.#sessionSettled = false;
    const settle = () => {
      if (abort.signal.aborted) return;
      this.#sessionSettled = true;
      this.#maybeLocalize();
    };
    client.getMe({ signal: abort.signal }).then(
      (me) => {
        this.#session.setValue(me);
        settle();
      },
      (error: unknown) => {
        // 401 after the client's one refresh: the session is over. Other failures show in the components.
        if (isPartnerkitError(error) && error.status === 401) this.#expire();
        settle();
      },
    );
  }

  #effectiveLocale(): string | undefined {
    return this.#settings.locale ?? this.#session.value?.locale ?? (document.documentElement.lang || undefined);
  }

  #maybeLocalize(): void {
    // Without an explicit locale the session's decides: wait for it rather than render in
    // one language and then switch (components show their skeletons meanwhile).
    if (!this.#settings.locale && this.#client.value && !this.#sessionSettled) return;
    void this.#localize();
  }

  async #localize(): Promise<void> {
    const request = ++this.#localeRequest;
    const locale = this.#effectiveLocale();
    this.#i18n ??= createI18n(locale);
    const l10n = await localize(await this.#i18n, locale, {
      messages: this.#settings.messages,
      dir: this.#settings.dir,
      currency: this.#settings.currency ?? this.#session.value?.currency ?? 'EUR',
    });
    if (request !== this.#localeRequest) return; // A newer change won the race.
    this.#localization.setValue(l10n);
    this.#host.dispatchEvent(new PkLocalizedEvent({ locale: l10n.locale, dir: l10n.dir }));
  }
}
