import { css } from 'lit';
import { token } from '../core/theme/tokens.ts';

export const dialogStyles = css`
  :host {
    display: contents;
    --_duration: 0.2s;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(var(--pk-dialog-width, 36rem), calc(100vw - 2rem));
    max-inline-size: calc(100vw - 2rem);
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid ${token('color-border')};
    border-radius: var(--pk-dialog-radius, ${token('radius')});
    background: ${token('color-surface')};
    color: ${token('color-text')};
    color-scheme: ${token('color-scheme')};
    box-shadow: ${token('shadow-2')};
    font-family: ${token('font-body')};
    font-size: ${token('font-size-body')};
    line-height: 1.5;
    overflow: hidden;
    opacity: 1;
    transform: none;
    transition:
      opacity var(--_duration) ease-out,
      transform var(--_duration) ease-out,
      overlay var(--_duration) allow-discrete,
      display var(--_duration) allow-discrete;
  }
  dialog:not([open]) {
    opacity: 0;
    transform: scale(0.97);
  }
  @starting-style {
    dialog[open] {
      opacity: 0;
      transform: scale(0.97);
    }
  }
  :host([size='small']) dialog {
    inline-size: min(var(--pk-dialog-width, 24rem), calc(100vw - 2rem));
  }
  :host([size='large']) dialog {
    inline-size: min(var(--pk-dialog-width, 56rem), calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: var(--pk-dialog-backdrop, rgb(0 0 0 / 0.5));
    opacity: 1;
    transition:
      opacity var(--_duration) ease-out,
      overlay var(--_duration) allow-discrete,
      display var(--_duration) allow-discrete;
  }
  dialog:not([open])::backdrop {
    opacity: 0;
  }
  @starting-style {
    dialog[open]::backdrop {
      opacity: 0;
    }
  }
  .panel {
    display: flex;
    flex-direction: column;
    max-block-size: inherit;
    block-size: 100%;
    box-sizing: border-box;
  }
  [part='header'] {
    display: flex;
    align-items: flex-start;
    gap: ${token('space-3')};
    padding-block: ${token('space-4')} ${token('space-2')};
    padding-inline: ${token('space-6')} ${token('space-4')};
  }
  [part='heading'] {
    flex: 1;
    min-inline-size: 0;
    align-self: center;
    font-family: ${token('font-heading')};
    font-size: ${token('font-size-title')};
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='heading'] ::slotted(*) {
    margin: 0;
    font: inherit;
  }
  [part='body'] {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    padding-block: ${token('space-2')} ${token('space-4')};
    padding-inline: ${token('space-6')};
  }
  [part='body']:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: -${token('focus-ring-width')};
  }
  [part='footer'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${token('space-2')};
    padding-block: ${token('space-3')};
    padding-inline: ${token('space-6')};
    border-block-start: 1px solid ${token('color-border')};
  }
  [part='footer'].empty {
    display: none;
  }
  @media (prefers-reduced-motion: reduce) {
    dialog,
    dialog::backdrop {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    dialog {
      border-color: CanvasText;
    }
  }
`;

/** The drawer's differences: full height at the inline-end edge, sliding in from there. */
export const drawerStyles = css`
  :host {
    --_from: 100%;
    --_duration: 0.25s;
  }
  :host(:dir(rtl)) {
    --_from: -100%;
  }
  dialog {
    inline-size: min(var(--pk-drawer-width, 28rem), 100vw);
    max-inline-size: 100vw;
    block-size: 100dvh;
    max-block-size: 100dvh;
    margin-block: 0;
    margin-inline: auto 0;
    border-block: 0;
    border-inline-end: 0;
    border-radius: 0;
    opacity: 1;
    transform: none;
  }
  :host([size='small']) dialog {
    inline-size: min(var(--pk-drawer-width, 20rem), 100vw);
  }
  :host([size='large']) dialog {
    inline-size: min(var(--pk-drawer-width, 44rem), 100vw);
  }
  dialog:not([open]) {
    opacity: 1;
    transform: translateX(var(--_from));
  }
  @starting-style {
    dialog[open] {
      opacity: 1;
      transform: translateX(var(--_from));
    }
  }
  [part='body'] {
    padding-block-end: ${token('space-6')};
  }
`;
