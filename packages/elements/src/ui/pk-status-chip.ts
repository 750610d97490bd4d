import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PkBadge } from './pk-badge.ts';
import { toneIcon } from './display-shared.ts';

/**
 * A record's status ("Approved", "Info requested") as a chip. Each tone has its own shape
 * (dot, "i", tick, "!", cross) beside the text, so colour is never the only cue. The text comes
 * from the host, already translated; `status` keeps the raw value for styling and tests.
 *
 * @tag pk-status-chip
 * @summary Status value as a chip with a tone-specific icon and the host's label.
 * @slot - The status label, e.g. `Approved`.
 * @csspart base - The chip.
 * @csspart icon - The tone's icon (decorative).
 * @cssprop --pk-badge-radius - Corner radius; defaults to `--pk-radius-pill`.
 * @cssprop --pk-badge-font-size - Text size; defaults to `--pk-font-size-small`.
 */
export class PkStatusChip extends PkBadge {
  /** The raw status value (`approved`, `info_requested`…), reflected for styling; not shown. */
  @property({ reflect: true }) status = '';

  protected override render() {
    return html`<span part="base" class="tone-${this.tone}">${toneIcon(this.tone)}<span class="label"><slot></slot></span></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-status-chip': PkStatusChip;
  }
}
