import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { visuallyHidden } from '../core/shared-styles.ts';

export const dealRegistrationStyles = [
  visuallyHidden,
  css`
  :host {
    display: block;
    container: pk-deal-registration / inline-size;
    font-family: var(--pk-deal-registration-font, ${token('font-body')});
    font-size: ${token('font-size-body')};
    color: ${token('color-text')};
    --_gap: var(--pk-deal-registration-gap, ${token('space-4')});
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    margin-block: 0 ${token('space-3')};
    font-size: ${token('font-size-title')};
    font-family: ${token('font-heading')};
  }
  h3 {
    margin-block: 0 ${token('space-3')};
    font-size: 1.0625rem;
    font-family: ${token('font-heading')};
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 2px;
    border-radius: ${token('radius')};
  }
  h3:focus:not(:focus-visible) {
    outline: none;
  }
  .notice,
  pk-stepper {
    margin-block-end: var(--_gap);
  }
  form {
    display: grid;
    gap: var(--_gap);
  }
  fieldset.steps {
    display: grid;
    gap: calc(var(--_gap) * 1.5);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  section[part~='step'] {
    display: grid;
    gap: var(--_gap);
    align-content: start;
  }
  section[part~='step'] > h3 {
    margin: 0;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: var(--_gap);
    align-items: start;
  }
  .fields .wide {
    grid-column: 1 / -1;
  }
  .lines {
    display: grid;
    gap: ${token('space-3')};
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .lines > legend {
    padding: 0;
    margin-block-end: ${token('space-2')};
    font-weight: 600;
  }
  .line-list {
    display: grid;
    gap: ${token('space-3')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(10rem, 2fr) minmax(6rem, 1fr) minmax(8rem, 1.5fr) auto;
    gap: ${token('space-3')};
    align-items: end;
    margin: 0;
    padding: ${token('space-3')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
    min-inline-size: 0;
  }
  .line > legend {
    padding: 0;
  }
  .line-total {
    grid-column: 1 / -2;
    margin: 0;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-small')};
    font-variant-numeric: tabular-nums;
  }
  .line pk-button {
    grid-column: -2 / -1;
    grid-row: 1;
    align-self: end;
  }
  @container pk-deal-registration (max-width: 40rem) {
    .line {
      grid-template-columns: 1fr;
    }
    .line-total,
    .line pk-button {
      grid-column: auto;
      grid-row: auto;
    }
  }
  .muted {
    margin: 0;
    color: ${token('color-text-muted')};
  }
  .total {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .add {
    justify-self: start;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: ${token('space-2')} ${token('space-4')};
    margin: 0;
  }
  dt {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-small')};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  dd ul {
    margin: 0;
    padding-inline-start: ${token('space-4')};
  }
  .summary {
    display: grid;
    gap: ${token('space-6')};
  }
  .summary-group {
    display: grid;
    gap: ${token('space-2')};
  }
  .summary-group h4 {
    margin: 0;
    font-size: 1rem;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    justify-content: space-between;
    align-items: center;
    padding-block-start: ${token('space-3')};
    border-block-start: 1px solid ${token('color-border')};
  }
  [part~='actions'] .end {
    margin-inline-start: auto;
    display: flex;
    gap: ${token('space-2')};
  }
  [part~='success'] {
    display: grid;
    gap: var(--_gap);
    justify-items: start;
  }
  [part~='success'] p {
    margin: 0;
  }
  .reference {
    font-family: ${token('font-mono')};
  }
  /* Wide containers: two columns of fields side by side. */
  @container pk-deal-registration (min-width: 960px) {
    .fields {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
`,
];
