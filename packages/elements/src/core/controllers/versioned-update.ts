import { isPartnerkitError, type Versioned } from '@partnerkit/api';

/**
 * The record changed on the server since the version the change was made from (412), and the
 * change was not applied. `current` is the version now on the server (undefined when it could
 * not be read): the form stands on it, and a second, deliberate submission replaces it knowingly.
 */
export class VersionConflictError<T> extends Error {
  readonly current: Versioned<T> | undefined;

  constructor(current: Versioned<T> | undefined) {
    super('The record changed elsewhere since it was read.');
    this.current = current;
    this.name = 'VersionConflictError';
  }
}

export interface VersionedUpdateOptions<T, R> {
  /** The version (ETag) the change was made from; undefined: whatever is current (read first). */
  ifMatch?: string | undefined;
  /** Reads the current version. */
  load: () => Promise<Versioned<T>>;
  /** Applies the change with `If-Match: ifMatch`. */
  update: (ifMatch: string) => Promise<R>;
  /**
   * On 412: `replace` reads the current version and applies the change once more (for the
   * user's own data, e.g. an autosaved draft); `ask` reads it and throws `VersionConflictError`
   * with it, so nothing someone else changed is overwritten unasked.
   */
  onConflict: 'replace' | 'ask';
}

/** Whether `error` is the server's "changed since you read it" (412 Precondition Failed). */
export function isVersionConflict(error: unknown): boolean {
  return isPartnerkitError(error) && error.status === 412;
}

/**
 * An update under optimistic concurrency (If-Match), with the one answer to "changed elsewhere":
 * reload, then either apply again on the current version or tell the caller.
 */
export async function versionedUpdate<T, R>(options: VersionedUpdateOptions<T, R>): Promise<R> {
  const ifMatch = options.ifMatch ?? (await options.load()).etag;
  try {
    return await options.update(ifMatch);
  } catch (error) {
    if (!isVersionConflict(error)) throw error;
    if (options.onConflict === 'replace') return options.update((await options.load()).etag);
    let current: Versioned<T> | undefined;
    try {
      current = await options.load();
    } catch {
      // Unread, the next submission finds out again.
    }
    throw new VersionConflictError(current);
  }
}
