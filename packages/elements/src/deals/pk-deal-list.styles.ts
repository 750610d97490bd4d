import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { visuallyHidden } from '../core/shared-styles.ts';

export const dealListStyles = [
  visuallyHidden,
  css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--pk-deal-list-gap, ${token('space-3')});
    min-inline-size: 0;
    font-family: var(--pk-deal-list-font, ${token('font-body')});
    font-size: ${token('font-size-body')};
    color: ${token('color-text')};
    --_border: ${token('color-border')};
    --_muted: ${token('color-text-muted')};
    --_radius: ${token('radius')};
    --_focus: ${token('focus-ring-width')} solid ${token('color-focus')};
    --_control: max(2.25rem, 24px);
  }
  [hidden] {
    display: none !important;
  }
  @media (pointer: coarse) {
    :host {
      --_control: max(2.25rem, ${token('target-size')});
    }
  }
  h2 {
    font-family: ${token('font-heading')};
    font-size: ${token('font-size-title')};
    margin: 0;
  }
  p {
    margin: 0;
  }

  /* ---- toolbar ---- */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: ${token('space-2')} ${token('space-3')};
  }
  .search {
    display: grid;
    gap: ${token('space-1')};
    flex: 1 1 14rem;
    min-inline-size: 0;
    max-inline-size: 24rem;
  }
  .search label {
    font-size: ${token('font-size-small')};
    font-weight: 600;
  }
  input[type='search'] {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--_control);
    padding-block: 0;
    padding-inline: ${token('space-3')};
    border: 1px solid ${token('color-text-muted')};
    border-radius: var(--_radius);
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }
  .presets,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
  }
  .actions {
    margin-inline-start: auto;
  }
  button,
  summary {
    font: inherit;
    box-sizing: border-box;
    min-block-size: var(--_control);
    min-inline-size: 24px;
    padding-block: 0;
    padding-inline: ${token('space-4')};
    border-radius: var(--_radius);
    border: 1px solid ${token('color-primary')};
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    cursor: pointer;
  }
  button.secondary,
  button.toggle,
  summary {
    background: ${token('color-surface')};
    color: ${token('color-text')};
    border-color: ${token('color-text-muted')};
  }
  button.toggle[aria-pressed='true'] {
    background: ${token('color-primary')};
    border-color: ${token('color-primary')};
    color: ${token('color-on-primary')};
  }
  /* The pressed state has a shape too, not only a colour. */
  button.toggle::before {
    content: '';
    display: inline-block;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    margin-inline-end: ${token('space-2')};
    border: 1.5px solid currentColor;
    border-radius: 50%;
    vertical-align: middle;
  }
  button.toggle[aria-pressed='true']::before {
    background: currentColor;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  button:focus-visible,
  summary:focus-visible,
  input:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .status-filter {
    position: relative;
  }
  summary {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-2')};
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  .chevron {
    inline-size: 1rem;
    block-size: 1rem;
    flex: none;
  }
  .status-filter[open] .chevron {
    transform: rotate(180deg);
  }
  fieldset {
    position: absolute;
    z-index: 3;
    inset-block-start: calc(100% + ${token('space-1')});
    inset-inline-start: 0;
    display: grid;
    gap: ${token('space-1')};
    min-inline-size: 14rem;
    margin: 0;
    padding: ${token('space-2')};
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: ${token('color-surface')};
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }
  .check {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-block-size: var(--_control);
    padding-inline: ${token('space-2')};
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .check:hover {
    background: ${token('color-surface-variant')};
  }
  .check input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: ${token('color-primary')};
  }

  /* ---- table, states, footer ---- */
  pk-data-table {
    min-block-size: 0;
  }
  .empty {
    display: grid;
    justify-items: start;
    gap: ${token('space-3')};
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2')} ${token('space-4')};
    color: var(--_muted);
  }
  .footer:empty {
    display: none;
  }
  .export-error {
    color: ${token('color-danger-text')};
  }
  @media (forced-colors: active) {
    button.toggle[aria-pressed='true'] {
      border-width: 3px;
    }
  }
`,
];
