import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { visuallyHidden } from '../core/shared-styles.ts';
import { stateNoticeStyles } from '../core/render-states.ts';

export const reviewQueueStyles = [
  visuallyHidden,
  stateNoticeStyles,
  css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: ${token('font-body')};
    color: ${token('color-text')};
  }
  h2 {
    font-size: ${token('font-size-title')};
    margin-block: 0 ${token('space-3')};
  }
  h3 {
    font-size: 1rem;
    margin-block: 0 ${token('space-2')};
  }
  .layout {
    display: grid;
    gap: ${token('space-4')};
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(16rem, 1fr) 2fr;
      align-items: start;
    }
  }
  .queue {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  .queue li {
    display: grid;
    gap: ${token('space-1')};
    padding: ${token('space-3')};
    border-block-end: 1px solid ${token('color-border')};
    cursor: pointer;
    min-block-size: ${token('target-size')};
  }
  .queue li:last-child {
    border-block-end: none;
  }
  .queue li[aria-selected='true'] {
    background: ${token('color-surface-variant')};
    box-shadow: inset 4px 0 0 ${token('color-primary')};
  }
  :host(:dir(rtl)) .queue li[aria-selected='true'] {
    box-shadow: inset -4px 0 0 ${token('color-primary')};
  }
  .queue li:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: -3px;
  }
  .company {
    font-weight: 600;
  }
  .meta,
  .age {
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
  }
  .age {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    align-items: center;
  }
  .age.overdue {
    color: ${token('color-danger-text')};
  }
  .review {
    display: grid;
    gap: ${token('space-4')};
  }
  .scroll {
    overflow-x: auto;
  }
  .scroll:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: ${token('font-size-small')};
  }
  th,
  td {
    text-align: start;
    padding: ${token('space-2')};
    border-block-end: 1px solid ${token('color-border')};
  }
  tr.this {
    background: ${token('color-surface-variant')};
  }
`,
];
