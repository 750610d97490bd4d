import { createInstance, type i18n as I18n, type BackendModule, type PostProcessorModule, type TFunction } from 'i18next';
import { pseudoLocalize, PSEUDO_LOCALE } from './pseudo-locale.ts';
import { CORE_NAMESPACES, type LocaleNamespace } from './locale-namespace.ts';

export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'hu'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
/** Names of core's namespaces, loaded with the language; features declare their own (`LocaleNamespace`). */
export const NAMESPACES: readonly string[] = CORE_NAMESPACES.map((namespace) => namespace.name);
/** A namespace's name: core's `common`, `forms` and `ui`, or one a feature declares. */
export type Namespace = string;

/** Maps a BCP 47 tag such as `de-AT` to the shipped locale that serves it. */
export function resolveLocale(tag: string | undefined): SupportedLocale {
  if (isPseudo(tag)) return 'en';
  const language = (tag ?? 'en').toLowerCase().split('-')[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(language ?? '') ? (language as SupportedLocale) : 'en';
}

/** What one portal's i18next instance can load, and the vendor strings to merge into what it loads. */
interface InstanceState {
  namespaces: Map<string, LocaleNamespace>;
  messages: MessageOverrides | undefined;
}

const states = new WeakMap<I18n, InstanceState>();

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with `overrides` merged in, deep (vendor strings win); `base` is not changed. */
function withOverrides(base: Record<string, unknown>, overrides: Record<string, unknown> | undefined): Record<string, unknown> {
  const merged = { ...base };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const current = merged[key];
    merged[key] = isObject(value) && isObject(current) ? withOverrides(current, value) : value;
  }
  return merged;
}

/** Loads a namespace's locale chunk the first time i18next asks for it, with the vendor's strings merged in. */
function lazyLocales(state: InstanceState): BackendModule {
  return {
    type: 'backend',
    init() {},
    read(language, namespace, callback) {
      const locale = resolveLocale(language);
      const loader = state.namespaces.get(namespace)?.load[locale];
      if (!loader) {
        callback(new Error(`unknown namespace ${namespace}`), false);
        return;
      }
      loader().then(
        // A copy: i18next keeps what it is given, and merges later overrides into it; the module's
        // JSON is shared by every portal on the page.
        (module) => callback(null, withOverrides(structuredClone(module.default as Record<string, unknown>), state.messages?.[locale]?.[namespace])),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
}

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
  /** Whether `namespaces` are loaded (or failed to load) in this language, so `t` can use them. */
  hasNamespaces(namespaces: readonly LocaleNamespace[]): boolean;
  /** Loads `namespaces` into the portal's instance, in its language and the fallback; resolves when done, even on failure. */
  loadNamespaces(namespaces: readonly LocaleNamespace[]): Promise<void>;
}

/**
 * Creates a portal's own i18next instance with core's namespaces in the locale in use; other
 * namespaces load when a component first needs them (`Localization.loadNamespaces`).
 */
export async function createI18n(locale: string | undefined): Promise<I18n> {
  const instance = createInstance();
  const state: InstanceState = { namespaces: new Map(CORE_NAMESPACES.map((namespace) => [namespace.name, namespace])), messages: undefined };
  states.set(instance, state);
  await instance.use(lazyLocales(state)).use(pseudo).init({
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
  const state = states.get(instance);
  if (!state) throw new Error('localize() needs an instance made by createI18n()');
  state.messages = options.messages;
  // Loads every namespace loaded so far in the new language.
  if (instance.language !== language) await instance.changeLanguage(language);
  // Into namespaces already loaded (deep, vendor strings win); the others get theirs when they load.
  const loaded = (namespace: string) => instance.hasLoadedNamespace(namespace, { lng: language });
  for (const [namespace, strings] of Object.entries(options.messages?.[language] ?? {})) {
    if (strings && loaded(namespace)) instance.addResourceBundle(language, namespace, strings, true, true);
  }
  const fixed = instance.getFixedT(language);
  const t = (isPseudo(locale) ? (...args: Parameters<TFunction>) => fixed(args[0] as string, { ...(args[1] as object), postProcess: 'pseudo' }) : fixed) as TFunction;
  return {
    t,
    locale: isPseudo(locale) ? 'en' : (locale ?? language),
    language,
    dir: options.dir ?? (instance.dir(language) === 'rtl' ? 'rtl' : 'ltr'),
    currency: options.currency,
    hasNamespaces: (namespaces) => namespaces.every((namespace) => loaded(namespace.name)),
    async loadNamespaces(namespaces) {
      for (const namespace of namespaces) state.namespaces.set(namespace.name, namespace);
      await instance.loadNamespaces(namespaces.map((namespace) => namespace.name));
    },
  };
}
