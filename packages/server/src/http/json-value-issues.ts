import type { ContractIssue } from '@partnerkit/api/contract';

/**
 * The issues `check` finds in the JSON text that `JSON.stringify(value)` writes, without
 * writing and re-reading it when that is not needed: plain JSON data is checked as it is, and
 * only a value that is not plain (a `Date`, `NaN`, a class instance) or that fails is checked
 * in its serialized form. The verdict is always the one on the wire.
 */
export function jsonValueIssues(value: unknown, check: (body: unknown) => ContractIssue[]): ContractIssue[] {
  if (isPlainJson(value)) {
    const issues = check(value);
    // A property holding `undefined` is absent on the wire but may count as present here.
    if (issues.length === 0) return issues;
  }
  const text = JSON.stringify(value) as string | undefined;
  return check(text === undefined ? undefined : (JSON.parse(text) as unknown));
}

/** Whether `JSON.stringify` writes exactly this value's own data: no `toJSON`, nothing turned into null. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && !isPlainJson(item)) return false;
  }
  return true;
}
