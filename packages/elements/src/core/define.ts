import { attachContextRoot } from './page-root.ts';

/**
 * Registers a custom element unless the tag is taken. When another bundle or version already
 * owns the tag, that one keeps it and a warning says so, instead of the page throwing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  attachContextRoot();
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`[partnerkit] <${tag}> is already defined by another copy of Partnerkit; keeping that one.`);
  }
}
