import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { visuallyHiddenRules } from '../core/shared-styles.ts';

/** Label, hint, error and field chrome shared by every form control. */
export const formControlStyles = css`
  :host {
    display: block;
    font-family: ${token('font-body')};
    font-size: ${token('font-size-body')};
    color: ${token('color-text')};
    --_border: var(--pk-field-border-color, ${token('color-text-muted')});
    --_background: var(--pk-field-background, ${token('color-surface')});
    --_radius: var(--pk-field-radius, ${token('radius')});
    --_danger: ${token('color-danger-text')};
    --_focus: ${token('focus-ring-width')} solid ${token('color-focus')};
    --_min-size: 2.5rem;
  }
  @media (pointer: coarse) {
    :host {
      --_min-size: max(2.5rem, ${token('target-size')});
    }
  }
  [hidden] {
    display: none !important;
  }
  .form-control {
    display: flex;
    flex-direction: column;
    gap: ${token('space-1')};
  }
  label,
  .label {
    font-weight: 600;
    inline-size: fit-content;
  }
  .required {
    font-weight: 400;
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
    margin-inline-start: ${token('space-2')};
  }
  .hint {
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
  }
  .error {
    display: none;
    align-items: flex-start;
    gap: ${token('space-1')};
    font-size: ${token('font-size-small')};
    font-weight: 600;
    color: var(--_danger);
  }
  .error.shown {
    display: flex;
  }
  .error-icon {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    margin-block-start: 0.15em;
  }
  .field {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-block-size: var(--_min-size);
    box-sizing: border-box;
    padding-inline: ${token('space-3')};
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field:focus-within {
    outline: var(--_focus);
    outline-offset: 1px;
  }
  .invalid .field {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  /* Only the native control fades (axe exempts disabled controls); units and currency keep their contrast. */
  .field.disabled {
    border-style: dashed;
    background: ${token('color-surface-variant')};
    cursor: not-allowed;
  }
  .field.disabled > :is(input, select, textarea) {
    opacity: 0.7;
    cursor: not-allowed;
  }
  .field input,
  .field select,
  .field textarea {
    flex: 1;
    min-inline-size: 0;
    align-self: stretch;
    border: 0;
    padding: 0;
    margin: 0;
    background: transparent;
    color: inherit;
    font: inherit;
  }
  .field input:focus,
  .field select:focus,
  .field textarea:focus {
    outline: none;
  }
  ::placeholder {
    color: ${token('color-text-muted')};
    opacity: 1;
  }
  .affix {
    color: ${token('color-text-muted')};
    display: inline-flex;
    align-items: center;
  }
  .visually-hidden {
    ${visuallyHiddenRules}
    position: absolute !important;
  }
`;
