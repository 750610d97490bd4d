import { html, nothing, type TemplateResult } from 'lit';
import type { Deal } from '@partnerkit/api';
import { STEPS } from './deal-form-fields.ts';
import { renderCustomer, type Conflict } from './render-customer.ts';
import { renderPending, renderQuestion, renderRestored } from './render-notices.ts';
import { renderOpportunity } from './render-opportunity.ts';
import { renderReview } from './render-review.ts';
import type { RegistrationView } from './registration-view.ts';

/** `editing`: the user may change the form; `sending`: a submission is under way; `pending`: it waits to be sent again. */
export type FormPhase = 'editing' | 'sending' | 'pending';

export interface FormState {
  phase: FormPhase;
  /** One step at a time (with Back and Next), or every section on one page. */
  stepped: boolean;
  step: number;
  /** The edited deal (its question shows), if any. */
  deal: Deal | undefined;
  /** When the restored draft was saved, while its notice shows. */
  restoredAt: string | undefined;
  conflicts: readonly Conflict[];
  /** A submission error not tied to a field. */
  error: string;
  /** Label of the restored notice's button. */
  discardLabel: string;
}

export interface FormActions {
  onSubmit: (event: Event) => void;
  onField: (event: Event) => void;
  onDiscard: () => void;
  onRetry: () => void;
  onBack: () => void;
  onNext: () => void;
  onAddLine: () => void;
  onRemoveLine: (index: number) => void;
}

/** The form with its notices (question, restored draft, waiting submission), stepper, sections and actions. */
export function renderForm(view: RegistrationView, state: FormState, actions: FormActions): TemplateResult {
  const { stepped, step, phase } = state;
  const { t } = view;
  const hidden = (section: number) => stepped && step !== section;
  return html`
    ${renderQuestion(view, state.deal)} ${state.restoredAt ? renderRestored(view, state.restoredAt, state.discardLabel, actions.onDiscard) : nothing}
    ${phase === 'pending' ? renderPending(view, actions.onRetry) : nothing}
    ${stepped ? html`<pk-stepper .steps=${STEPS.map((name) => t(`steps.${name}`))} current=${step + 1} label=${t('stepsLabel')}></pk-stepper>` : nothing}
    <form part="form" novalidate aria-labelledby="title" @submit=${actions.onSubmit} @input=${actions.onField} @change=${actions.onField}>
      <fieldset class="steps" ?disabled=${phase !== 'editing'}>
        ${renderCustomer(view, hidden(0), state.conflicts)} ${renderOpportunity(view, hidden(1), { onAdd: actions.onAddLine, onRemove: actions.onRemoveLine })}
        ${renderReview(view, hidden(2))}
      </fieldset>
      ${state.error ? html`<pk-alert part="error" variant="danger">${state.error}</pk-alert>` : nothing} ${renderActions(view, state, actions)}
    </form>
  `;
}

/** Back and Next in steps; Submit (or Resubmit) on the last step or the single page; nothing to submit while a submission waits. */
function renderActions(view: RegistrationView, state: FormState, actions: FormActions): TemplateResult {
  const { stepped, step, phase } = state;
  const last = !stepped || step === STEPS.length - 1;
  const submit = html`<pk-button type="submit" ?loading=${phase === 'sending'}>${view.t(state.deal?.status === 'info_requested' ? 'action.resubmit' : 'action.submit')}</pk-button>`;
  return html`<div part="actions">
    ${stepped && step > 0 ? html`<pk-button type="button" variant="secondary" ?disabled=${phase !== 'editing'} @click=${actions.onBack}>${view.t('action.back')}</pk-button>` : nothing}
    <div class="end">${last ? (phase === 'pending' ? nothing : submit) : html`<pk-button type="button" @click=${actions.onNext}>${view.t('action.next')}</pk-button>`}</div>
  </div>`;
}
