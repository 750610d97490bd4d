import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';

/** `<pk-combobox>`'s own styles, on top of the form controls' shared ones. */
export const comboboxStyles = css`
  .anchor {
    position: relative;
  }
  input {
    min-block-size: var(--_min-size);
  }
  .chevron {
    flex: none;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    color: ${token('color-text-muted')};
  }
  [part='popup'] {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + 0.25rem);
    box-sizing: border-box;
    background: var(--_background);
    color: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: ${token('shadow-2')};
  }
  /* The listbox itself scrolls: the combobox pattern gives it no focus of its own. */
  [part='listbox'] {
    box-sizing: border-box;
    max-block-size: var(--pk-combobox-popup-max-height, 18rem);
    overflow: auto;
    overscroll-behavior: contain;
    margin: 0;
    padding: 0.25rem;
    list-style: none;
  }
  [part~='option'] {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.125rem;
    min-block-size: 2.25rem;
    box-sizing: border-box;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  [part~='option']:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  [part~='option-active'],
  [part~='option-active']:hover {
    background: var(--pk-combobox-active-background, color-mix(in srgb, ${token('color-primary')} 14%, var(--_background)));
    outline: 2px solid ${token('color-primary')};
    outline-offset: -2px;
  }
  [part='description'] {
    font-size: ${token('font-size-small')};
    color: ${token('color-text-muted')};
  }
  [part~='option-active'] [part='description'] {
    color: inherit;
  }
  [part='message'] {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    color: ${token('color-text-muted')};
  }
  @media (pointer: coarse) {
    [part~='option'] {
      min-block-size: ${token('target-size')};
    }
  }
  @media (forced-colors: active) {
    [part~='option-active'] {
      outline-color: Highlight;
    }
  }
`;
