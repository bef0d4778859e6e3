import { textDigest } from '../content/text-digest.js';
import type { Post } from '../models/post.js';

/**
 * A digest of what one target's create sends, kept with the outbox record of its idempotency key
 * so that a key used again for a different post is refused instead of answered with the first
 * post's outcome.
 *
 * It covers what reaches the platform: the post as it goes to the target, with only that
 * platform's `options`. The app's own labels (`tags`, `campaign`, `variant`, `contentClass`) are
 * left out, object keys are read in sorted order (a post rebuilt with its keys in another order is
 * the same post), a value with `toJSON` (a `Date`, a `URL`) counts as what it turns into in JSON
 * (as after the JSON round trip of a stored schedule entry), and media bytes count by their
 * length and a stream factory by the media's declared size, not their content (hashing a video
 * on every publish would cost more than the check is worth).
 *
 * @param post - the post as it goes to the target (its overrides applied)
 * @param platform - the target's platform id
 * @returns a 64-bit digest of that canonical form, in 16 hex digits
 */
export function postFingerprint(post: Post, platform: string): string {
  const {
    tags: _tags,
    campaign: _campaign,
    variant: _variant,
    contentClass: _class,
    options,
    ...sent
  } = post;
  return textDigest(canonicalJson({ ...sent, options: options?.[platform] }));
}

/** JSON of `value` with sorted keys, `undefined` and functions left out, bytes as their length. */
function canonicalJson(value: unknown): string {
  if (hasToJson(value)) return canonicalJson(value.toJSON());
  if (value instanceof Uint8Array) return `{"byteLength":${value.byteLength}}`;
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    if (!isPlainObject(value)) return '"object"';
    const fields = Object.keys(value)
      .filter((key) => !omitted((value as Record<string, unknown>)[key]))
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value JSON writes as what its `toJSON` returns (an invalid `Date` gives `null`, not a throw). */
function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}

/** What JSON leaves out of an object: `undefined` and functions (a stream factory). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function';
}

/** An object literal, not a class instance. */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
