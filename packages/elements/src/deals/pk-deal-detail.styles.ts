import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { visuallyHidden } from '../core/shared-styles.ts';
import { stateNoticeStyles } from '../core/render-states.ts';

export const dealDetailStyles = [
  visuallyHidden,
  stateNoticeStyles,
  css`
  :host {
    display: block;
    font-family: ${token('font-body')};
    color: ${token('color-text')};
  }
  h2 {
    font-size: ${token('font-size-title')};
    margin: 0;
  }
  h3 {
    font-size: 1rem;
    margin-block: ${token('space-4')} ${token('space-2')};
  }
  header {
    display: grid;
    gap: ${token('space-1')};
    justify-items: start;
  }
  .reference,
  .subtitle,
  .meta {
    margin: 0;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-small')};
  }
  .decision {
    margin-block: ${token('space-3')};
    padding: ${token('space-3')};
    border-inline-start: 4px solid ${token('color-primary')};
    background: ${token('color-surface-variant')};
  }
  .decision p {
    margin: 0;
  }
  .actions,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    margin-block: ${token('space-3')};
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: ${token('space-4')};
  }
  dl {
    margin: 0;
    display: grid;
    gap: ${token('space-2')};
  }
  dt {
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .notes {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 2px solid ${token('color-border')};
  }
  .timeline li {
    display: grid;
    gap: ${token('space-1')};
    padding-block: ${token('space-2')};
    padding-inline-start: ${token('space-4')};
  }
  .event {
    font-weight: 600;
  }
  .note {
    overflow-wrap: anywhere;
  }
`,
];
