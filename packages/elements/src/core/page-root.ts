import { ContextRoot } from '@lit/context';

let attached = false;

/**
 * Lets components find providers that upgrade after them (a `<pk-portal>` whose definition
 * loads later, or `Partnerkit.configure()` called after the components rendered): context
 * requests nobody answered yet are kept and replayed when a provider appears. Attached once,
 * as an event listener on the document; nothing else is written to the page.
 */
export function attachContextRoot(): void {
  if (attached || typeof document === 'undefined') return;
  attached = true;
  new ContextRoot().attach(document as unknown as HTMLElement);
}
