/**
 * What a value is, for a message: its kind, never its content (it may hold anything, a pasted
 * token too): `null`, `an array`, `a Date`, or its `typeof`.
 *
 * @param value - what a caller passed
 * @returns the kind in words
 */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  return typeof value;
}

/**
 * Whether `value` is an object with keys (not null, an array or a Date).
 *
 * @param value - what a caller passed
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
