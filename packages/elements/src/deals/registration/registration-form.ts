import type { ReactiveControllerHost } from 'lit';
import type { Deal } from '@partnerkit/api';
import { newKey } from '../../core/controllers/local-slot.ts';
import { currencyDigits } from '../../ui/money-input.ts';
import { STEPS, buildPayload, changeLine, emptyValues, formOfDeal, type FieldName, type FieldValues, type LineRow } from './deal-form-fields.ts';
import type { DealFields, RegistrationDraft, ServerRef } from './stored-state.ts';

/**
 * What the registration form holds — values, line items, step, the server draft it belongs to —
 * and how a stored draft or an existing deal fills it. The host re-renders on every change.
 */
export class RegistrationForm {
  values: FieldValues = emptyValues();
  lines: LineRow[] = [];
  /** The step shown (0-based). */
  step = 0;
  /** Idempotency-Key of the server draft's creation: one per draft. */
  draftKey = newKey();
  /** The server draft, or the edited deal, with the ETag of the last answer. */
  server: ServerRef | undefined;
  /** The user changed something since the form was filled. */
  dirty = false;
  /** The form holds a draft restored from the device rather than the server's fields. */
  fromDraft = false;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Shows another step. */
  go(step: number): void {
    this.step = Math.min(Math.max(0, step), STEPS.length - 1);
    this.#host.requestUpdate();
  }

  /** Takes the user's change. */
  edit(change: { values?: FieldValues; lines?: LineRow[] }): void {
    if (change.values) this.values = change.values;
    if (change.lines) this.lines = change.lines;
    this.dirty = true;
    this.#host.requestUpdate();
  }

  /**
   * Takes a control's new value (`row` for a line item's; a product prefills its list price from
   * `priceOf`). Returns what changed — the field's name, or `lineItems` — or undefined when nothing did.
   */
  take(name: string, row: string | undefined, value: string, priceOf: (productId: string) => string): FieldName | 'lineItems' | undefined {
    if (row !== undefined) {
      const lines = changeLine(this.lines, Number(row), name, value, priceOf);
      if (!lines) return undefined;
      this.edit({ lines });
      return 'lineItems';
    }
    if (!(name in this.values) || this.values[name as FieldName] === value) return undefined;
    this.edit({ values: { ...this.values, [name]: value } });
    return name as FieldName;
  }

  /** Adds an empty line item. */
  addLine(): void {
    this.edit({ lines: [...this.lines, { key: newKey(), productId: '', quantity: '1', unitPrice: '' }] });
  }

  removeLine(index: number): void {
    this.edit({ lines: this.lines.filter((_, position) => position !== index) });
  }

  /** The deal fields in `currency`; with `valid`, only those it names (a draft leaves out what is not valid yet). */
  payload(currency: string, valid?: ReadonlySet<string>): DealFields {
    return buildPayload(this.values, this.lines, { currency, digits: currencyDigits(currency), ...(valid ? { include: (name) => valid.has(name) } : {}) });
  }

  /** Fills the form from a draft left on the device. */
  restore(draft: RegistrationDraft): void {
    this.fromDraft = true;
    this.values = { ...emptyValues(), ...draft.values };
    this.lines = draft.lines;
    this.step = Math.min(Math.max(0, draft.step | 0), STEPS.length - 1);
    this.draftKey = draft.draftKey || newKey();
    this.server = draft.server;
    this.#host.requestUpdate();
  }

  /** Fills the form with a deal's fields, unless it holds the user's own (a restored copy or changes). */
  fill(deal: Deal): void {
    if (this.fromDraft || this.dirty) return;
    ({ values: this.values, lines: this.lines } = formOfDeal(deal, newKey));
    this.#host.requestUpdate();
  }

  /** The form as a draft to store. */
  snapshot(): RegistrationDraft {
    return { values: this.values, lines: this.lines, step: this.step, draftKey: this.draftKey, server: this.server };
  }

  /** The form was submitted: what it holds is the server's now, no longer the user's unsaved work. */
  submitted(): void {
    this.server = undefined;
    this.dirty = false;
    this.fromDraft = false;
  }

  /** Empties the form: a new draft with a new key. */
  clear(): void {
    this.values = emptyValues();
    this.lines = [];
    this.step = 0;
    this.draftKey = newKey();
    this.server = undefined;
    this.dirty = false;
    this.fromDraft = false;
    this.#host.requestUpdate();
  }
}
