import { createContext } from '@lit/context';
import type { Me, PartnerkitClient } from '@partnerkit/api';
import type { Localization } from './i18n.ts';

// Global symbols: two copies of the library on one page still find each other's providers.

/** The API client of the nearest `<pk-portal>`. */
export const clientContext = createContext<PartnerkitClient | undefined>(Symbol.for('partnerkit.client'));

/** The signed-in session (`GET /me`) once loaded. */
export const sessionContext = createContext<Me | undefined>(Symbol.for('partnerkit.session'));

/** Translations and locale of the nearest portal (its own i18next instance, never the global one). */
export const localizationContext = createContext<Localization | undefined>(Symbol.for('partnerkit.localization'));
