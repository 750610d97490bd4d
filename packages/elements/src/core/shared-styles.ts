import { css } from 'lit';

/** The declarations that hide an element on screen and keep it for screen readers, for any selector. */
export const visuallyHiddenRules = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** Hidden on screen, read by screen readers: `class="visually-hidden"`. */
export const visuallyHidden = css`
  .visually-hidden {
    ${visuallyHiddenRules}
  }
`;
