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

/** The focused Partnerkit host: the outermost element whose shadow root holds the focus. */
export const activeHost = () => document.activeElement;

/** Resolves after the next animation frame (renders settle). */
export const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
