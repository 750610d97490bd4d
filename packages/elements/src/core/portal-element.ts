import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Me, PartnerkitClient } from '@partnerkit/api';
import { clientContext, localizationContext, sessionContext } from './contexts.ts';
import type { Localization } from './i18n.ts';
import type { LocaleNamespace } from './locale-namespace.ts';

/**
 * A feature component inside a portal: the nearest portal's (or `Partnerkit.configure()`'s)
 * client, language and session, kept current as they change.
 */
export class PortalElement extends LitElement {
  /**
   * The namespaces of the component's strings beyond core's (`common`, `forms`, `ui`). They load
   * the first time a component needs them; `l10n` waits for them.
   * @internal
   */
  static namespaces: readonly LocaleNamespace[] = [];

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client: PartnerkitClient | undefined;

  /** The portal's language, once this component's namespaces are loaded in it (until then it shows its skeleton). */
  @state()
  protected l10n: Localization | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session: Me | undefined;

  #offered: Localization | undefined;

  /** What the portal provides; passed on to `l10n` when the namespaces are there, so no raw keys ever show. @internal */
  @consume({ context: localizationContext, subscribe: true })
  protected set portalLocalization(value: Localization | undefined) {
    this.#offered = value;
    const namespaces = (this.constructor as typeof PortalElement).namespaces;
    if (!value || value.hasNamespaces(namespaces)) {
      this.l10n = value;
      return;
    }
    void value.loadNamespaces(namespaces).then(() => {
      if (this.#offered === value) this.l10n = value;
    });
  }
}
