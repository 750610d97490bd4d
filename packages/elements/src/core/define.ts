import { css, type CSSResultGroup } from 'lit';
import { attachContextRoot } from './page-root.ts';

/** Partnerkit's tags, as the global tag map declares them. */
export type PartnerkitTag = Extract<keyof HTMLElementTagNameMap, `pk-${string}`>;

/**
 * The elements an element renders (or expects as children), by tag. Each tag can only map to
 * its own class, so the declaration cannot pair a tag with the wrong element.
 */
export type ElementDependencies = { readonly [Tag in PartnerkitTag]?: CustomElementConstructor & { prototype: HTMLElementTagNameMap[Tag] } };

/** For a Partnerkit tag, only its own class (as the global tag map declares it); any class for other tags. */
type ConstructorFor<Tag extends string> = Tag extends PartnerkitTag ? CustomElementConstructor & { prototype: HTMLElementTagNameMap[Tag] } : CustomElementConstructor;

/** An element class that may declare its dependencies. */
type Definable = CustomElementConstructor & { dependencies?: ElementDependencies };

/**
 * Every Partnerkit element honours `hidden` and a host's `display` overrides: an element's own
 * `:host { display: … }` would otherwise win over the browser's `[hidden] { display: none }`.
 */
const honourHidden = css`
  :host([hidden]) {
    display: none !important;
  }
`;

/** Puts `honourHidden` first in a Lit element's styles, before the class is finalized by its registration. */
function honoursHidden(constructor: CustomElementConstructor): void {
  const lit = constructor as unknown as { styles?: CSSResultGroup; elementStyles?: unknown };
  if (!('elementStyles' in lit) || Object.hasOwn(lit, 'finalized')) return;
  lit.styles = lit.styles === undefined ? honourHidden : [honourHidden, lit.styles];
}

// Tags being registered right now: a cycle of dependencies ends instead of recursing forever.
const registering = new Set<string>();

/**
 * Registers a custom element and, first, every element it declares in `static dependencies`
 * (recursively), so one define entry is enough for an element to render completely. A tag
 * already taken is left alone; when another bundle or version owns it, that one keeps it and a
 * warning says so, instead of the page throwing.
 */
export function defineElement<Tag extends string>(tag: Tag, constructor: ConstructorFor<Tag>): void {
  attachContextRoot();
  if (registering.has(tag)) return;
  registering.add(tag);
  try {
    for (const [dependency, dependencyConstructor] of Object.entries((constructor as Definable).dependencies ?? {})) {
      if (dependencyConstructor) defineElement(dependency, dependencyConstructor);
    }
    const existing = customElements.get(tag);
    if (!existing) {
      honoursHidden(constructor);
      customElements.define(tag, constructor);
    } else if (existing !== constructor) {
      console.warn(`[partnerkit] <${tag}> is already defined by another copy of Partnerkit; keeping that one.`);
    }
  } finally {
    registering.delete(tag);
  }
}
