import type { ReactiveControllerHost } from 'lit';
import type { Deal, PartnerkitClient, PartnerkitError, Versioned } from '@partnerkit/api';
import { DataController } from '../../core/data-controller.ts';
import { newKey } from '../../core/controllers/local-slot.ts';

type Loaded = Versioned<Deal> & { key: string };

/**
 * The deal a registration form edits (`deal-id`), with its ETag. Each opening of the form
 * (`reopen()`) loads the current version afresh instead of a cached one: the form is changed
 * only from the version it was filled from.
 */
export class EditedDeal {
  readonly #data: DataController<Loaded>;
  readonly #dealId: () => string | undefined;
  /** Identifies this opening of the form. */
  #opening = newKey();

  /** @param dealId the deal to load; undefined while none is edited or the form is not ready. */
  constructor(host: ReactiveControllerHost, options: { client: () => PartnerkitClient | undefined; dealId: () => string | undefined }) {
    this.#dealId = options.dealId;
    this.#data = new DataController<Loaded>(host, {
      client: options.client,
      key: () => this.#key(),
      load: async (client, signal) => {
        const key = this.#key()!;
        return { ...(await client.deals.get(this.#dealId()!, { signal })), key };
      },
    });
  }

  /** The version loaded for this opening, once it arrived. */
  get loaded(): Versioned<Deal> | undefined {
    const value = this.#data.value;
    return value && value.key === this.#key() ? value : undefined;
  }

  /** Why the deal could not be loaded. */
  get error(): PartnerkitError | undefined {
    return this.#data.status === 'error' ? this.#data.error : undefined;
  }

  /** A new opening of the form: the next update loads the deal afresh. */
  reopen(): void {
    this.#opening = newKey();
  }

  /** Loads again after a failure. */
  retry(): void {
    void this.#data.refresh({ force: true });
  }

  #key(): string | undefined {
    const id = this.#dealId();
    return id ? `deal-edit:${id}:${this.#opening}` : undefined;
  }
}
