import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consume } from '@lit/context';
import { localizationContext } from '../core/contexts.ts';
import type { Localization } from '../core/i18n.ts';
import { token } from '../core/theme/tokens.ts';
import { visuallyHidden } from '../core/shared-styles.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'small' | 'medium' | 'large';

/**
 * A button that works in forms like a native one: `type="submit"` (the default, as for
 * `<button>`) submits its form through `requestSubmit()` — so constraint validation and
 * `submit` listeners run — and `type="reset"` resets it. A disabled `<fieldset>` disables it.
 * While `loading`, it stays focusable but inert, is marked `aria-busy`, and a polite live region
 * says "Loading" in the user's language. Unlike a native button, its `name`/`value` are not
 * submitted (a custom element cannot be a form's submitter).
 *
 * @tag pk-button
 * @summary Button with variants, sizes, loading state and form submit/reset.
 * @csspart button - The native `<button>`.
 * @csspart label - The wrapper of the default slot.
 * @csspart spinner - The loading indicator.
 * @slot - The button's text.
 * @slot prefix - An icon before the text.
 * @slot suffix - An icon after the text.
 * @cssprop --pk-button-radius - Corner radius; defaults to `--pk-radius`.
 * @cssprop --pk-button-font-weight - Font weight of the text; defaults to 600.
 */
export class PkButton extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    visuallyHidden,
    css`
    :host {
      display: inline-block;
      vertical-align: middle;
      font-family: ${token('font-body')};
      font-size: ${token('font-size-body')};
      --_background: ${token('color-primary')};
      --_color: ${token('color-on-primary')};
      --_border: ${token('color-primary')};
      --_hover: ${token('color-primary-strong')};
      --_min-size: 2.5rem;
      --_padding: ${token('space-4')};
    }
    :host([variant='secondary']) {
      --_background: ${token('color-surface')};
      --_color: ${token('color-primary')};
      --_border: ${token('color-primary')};
      --_hover: ${token('color-surface-variant')};
    }
    :host([variant='danger']) {
      --_background: ${token('color-danger-text')};
      --_color: ${token('color-background')};
      --_border: ${token('color-danger-text')};
      --_hover: ${token('color-danger-text')};
    }
    :host([variant='ghost']) {
      --_background: transparent;
      --_color: ${token('color-primary')};
      --_border: transparent;
      --_hover: ${token('color-surface-variant')};
    }
    :host([size='small']) {
      --_min-size: 2rem;
      --_padding: ${token('space-3')};
      font-size: ${token('font-size-small')};
    }
    :host([size='large']) {
      --_min-size: 3rem;
      --_padding: ${token('space-6')};
    }
    @media (pointer: coarse) {
      :host {
        --_min-size: ${token('target-size')} !important;
      }
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: ${token('space-2')};
      inline-size: 100%;
      min-block-size: var(--_min-size);
      min-inline-size: var(--_min-size);
      box-sizing: border-box;
      padding-block: 0;
      padding-inline: var(--_padding);
      border: 1px solid var(--_border);
      border-radius: var(--pk-button-radius, ${token('radius')});
      background: var(--_background);
      color: var(--_color);
      font: inherit;
      font-weight: var(--pk-button-font-weight, 600);
      line-height: 1.2;
      cursor: pointer;
    }
    button:hover:not(:disabled, [aria-disabled='true']) {
      background: var(--_hover);
    }
    :host([variant='secondary']) button:hover:not(:disabled),
    :host([variant='ghost']) button:hover:not(:disabled) {
      color: ${token('color-primary')};
    }
    button:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    button[aria-busy='true'] {
      cursor: progress;
    }
    .spinner {
      inline-size: 1em;
      block-size: 1em;
      box-sizing: border-box;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2.4s;
      }
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    ::slotted(svg) {
      inline-size: 1.1em;
      block-size: 1.1em;
    }
    `,
  ];

  /** Look: `primary` for the main action, `secondary`, `danger` for destructive ones, `ghost` for low emphasis. */
  @property({ reflect: true }) variant: ButtonVariant = 'primary';

  @property({ reflect: true }) size: ButtonSize = 'medium';

  /** `submit` submits the form, `reset` resets it, `button` does nothing on its own. */
  @property({ reflect: true }) type: 'submit' | 'reset' | 'button' = 'submit';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Work is in progress: the button ignores clicks and says so to assistive technology. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** Accessible name for a button that shows only an icon. */
  @property() label = '';

  @consume({ context: localizationContext, subscribe: true })
  @state()
  protected l10n: Localization | undefined;

  @state() private formDisabled = false;

  readonly #internals: ElementInternals;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // On the host, so clicks on the inner button and `host.click()` behave alike.
    this.addEventListener('click', (event) => this.#onClick(event));
  }

  /** The form the button submits or resets. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  #onClick(event: MouseEvent) {
    if (this.disabled || this.formDisabled || this.loading) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const form = this.#internals.form;
    if (!form) return;
    if (this.type === 'submit') form.requestSubmit();
    else if (this.type === 'reset') form.reset();
  }

  protected override render() {
    const loading = this.loading;
    return html`
      <button
        part="button"
        type="button"
        ?disabled=${this.disabled || this.formDisabled}
        aria-disabled=${loading ? 'true' : nothing}
        aria-busy=${loading ? 'true' : 'false'}
        aria-label=${ifDefined(this.label || undefined)}
      >
        ${loading ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : html`<slot name="prefix"></slot>`}
        <span part="label"><slot></slot></span>
        <slot name="suffix"></slot>
      </button>
      <span class="visually-hidden" role="status">${loading ? (this.l10n?.t('button.loading', { ns: 'forms' }) ?? '') : ''}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-button': PkButton;
  }
}
