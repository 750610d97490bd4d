import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { visuallyHidden, visuallyHiddenRules } from '../core/shared-styles.ts';

/**
 * Table layout with grid rows (the virtualizer positions body rows absolutely, so rows cannot
 * be table rows), a sticky header and, in a narrow container, cards with a label per cell.
 *
 * Notes on the rules are here rather than in the CSS, which ships as written:
 * - Virtualised, the scroll area has a fixed height (the maximum), so rendering rows never
 *   resizes it, and a stable scrollbar gutter: a scrollbar appearing would resize the content box
 *   the virtualizer observes.
 * - Reloading with rows shown: a moving bar under the header (a still one for reduced motion).
 * - Narrow containers (`@container`): every row is a card, every cell a label and a value; the
 *   header row becomes a bar of sort buttons (and select-all), the other headers stay for screen
 *   readers.
 */
export const dataTableStyles = [
  visuallyHidden,
  // The UA stylesheet gives rows and cells `vertical-align: inherit`, and sections and rows
  // `border-color: inherit`. A child that inherits a property explicitly is restyled whenever its
  // parent's style changes, and while scrolling the virtualizer changes the body's height and the
  // rows' transforms every frame: without this, every row, and every cell of the rows that moved,
  // was restyled in every frame. (Neither property does anything here: no cell is a table cell,
  // and the borders that show set their own colour, in the rules below.)
  css`
    thead,
    tbody,
    tr,
    th,
    td {
      vertical-align: baseline;
      border-color: currentcolor;
    }
  `,
  css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    font-family: var(--pk-data-table-font, ${token('font-body')});
    font-size: ${token('font-size-body')};
    color: ${token('color-text')};
    --_border: var(--pk-data-table-border-color, ${token('color-border')});
    --_background: var(--pk-data-table-background, ${token('color-surface')});
    --_header-background: var(--pk-data-table-header-background, ${token('color-surface-variant')});
    --_hover: var(--pk-data-table-row-hover-background, ${token('color-surface-variant')});
    --_selected: var(--pk-data-table-row-selected-background, color-mix(in srgb, ${token('color-primary')} 12%, ${token('color-surface')}));
    --_focus: ${token('focus-ring-width')} solid ${token('color-focus')};
    --_s1: ${token('space-1')};
    --_s2: ${token('space-2')};
    --_s3: ${token('space-3')};
    --_radius: ${token('radius')};
    --_target: ${token('target-size')};
    --_small: ${token('font-size-small')};
    --_muted: ${token('color-text-muted')};
    --_select-size: 2.75rem;
    --_row-min: 2.75rem;
  }
  @media (pointer: coarse) {
    :host {
      --_select-size: max(2.75rem, var(--_target));
      --_row-min: max(2.75rem, var(--_target));
    }
  }
  .base {
    container: pk-data-table / inline-size;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  .scroll {
    flex: 1 1 auto;
    min-block-size: 0;
    max-block-size: var(--pk-data-table-max-height, 32rem);
    overflow: auto;
    overscroll-behavior: contain;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--pk-data-table-radius, var(--_radius));
  }
  .scroll.virtual {
    block-size: var(--pk-data-table-max-height, 32rem);
    scrollbar-gutter: stable;
  }
  .scroll:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  table {
    display: block;
    inline-size: 100%;
    border-spacing: 0;
  }
  thead {
    display: block;
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    background: var(--_header-background);
    border-block-end: 1px solid var(--_border);
  }
  tbody {
    display: block;
  }
  tbody[hidden] {
    display: none !important;
  }
  .virtual .row {
    inset-inline: 0;
  }
  tr {
    display: grid;
    grid-template-columns: var(--_columns, repeat(auto-fit, minmax(0, 1fr)));
    align-items: center;
    min-block-size: var(--_row-min);
    box-sizing: border-box;
  }
  th,
  td {
    display: block;
    box-sizing: border-box;
    min-inline-size: 0;
    padding-block: var(--_s2);
    padding-inline: var(--_s3);
    text-align: start;
    overflow-wrap: anywhere;
  }
  th {
    font-size: var(--_small);
    font-weight: 600;
  }
  .end {
    text-align: end;
  }
  .row {
    background: var(--_background);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
  }
  .row:hover {
    background: var(--_hover);
  }
  .row.selected {
    background: var(--_selected);
  }
  .row:focus {
    outline: none;
  }
  .row:focus-visible {
    outline: var(--_focus);
    outline-offset: calc(-1 * ${token('focus-ring-width')});
  }
  .sortable {
    padding-block: var(--_s1);
    padding-inline: var(--_s1);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_s1);
    inline-size: 100%;
    min-block-size: 2rem;
    min-inline-size: 24px;
    box-sizing: border-box;
    padding-block: var(--_s1);
    padding-inline: var(--_s2);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: inherit;
    cursor: pointer;
  }
  .end .sort {
    justify-content: flex-end;
  }
  .sort:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .sort:focus-visible {
    outline: var(--_focus);
    outline-offset: -1px;
  }
  .sort-icon {
    flex: none;
    inline-size: 0.875rem;
    block-size: 0.875rem;
  }
  .select {
    display: grid;
    place-items: center;
    padding: 0;
  }
  .hit {
    display: grid;
    place-items: center;
    min-inline-size: 24px;
    min-block-size: 24px;
    cursor: pointer;
  }
  .hit input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: ${token('color-primary')};
    cursor: pointer;
  }
  .hit input:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .card-label {
    display: none;
  }
  .skeleton-row {
    border-block-end: 1px solid var(--_border);
  }
  .skeleton {
    display: block;
    block-size: 0.875rem;
    border-radius: var(--_radius);
    background: ${token('color-skeleton')};
  }
  .empty {
    padding-block: ${token('space-6')};
    padding-inline: ${token('space-4')};
    text-align: center;
    color: var(--_muted);
  }
  :host([loading]) thead::after {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-end: -1px;
    block-size: 3px;
    background: linear-gradient(90deg, transparent, ${token('color-primary')}, transparent) no-repeat;
    background-size: 40% 100%;
    animation: busy 1.2s linear infinite;
  }
  @keyframes busy {
    from {
      background-position: -60% 0;
    }
    to {
      background-position: 160% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host([loading]) thead::after {
      animation: none;
      background: ${token('color-primary')};
    }
  }
  @media (pointer: coarse) {
    .sort,
    .hit {
      min-block-size: var(--_target);
      min-inline-size: var(--_target);
    }
  }
  @media (forced-colors: active) {
    .row.selected {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .skeleton {
      background: GrayText;
    }
  }

  @container pk-data-table (max-width: 40rem) {
    thead tr {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s1);
      padding: var(--_s1);
    }
    thead th:not(.sortable):not(.select) {
      ${visuallyHiddenRules}
      padding: 0;
    }
    thead th.sortable {
      padding: 0;
    }
    .sort {
      inline-size: auto;
    }
    .row {
      grid-template-columns: minmax(0, 1fr);
      row-gap: var(--_s1);
      margin-block: var(--_s2) 0;
      margin-inline: var(--_s2);
      padding-block: var(--_s2);
      padding-inline: var(--_s3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: ${token('shadow-1')};
    }
    .row.selectable {
      padding-inline-end: calc(var(--_select-size) + var(--_s2));
    }
    .row td {
      display: grid;
      grid-template-columns: minmax(6rem, 35%) minmax(0, 1fr);
      align-items: baseline;
      gap: var(--_s2);
      padding: 0;
      text-align: start;
    }
    .row td.select {
      position: absolute;
      inset-block-start: var(--_s1);
      inset-inline-end: var(--_s1);
      display: grid;
      inline-size: var(--_select-size);
      block-size: var(--_select-size);
    }
    .card-label {
      display: block;
      font-size: var(--_small);
      font-weight: 600;
      color: var(--_muted);
    }
    .skeleton-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`,
];
