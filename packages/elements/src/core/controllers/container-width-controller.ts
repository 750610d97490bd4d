import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ContainerWidthOptions {
  /** Widths (px) at which the layout changes; the host re-renders only when one of them is crossed. */
  breakpoints: readonly number[];
}

/**
 * The host's own width (not the viewport's), for layouts that JavaScript must switch (a wizard
 * in narrow containers, one page in wide ones) where a CSS container query cannot, e.g. because
 * the markup differs. A ResizeObserver watches the host while it is connected.
 *
 * @example
 * ```ts
 * #width = new ContainerWidthController(this, { breakpoints: [960] });
 * render() { return this.#width.atLeast(960) ? this.#onePage() : this.#steps(); }
 * ```
 */
export class ContainerWidthController implements ReactiveController {
  /** The host's content-box width in px; 0 until first measured. */
  width = 0;

  readonly #host: ReactiveControllerHost & Element;
  readonly #breakpoints: readonly number[];
  #observer: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost & Element, options: ContainerWidthOptions) {
    this.#host = host;
    this.#breakpoints = options.breakpoints;
    host.addController(this);
  }

  /** Whether the host is at least `px` wide. */
  atLeast(px: number): boolean {
    return this.width >= px;
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentBoxSize?.[0]?.inlineSize ?? entry?.contentRect.width ?? 0;
      const before = this.#band(this.width);
      this.width = width;
      if (this.#band(width) !== before) this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** How many breakpoints `width` reaches. */
  #band(width: number): number {
    return this.#breakpoints.filter((breakpoint) => width >= breakpoint).length;
  }
}
