import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Me, PartnerkitClient } from '@partnerkit/api';
import { clientContext, localizationContext, sessionContext } from './contexts.ts';
import type { Localization } from './i18n.ts';

/**
 * A feature component inside a portal: the nearest portal's (or `Partnerkit.configure()`'s)
 * client, language and session, kept current as they change.
 */
export class PortalElement extends LitElement {
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client: PartnerkitClient | undefined;

  @consume({ context: localizationContext, subscribe: true })
  @state()
  protected l10n: Localization | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session: Me | undefined;
}
