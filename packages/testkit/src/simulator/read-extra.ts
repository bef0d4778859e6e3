/**
 * A platform's own fields of a stored post (`SimulatedPost.extra`), typed: each field of
 * `defaults` takes the stored value when it has the default's type (an array for an array
 * default, anything for an `undefined` default), and keeps the default otherwise — so posts that
 * other tools stored (the conformance suite, a benchmark) read as plain posts of the platform.
 * A simulator writes its extras with its own store function; this is the one way back.
 *
 * @param extra - `post.extra`
 * @param defaults - every field the platform keeps, with the value a plain post has
 * @returns the fields, typed as `defaults`
 *
 * @example
 * ```ts
 * const STATUS: StatusExtra = { visibility: 'public', spoilerText: '', poll: undefined, mentions: [] };
 * const { visibility, mentions } = readExtra(post.extra, STATUS);
 * ```
 */
export function readExtra<T extends object>(extra: Readonly<Record<string, unknown>>, defaults: T): T {
  const read: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [name, fallback] of Object.entries(defaults)) {
    const stored = extra[name];
    if (stored === undefined) continue;
    const fits =
      fallback === undefined ||
      (Array.isArray(fallback) ? Array.isArray(stored) : typeof stored === typeof fallback);
    if (fits) read[name] = stored;
  }
  return read as T;
}
