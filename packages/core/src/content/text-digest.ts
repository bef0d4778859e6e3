/**
 * A 64-bit digest of `text` in 16 hex digits: two 32-bit multiply-xor lanes over its UTF-16 code
 * units (FNV-1a's, and one with a shift), each finished with an avalanche mix. Not cryptographic:
 * it tells one text from another sent by mistake or edited (two texts collide about once in
 * 2^64), not from one crafted to collide; its users (the outbox's post fingerprint, the webhook
 * router's delivery keys) need no more. Synchronous and free of platform APIs, so it runs on any
 * runtime without an extra turn of the event loop.
 *
 * @param text - the text
 * @returns its digest
 *
 * @example
 * ```ts
 * textDigest('Where is my order?'); // 16 hex digits
 * ```
 */
export function textDigest(text: string): string {
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
