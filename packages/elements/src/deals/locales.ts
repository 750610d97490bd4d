import type { LocaleNamespace } from '../core/locale-namespace.ts';

// The deals feature's strings, loaded the first time one of its components renders.

/** Deal list and registration form, and deal statuses. */
export const dealsNamespace: LocaleNamespace = {
  name: 'deals',
  load: {
    en: () => import('../../locales/en/deals.json', { with: { type: 'json' } }),
    de: () => import('../../locales/de/deals.json', { with: { type: 'json' } }),
    fr: () => import('../../locales/fr/deals.json', { with: { type: 'json' } }),
    es: () => import('../../locales/es/deals.json', { with: { type: 'json' } }),
    hu: () => import('../../locales/hu/deals.json', { with: { type: 'json' } }),
  },
};

/** A deal's detail view and the channel manager's review queue. */
export const dealDetailNamespace: LocaleNamespace = {
  name: 'dealDetail',
  load: {
    en: () => import('../../locales/en/dealDetail.json', { with: { type: 'json' } }),
    de: () => import('../../locales/de/dealDetail.json', { with: { type: 'json' } }),
    fr: () => import('../../locales/fr/dealDetail.json', { with: { type: 'json' } }),
    es: () => import('../../locales/es/dealDetail.json', { with: { type: 'json' } }),
    hu: () => import('../../locales/hu/dealDetail.json', { with: { type: 'json' } }),
  },
};
