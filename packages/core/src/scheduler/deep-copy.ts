/**
 * A deep copy of plain data as stores keep it: objects, arrays, `Date`s and byte arrays are
 * copied; functions (a media stream factory) are shared, since a function cannot be copied and
 * calling it never changes the store. Stores hand copies in and out so that a caller who changes
 * an entry it got (or gave) never changes what the store holds.
 *
 * `structuredClone` would do most of this, but throws on the stream factory a post may carry.
 *
 * @param value - the value to copy
 * @returns the copy
 */
export function deepCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  // slice() copies the bytes (a Buffer's own slice() would share them).
  if (value instanceof Uint8Array) return Uint8Array.prototype.slice.call(value);
  if (Array.isArray(value)) return value.map(copyValue);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyValue(item);
  return copy;
}
