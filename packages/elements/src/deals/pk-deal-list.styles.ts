import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';

export const dealListStyles = css`
  :host {
    display: block;
    font-family: var(--pk-deal-list-font, ${token('font-body')});
    color: ${token('color-text')};
    --_border: ${token('color-border')};
    --_muted: ${token('color-text-muted')};
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: ${token('font-size-title')};
    margin-block: 0 0.75rem;
  }
  .scroll {
    overflow-x: auto;
  }
  .scroll:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9375rem;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-block-end: 1px solid var(--_border);
    white-space: nowrap;
  }
  th {
    font-weight: 600;
    color: var(--_muted);
  }
  td.amount,
  th.amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .status {
    display: inline-block;
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    background: ${token('color-neutral-surface')};
    color: ${token('color-neutral-text')};
  }
  .status.approved,
  .status.won {
    background: ${token('color-success-surface')};
    color: ${token('color-success-text')};
  }
  .status.rejected,
  .status.lost,
  .status.expired {
    background: ${token('color-danger-surface')};
    color: ${token('color-danger-text')};
  }
  .status.info_requested {
    background: ${token('color-warning-surface')};
    color: ${token('color-warning-text')};
  }
  .skeleton {
    display: block;
    block-size: 0.875rem;
    inline-size: 6rem;
    border-radius: 4px;
    background: ${token('color-skeleton')};
  }
  .footer {
    display: flex;
    align-items: center;
    gap: 1rem;
    margin-block-start: 0.75rem;
    color: var(--_muted);
  }
  button {
    font: inherit;
    min-block-size: ${token('target-size')};
    padding-inline: 1rem;
    border-radius: ${token('radius')};
    border: 1px solid ${token('color-primary')};
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    cursor: pointer;
  }
  button:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  [role='alert'] {
    padding: 1rem;
    border: 1px solid ${token('color-danger-text')};
    border-radius: ${token('radius')};
    display: grid;
    gap: 0.75rem;
    justify-items: start;
  }
  .reference {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
