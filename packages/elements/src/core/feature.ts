import type { LocaleNamespace } from './locale-namespace.ts';

/**
 * A feature of the portal (deals, learning, commissions…) as core and the tooling discover it:
 * declared in its folder's `feature.ts`, listed once in `src/features.ts`.
 */
export interface Feature {
  /** Its folder under `src/`. */
  readonly name: string;
  /**
   * Its public elements: tag → its define entry under `src/` (`<feature>/define/<tag>.ts`), which a
   * host imports as `@partnerkit/elements/define/<tag>` (one `exports` pattern per feature).
   */
  readonly elements: Readonly<Record<string, `${string}/define/${string}.ts`>>;
  /** The namespaces of its strings (`locales/<language>/<name>.json`), loaded when first needed. */
  readonly namespaces: readonly LocaleNamespace[];
  /** Most it may add to a page, gzip bytes: all its define entries on top of core and the UI primitives (`pnpm size`). */
  readonly budget: number;
}
