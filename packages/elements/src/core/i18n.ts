import { createInstance, type i18n as I18n, type BackendModule, type PostProcessorModule, type ResourceKey, type TFunction } from 'i18next';
import { pseudoLocalize, PSEUDO_LOCALE } from './pseudo-locale.ts';

export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'hu'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const NAMESPACES = ['common', 'deals', 'dealDetail', 'forms', 'ui'] as const;
export type Namespace = (typeof NAMESPACES)[number];

type Loader = () => Promise<{ default: ResourceKey }>;

// One static import per file, so bundlers split each locale into its own lazily loaded chunk.
const loaders: Record<SupportedLocale, Record<Namespace, Loader>> = {
  en: {
    common: () => import('../../locales/en/common.json', { with: { type: 'json' } }),
    deals: () => import('../../locales/en/deals.json', { with: { type: 'json' } }),
    dealDetail: () => import('../../locales/en/dealDetail.json', { with: { type: 'json' } }),
    forms: () => import('../../locales/en/forms.json', { with: { type: 'json' } }),
    ui: () => import('../../locales/en/ui.json', { with: { type: 'json' } }),
  },
  de: {
    common: () => import('../../locales/de/common.json', { with: { type: 'json' } }),
    deals: () => import('../../locales/de/deals.json', { with: { type: 'json' } }),
    dealDetail: () => import('../../locales/de/dealDetail.json', { with: { type: 'json' } }),
    forms: () => import('../../locales/de/forms.json', { with: { type: 'json' } }),
    ui: () => import('../../locales/de/ui.json', { with: { type: 'json' } }),
  },
  fr: {
    common: () => import('../../locales/fr/common.json', { with: { type: 'json' } }),
    deals: () => import('../../locales/fr/deals.json', { with: { type: 'json' } }),
    dealDetail: () => import('../../locales/fr/dealDetail.json', { with: { type: 'json' } }),
    forms: () => import('../../locales/fr/forms.json', { with: { type: 'json' } }),
    ui: () => import('../../locales/fr/ui.json', { with: { type: 'json' } }),
  },
  es: {
    common: () => import('../../locales/es/common.json', { with: { type: 'json' } }),
    deals: () => import('../../locales/es/deals.json', { with: { type: 'json' } }),
    dealDetail: () => import('../../locales/es/dealDetail.json', { with: { type: 'json' } }),
    forms: () => import('../../locales/es/forms.json', { with: { type: 'json' } }),
    ui: () => import('../../locales/es/ui.json', { with: { type: 'json' } }),
  },
  hu: {
    common: () => import('../../locales/hu/common.json', { with: { type: 'json' } }),
    deals: () => import('../../locales/hu/deals.json', { with: { type: 'json' } }),
    dealDetail: () => import('../../locales/hu/dealDetail.json', { with: { type: 'json' } }),
    forms: () => import('../../locales/hu/forms.json', { with: { type: 'json' } }),
    ui: () => import('../../locales/hu/ui.json', { with: { type: 'json' } }),
  },
};

/** Maps a BCP 47 tag such as `de-AT` to the shipped locale that serves it. */
export function resolveLocale(tag: string | undefined): SupportedLocale {
  if (isPseudo(tag)) return 'en';
  const language = (tag ?? 'en').toLowerCase().split('-')[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(language ?? '') ? (language as SupportedLocale) : 'en';
}

const lazyLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const loader = loaders[resolveLocale(language)][namespace as Namespace];
    if (!loader) {
      callback(new Error(`unknown namespace ${namespace}`), false);
      return;
    }
    loader().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const isPseudo = (tag: string | undefined) => tag?.toLowerCase() === PSEUDO_LOCALE.toLowerCase();

/** Accents and lengthens every string when the pseudo-locale is on, to find hard-coded text and overflow. */
const pseudo: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo',
  process: (value: string) => pseudoLocalize(value),
};

/** Vendor strings per language and namespace, merged over the shipped ones: `{ de: { deals: { title: '…' } } }`. */
export type MessageOverrides = Partial<Record<SupportedLocale, Partial<Record<Namespace, Record<string, unknown>>>>>;

/** What components need to speak the user's language. A new object on every locale change. */
export interface Localization {
  t: TFunction;
  /** The full BCP 47 tag for `Intl` (e.g. `de-AT`). */
  locale: string;
  /** The shipped locale serving `locale`. */
  language: SupportedLocale;
  dir: 'ltr' | 'rtl';
  /** Currency of amounts the user enters, when nothing else says (ISO 4217). */
  currency: string;
}

/** Creates a portal's own i18next instance, loading only the locale in use. */
export async function createI18n(locale: string | undefined): Promise<I18n> {
  const instance = createInstance();
  await instance.use(lazyLocales).use(pseudo).init({
    lng: resolveLocale(locale),
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LOCALES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // Lit escapes on render.
    returnNull: false,
  });
  return instance;
}

export interface LocalizeOptions {
  messages?: MessageOverrides | undefined;
  /** `dir` set on the portal wins over the language's own direction. */
  dir?: 'ltr' | 'rtl' | undefined;
  currency: string;
}

/** Switches the instance to `locale` (loading it when needed) and describes the result. */
export async function localize(instance: I18n, locale: string | undefined, options: LocalizeOptions): Promise<Localization> {
  const language = resolveLocale(locale);
  if (instance.language !== language) await instance.changeLanguage(language);
  // After loading, so the shipped bundle is there to merge into (deep, vendor strings win).
  for (const [namespace, strings] of Object.entries(options.messages?.[language] ?? {})) {
    if (strings) instance.addResourceBundle(language, namespace, strings, true, true);
  }
  const fixed = instance.getFixedT(language);
  const t = (isPseudo(locale) ? (...args: Parameters<TFunction>) => fixed(args[0] as string, { ...(args[1] as object), postProcess: 'pseudo' }) : fixed) as TFunction;
  return {
    t,
    locale: isPseudo(locale) ? 'en' : (locale ?? language),
    language,
    dir: options.dir ?? (instance.dir(language) === 'rtl' ? 'rtl' : 'ltr'),
    currency: options.currency,
  };
}
