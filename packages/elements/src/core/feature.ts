import type { LocaleNamespace } from './locale-namespace.ts';

/**
 * A feature of the portal (deals, learning, commissions…) as core and the tooling discover it:
 * declared in its folder's `feature.ts`, listed once in `src/features.ts`.
 */
export interface Feature {
  /** Its folder under `src/`. */
  readonly name: string;
  /** Its public elements: tag → define entry (the module a host imports to register it). */
  readonly elements: Readonly<Record<string, `@partnerkit/elements/define/${string}`>>;
  /** The namespaces of its strings (`locales/<language>/<name>.json`), loaded when first needed. */
  readonly namespaces: readonly LocaleNamespace[];
  /** Most it may add to a page, gzip bytes: all its define entries on top of core and the UI primitives (`pnpm size`). */
  readonly budget: number;
}
