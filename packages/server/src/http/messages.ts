import en from '../../locales/en.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import hu from '../../locales/hu.json' with { type: 'json' };

/** The server's message catalogue: problem titles, details and field messages. */
export type Catalogue = typeof en;
export type TitleKey = keyof Catalogue['title'];
export type DetailKey = keyof Catalogue['detail'];
export type FieldKey = keyof Catalogue['field'];
export type MessageParams = Record<string, string | number>;

export const catalogues: Record<string, Catalogue> = { en, de, fr, es, hu };

/**
 * The best shipped language for an `Accept-Language` header (q-values honoured, region
 * subtags fall back to their language), English when nothing matches.
 */
export function negotiateLanguage(header: string | undefined): string {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => entry.language in catalogues)?.language ?? 'en';
}

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Looks messages up in one language, falling back to English for anything missing. */
export function messagesFor(language: string) {
  const catalogue = catalogues[language] ?? en;
  return {
    language,
    title: (key: TitleKey) => catalogue.title[key] ?? en.title[key],
    detail: (key: DetailKey, params: MessageParams = {}) => fill(catalogue.detail[key] ?? en.detail[key], params),
    field: (key: string, params: MessageParams = {}) => {
      const known = (key in en.field ? key : 'invalid') as FieldKey;
      return fill(catalogue.field[known] ?? en.field[known], params);
    },
  };
}
