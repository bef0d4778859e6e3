import { hmacSha256, timingSafeEqual, toHex } from '@smmkit/core/adapter-kit';

/** The parts of a `TikTok-Signature` header: its timestamp and signatures. */
export interface TikTokSignatureHeader {
  /** `t`: when TikTok signed the delivery, Unix seconds. */
  readonly timestamp: number;
  /** Every `s`: hex HMAC-SHA256 signatures. */
  readonly signatures: readonly string[];
}

/**
 * Reads `TikTok-Signature: t=1633174587,s=18494715…`: the header split on `,`, each element on
 * its first `=`, `t` the timestamp and `s` a signature
 * (https://developers.tiktok.com/doc/webhooks-verification, step 1).
 *
 * @param header - the header's value
 * @returns the timestamp and signatures, or `undefined` when there is no whole-number `t` or no `s`
 *
 * @example
 * ```ts
 * parseTikTokSignatureHeader('t=1633174587,s=1849…'); // { timestamp: 1633174587, signatures: ['1849…'] }
 * ```
 */
export function parseTikTokSignatureHeader(header: string): TikTokSignatureHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const element of header.split(',')) {
    const at = element.indexOf('=');
    if (at < 0) continue;
    const prefix = element.slice(0, at).trim();
    const value = element.slice(at + 1).trim();
    if (prefix === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    else if (prefix === 's' && value !== '') signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * The signature TikTok sends with a delivery: the hex HMAC-SHA256, under the app's client secret,
 * of the timestamp, `.` and the raw body (https://developers.tiktok.com/doc/webhooks-verification,
 * step 2).
 *
 * @param clientSecret - the app's client secret
 * @param timestamp - the `t` of the header, Unix seconds
 * @param rawBody - the body exactly as received
 * @returns the signature, lower-case hex
 *
 * @example
 * ```ts
 * headers.set('tiktok-signature', `t=${t},s=${await tiktokSignature(secret, t, body)}`);
 * ```
 */
export async function tiktokSignature(
  clientSecret: string,
  timestamp: number,
  rawBody: Uint8Array | string,
): Promise<string> {
  const body = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody;
  const prefix = new TextEncoder().encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  return toHex(await hmacSha256(clientSecret, signed));
}

/** What {@link isTikTokSignature} checks the timestamp against. */
export interface SignatureFreshness {
  /** Now, epoch ms. */
  readonly now: number;
  /** How far the timestamp may be from now, in seconds, before the delivery is refused as a replay. */
  readonly toleranceSec: number;
}

/**
 * Whether a `TikTok-Signature` header signs `rawBody`: its timestamp within `toleranceSec` of now
 * (an older one is a replay: TikTok signs the timestamp so that it cannot be changed), and one of
 * its signatures equal, in constant time, to the expected one
 * (https://developers.tiktok.com/doc/webhooks-verification, step 3).
 *
 * @param clientSecret - the app's client secret
 * @param rawBody - the body exactly as received
 * @param header - the `TikTok-Signature` header
 * @param freshness - now and the tolerance
 * @returns true for an authentic, fresh delivery
 */
export async function isTikTokSignature(
  clientSecret: string,
  rawBody: Uint8Array | string,
  header: string,
  freshness: SignatureFreshness,
): Promise<boolean> {
  const parsed = parseTikTokSignatureHeader(header);
  if (parsed === undefined) return false;
  if (Math.abs(freshness.now - parsed.timestamp * 1000) > freshness.toleranceSec * 1000) return false;
  const expected = await tiktokSignature(clientSecret, parsed.timestamp, rawBody);
  // Every candidate is compared, so the time taken does not say which one matched.
  let matched = false;
  for (const signature of parsed.signatures) matched = timingSafeEqual(signature, expected) || matched;
  return matched;
}
