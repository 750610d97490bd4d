// One JSON value in `localStorage`, read and written quietly: where storage is blocked or full,
// forms keep working and only lose what a reload would have kept.

/** The browser's `localStorage`, or undefined where reading it throws (sandboxed frames, privacy modes). */
export function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads and parses `key`; undefined when absent, unreadable or not JSON. */
export function readSlot(storage: Storage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `value` as JSON under `key`. */
export function writeSlot(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked storage: nothing survives a reload, the rest works.
  }
}

/** Removes `key`. */
export function clearSlot(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // As above.
  }
}

/** A new random key (Idempotency-Key, draft key, row key). */
export function newKey(): string {
  return crypto.randomUUID();
}
