import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One choice of a select or radio group. */
export interface ChoiceOption {
  value: string;
  label: string;
  disabled?: boolean;
  /** Label of the `<optgroup>` the option belongs to (selects only). */
  group?: string;
}

/** The options declared as light-DOM `<option>` children (in `<optgroup>`s or not). */
export function readChildOptions(host: Element): { options: ChoiceOption[]; selected: string | undefined } {
  const options: ChoiceOption[] = [];
  let selected: string | undefined;
  for (const option of host.querySelectorAll(':scope > option, :scope > optgroup > option')) {
    const element = option as HTMLOptionElement;
    const group = element.parentElement instanceof HTMLOptGroupElement ? element.parentElement.label : undefined;
    options.push({
      value: element.value,
      label: element.label || element.textContent?.trim() || element.value,
      ...(element.disabled || (element.parentElement instanceof HTMLOptGroupElement && element.parentElement.disabled) ? { disabled: true } : {}),
      ...(group ? { group } : {}),
    });
    if (element.hasAttribute('selected')) selected = element.value;
  }
  return { options, selected };
}

/** Re-reads child `<option>`s whenever the light DOM changes. */
export class ChildOptionsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onChange: () => void;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#onChange());
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'label', 'disabled', 'selected'] });
    this.#onChange();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
