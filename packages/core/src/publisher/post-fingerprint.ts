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
  return digest64(canonicalJson({ ...sent, options: options?.[platform] }));
}

/**
 * A 64-bit digest of `text` in 16 hex digits: two 32-bit multiply-xor lanes over its UTF-16 code
 * units (FNV-1a's, and one with a shift), each finished with an avalanche mix. Not cryptographic:
 * it tells a post from another one sent by mistake under the same key (two different posts
 * collide about once in 2^64), not from one crafted to collide, which the outbox does not need
 * since whoever can craft posts can publish them with a new key. Synchronous and free of
 * platform APIs, so it costs a publish no extra turn of the event loop on any runtime.
 */
function digest64(text: string): string {
  let fnv = 0x811c9dc5;
  let shifted = 0x9e3779b9;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    fnv = Math.imul(fnv ^ unit, 0x01000193);
    shifted = Math.imul(shifted ^ unit, 0x5bd1e995);
    shifted ^= shifted >>> 15;
  }
  return hex32(avalanche(fnv)) + hex32(avalanche(shifted ^ text.length));
}

/** Spreads every input bit over every output bit (a 32-bit finaliser: xor-shift, multiply). */
function avalanche(value: number): number {
  let mixed = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

/** Eight hex digits. */
function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
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
