// Real keyboard, mouse and media emulation through the test runner's built-in server commands
// (the same ones @web/test-runner-commands wraps), for behaviour synthetic events cannot reach:
// a native <dialog>'s Escape, Tab order, hover.

const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');

async function command<T = unknown>(name: string, payload: unknown): Promise<T> {
  const socket = (await import(/* @vite-ignore */ '/__web-dev-server__web-socket.js' as string)) as {
    sendMessageWaitForResponse: (message: unknown) => Promise<{ executed: boolean; result: T }>;
  };
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!response.executed) throw new Error(`test runner command ${name} is not available`);
  return response.result;
}

/** Presses a key (`Tab`, `Shift+Tab`, `ArrowRight`, `Escape`…) as the user would. */
export const press = (key: string) => command('send-keys', { press: key });

/** Moves the real mouse to the middle of an element. */
export async function hover(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await command('send-mouse', { type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** Moves the real mouse off into a corner. */
export const unhover = () => command('send-mouse', { type: 'move', position: [0, 0] });

/** Emulates `prefers-reduced-motion`, `prefers-color-scheme`… */
export const emulateMedia = (media: { reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark' }) => command('emulate-media', media);

/** The focused element, through shadow roots. */
export function activeElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

interface AxeGlobal {
  setup: (node: Node) => unknown;
  teardown: () => void;
  utils: { getNodeFromTree: (node: Node) => unknown };
  commons: { text: { accessibleTextVirtual: (node: unknown) => string } };
}

/** An element's accessible name as axe computes it (through shadow roots and slots). */
export async function accessibleName(element: Element): Promise<string> {
  // Registers window.axe (the same copy the `accessible()` assertion uses).
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: AxeGlobal }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(element)).trim();
  } finally {
    axe.teardown();
  }
}

/** A short description of an element for assertion messages (chai's own can stall on big trees). */
function describe(element: Element | null): string {
  if (!element) return 'nothing';
  const classes = element.getAttribute('class') ? `.${element.getAttribute('class')!.split(/\s+/).join('.')}` : '';
  const part = element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : '';
  return `<${element.localName}${classes}${part}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;
}

/** Asserts where focus is, through shadow roots. */
export function expectFocusOn(element: Element | null | undefined, message = ''): void {
  const active = activeElement();
  if (active !== element) {
    throw new Error(`${message ? `${message}: ` : ''}expected focus on ${describe(element ?? null)}, but it is on ${describe(active)}`);
  }
}
