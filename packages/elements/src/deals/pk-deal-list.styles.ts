import { css } from 'lit';

export const dealListStyles = css`
  :host {
    display: block;
    font-family: var(--pk-deal-list-font, var(--pk-font-body, system-ui, sans-serif));
    color: var(--pk-color-text, #1f2328);
    --_border: var(--pk-color-border, #d0d7de);
    --_muted: var(--pk-color-text-muted, #57606a);
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: var(--pk-font-size-title, 1.25rem);
    margin-block: 0 0.75rem;
  }
  .scroll {
    overflow-x: auto;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--pk-color-focus, #0a58ca);
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
    background: var(--pk-color-neutral-surface, #eaeef2);
    color: var(--pk-color-neutral-text, #24292f);
  }
  .status.approved,
  .status.won {
    background: var(--pk-color-success-surface, #dafbe1);
    color: var(--pk-color-success-text, #116329);
  }
  .status.rejected,
  .status.lost,
  .status.expired {
    background: var(--pk-color-danger-surface, #ffebe9);
    color: var(--pk-color-danger-text, #a40e26);
  }
  .status.info_requested {
    background: var(--pk-color-warning-surface, #fff8c5);
    color: var(--pk-color-warning-text, #6f4400);
  }
  .skeleton {
    display: block;
    block-size: 0.875rem;
    inline-size: 6rem;
    border-radius: 4px;
    background: var(--pk-color-skeleton, #eaeef2);
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
    min-block-size: 2.75rem;
    padding-inline: 1rem;
    border-radius: var(--pk-radius, 6px);
    border: 1px solid var(--pk-color-primary, #0a58ca);
    background: var(--pk-color-primary, #0a58ca);
    color: var(--pk-color-on-primary, #ffffff);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--pk-color-focus, #0a58ca);
    outline-offset: 2px;
  }
  [role='alert'] {
    padding: 1rem;
    border: 1px solid var(--pk-color-danger-text, #a40e26);
    border-radius: var(--pk-radius, 6px);
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
