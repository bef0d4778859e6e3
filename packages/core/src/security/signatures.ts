/**
 * Compares two strings in time that depends only on their lengths, not on where they differ,
 * so an attacker cannot find a valid webhook signature byte by byte from response times.
 *
 * @example
 * ```ts
 * timingSafeEqual(received, `sha256=${expectedHex}`);
 * ```
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  // Compare against itself when lengths differ, so the loop runs the same either way.
  const other = left.length === right.length ? right : left;
  let difference = left.length === right.length ? 0 : 1;
  for (let i = 0; i < left.length; i++) difference |= (left[i] ?? 0) ^ (other[i] ?? 0);
  return difference === 0;
}

/**
 * HMAC-SHA256 of `data` under `key`, with Web Crypto (Node ≥ 22, browsers, edge runtimes).
 * Every platform smmkit supports signs webhooks this way (X, Meta, LinkedIn, TikTok).
 *
 * @example
 * ```ts
 * const mac = await hmacSha256(appSecret, rawBody);
 * const header = `sha256=${toHex(mac)}`;
 * ```
 */
export async function hmacSha256(key: string, data: Uint8Array | string): Promise<Uint8Array> {
  // Web Crypto rejects an empty key with an opaque DataError; an empty key is almost always an unset secret.
  if (key === '')
    throw new TypeError('hmacSha256: the key is empty (is the webhook or app secret configured?)');
  const encoder = new TextEncoder();
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(
    await globalThis.crypto.subtle.sign('HMAC', cryptoKey, bytes as Uint8Array<ArrayBuffer>),
  );
}

/** Lower-case hexadecimal of `bytes` (Meta, LinkedIn and TikTok send hex signatures). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Standard base64 of `bytes` (X sends base64 signatures). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
