import { fixture, html, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { PkPortal } from '../../src/portal/pk-portal.ts';

// Helpers of the form-control tests: real key presses through the test runner's browser driver.

const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');

async function command(name: string, payload: unknown): Promise<void> {
  const socket = (await import(/* @vite-ignore */ '/__web-dev-server__web-socket.js' as string)) as {
    sendMessageWaitForResponse: (message: unknown) => Promise<{ executed: boolean; error?: string }>;
  };
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!response.executed || response.error) throw new Error(`${name} failed: ${response.error ?? 'not executed'}`);
}

/** Presses one key (`Tab`, `Shift+Tab`, `ArrowRight`, ` `…) in the focused element. */
export const press = (key: string) => command('send-keys', { press: key });

/** Types text into the focused element, key by key. */
export const type = (text: string) => command('send-keys', { type: text });

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A form in a portal, once translations arrived. */
export async function mountForm(content: ReturnType<typeof html>, locale = 'en-GB', theme = 'light') {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme}><form>${content}</form></pk-portal>`);
  if (!portal.lang) await oneEvent(portal, 'pk-localized');
  const form = portal.querySelector('form')!;
  for (const element of form.querySelectorAll('*')) await (element as Partial<LitElement>).updateComplete;
  return { portal, form };
}

export const inner = (host: Element) => host.shadowRoot!.querySelector('input, select, textarea, button') as HTMLInputElement;
export const errorText = (host: Element) => host.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim();
export const FLAGS = ['valueMissing', 'typeMismatch', 'badInput', 'tooShort', 'tooLong', 'rangeUnderflow', 'rangeOverflow', 'stepMismatch', 'patternMismatch', 'customError'] as const;
export const settle = async (...elements: Element[]) => {
  for (const element of elements) await (element as LitElement).updateComplete;
};

