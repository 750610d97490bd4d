import type { ResourceKey } from 'i18next';
import type { SupportedLocale } from './i18n.ts';

/** Loads one shipped locale of a namespace. */
export type NamespaceLoader = () => Promise<{ default: ResourceKey }>;

/**
 * A namespace of strings (`locales/<language>/<name>.json`) and how to load each shipped
 * language of it. Every loader is its own static `import()`, written where the namespace is
 * declared, so bundlers split each language of each namespace into a chunk of its own.
 * Components declare the namespaces they need (`static namespaces`); a namespace loads the
 * first time a component needs it.
 */
export interface LocaleNamespace {
  readonly name: string;
  readonly load: Readonly<Record<SupportedLocale, NamespaceLoader>>;
}

// Core's own namespaces, used by every component: loaded with the portal's language.

/** Shared words and error messages. */
export const commonNamespace: LocaleNamespace = {
  name: 'common',
  load: {
    en: () => import('../../locales/en/common.json', { with: { type: 'json' } }),
    de: () => import('../../locales/de/common.json', { with: { type: 'json' } }),
    fr: () => import('../../locales/fr/common.json', { with: { type: 'json' } }),
    es: () => import('../../locales/es/common.json', { with: { type: 'json' } }),
    hu: () => import('../../locales/hu/common.json', { with: { type: 'json' } }),
  },
};

/** Form controls' labels and native validation messages. */
export const formsNamespace: LocaleNamespace = {
  name: 'forms',
  load: {
    en: () => import('../../locales/en/forms.json', { with: { type: 'json' } }),
    de: () => import('../../locales/de/forms.json', { with: { type: 'json' } }),
    fr: () => import('../../locales/fr/forms.json', { with: { type: 'json' } }),
    es: () => import('../../locales/es/forms.json', { with: { type: 'json' } }),
    hu: () => import('../../locales/hu/forms.json', { with: { type: 'json' } }),
  },
};

/** The display and overlay primitives' strings (close, dismiss, table, toasts…). */
export const uiNamespace: LocaleNamespace = {
  name: 'ui',
  load: {
    en: () => import('../../locales/en/ui.json', { with: { type: 'json' } }),
    de: () => import('../../locales/de/ui.json', { with: { type: 'json' } }),
    fr: () => import('../../locales/fr/ui.json', { with: { type: 'json' } }),
    es: () => import('../../locales/es/ui.json', { with: { type: 'json' } }),
    hu: () => import('../../locales/hu/ui.json', { with: { type: 'json' } }),
  },
};

/** Loaded with the portal's language, before any component renders text. */
export const CORE_NAMESPACES: readonly LocaleNamespace[] = [commonNamespace, formsNamespace, uiNamespace];
