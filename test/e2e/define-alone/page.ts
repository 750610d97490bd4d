// Runs in the test page, bundled after one define entry: mounts that entry's element in a
// state and lists every `pk-*` tag its shadow trees render. It registers no element itself
// (page-wide configuration provides the client instead of a `<pk-portal>`).
import { PartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import { configure } from '../../../packages/elements/src/core/configure.ts';
import { asChannelManager, fakeClient, seededDeals } from '../../fixtures/fake-client.ts';

/** What the API does while the element is on the page. */
export type ClientState = 'loading' | 'data' | 'error';

/** `loading`: every call but `/me` never answers; `error`: every call but `/me` fails with a 500. */
function clientFor(state: ClientState, tag: string): PartnerkitClient {
  const { client } = fakeClient();
  const fake = tag === 'pk-deal-review-queue' ? asChannelManager(client) : client;
  if (state === 'data') return fake;
  const answer = () => (state === 'loading' ? new Promise<never>(() => {}) : Promise.reject(new PartnerkitError({ kind: 'http', status: 500, code: 'internal', title: 'Internal error' })));
  const stub = <T extends object>(target: T): T =>
    new Proxy(target, { get: (object, key) => (typeof Reflect.get(object, key) === 'function' && key !== 'getMe' && key !== 'paginate' ? answer : Reflect.get(object, key)) });
  return { ...stub(fake), deals: stub(fake.deals) };
}

/** Attribute values the test can name, resolved against the fake's seeded data. */
const namedValues: Record<string, string> = {
  '$deal': seededDeals[0]!.id,
  '$editableDeal': seededDeals.find((deal) => deal.editable)!.id,
};

/** Every `pk-*` tag under `root`, through every shadow root. */
function renderedTags(root: Element | ShadowRoot, found = new Set<string>()): Set<string> {
  for (const element of root.querySelectorAll('*')) {
    if (element.localName.startsWith('pk-')) found.add(element.localName);
    if (element.shadowRoot) renderedTags(element.shadowRoot, found);
  }
  return found;
}

/** Whether a `role="alert"` is rendered anywhere under `root` (the error state was reached). */
function hasAlert(root: Element | ShadowRoot): boolean {
  for (const element of root.querySelectorAll('*')) {
    if (element.getAttribute('role') === 'alert' || (element.shadowRoot && hasAlert(element.shadowRoot))) return true;
  }
  return false;
}

/** Whether something under `root` is still loading (`aria-busy`, or a skeleton shown). */
function busy(root: Element | ShadowRoot): boolean {
  for (const element of root.querySelectorAll('*')) {
    if (element.getAttribute('aria-busy') === 'true' || element.localName === 'pk-skeleton' || (element.shadowRoot && busy(element.shadowRoot))) return true;
  }
  return false;
}

export interface Mounted {
  defined: boolean;
  /** `pk-*` tags seen in the element's shadow trees while it settled. */
  rendered: string[];
  undefinedTags: string[];
  alert: boolean;
}

/** Mounts `<tag>` with `attributes` against a client in `state`, and watches it until it settles. */
async function mount(tag: string, state: ClientState, attributes: Record<string, string>): Promise<Mounted> {
  configure({ client: clientFor(state, tag), locale: 'en' });
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, namedValues[value] ?? value);
  document.body.append(element);
  const seen = new Set<string>();
  let alert = false;
  // Polled, so tags that only show for a moment (skeletons) are seen too; settled once nothing
  // new has appeared for a while and, unless the API never answers, nothing is busy any more.
  const start = performance.now();
  let changed = start;
  const settled = () => performance.now() - changed >= 200 && (state === 'loading' || !element.shadowRoot || !busy(element.shadowRoot));
  while (!settled() && performance.now() - start < 5000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = seen.size;
    if (element.shadowRoot) {
      renderedTags(element.shadowRoot, seen);
      alert ||= hasAlert(element.shadowRoot);
    }
    if (seen.size !== before) changed = performance.now();
  }
  const rendered = [...seen].sort();
  return { defined: customElements.get(tag) !== undefined, rendered, undefinedTags: rendered.filter((name) => !customElements.get(name)), alert };
}

declare global {
  interface Window {
    definedAlone: { mount: typeof mount };
  }
}

window.definedAlone = { mount };
