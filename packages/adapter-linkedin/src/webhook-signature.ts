import { hmacSha256, timingSafeEqual, toHex } from '@smmkit/core/adapter-kit';

/** What LinkedIn puts before the body it signs. */
const SIGNED_PREFIX = 'hmacsha256=';

/**
 * The `X-LI-Signature` LinkedIn sends with a delivery: the hex HMAC-SHA256, under the app's
 * client secret, of `hmacsha256=` followed by the raw body
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation).
 *
 * @param clientSecret - the app's client secret
 * @param rawBody - the body exactly as received
 * @returns the signature, lower-case hex
 *
 * @example
 * ```ts
 * headers.set('x-li-signature', await linkedInSignature(secret, body));
 * ```
 */
export async function linkedInSignature(clientSecret: string, rawBody: Uint8Array | string): Promise<string> {
  const body = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody;
  const signed = new Uint8Array(SIGNED_PREFIX.length + body.length);
  signed.set(new TextEncoder().encode(SIGNED_PREFIX));
  signed.set(body, SIGNED_PREFIX.length);
  return toHex(await hmacSha256(clientSecret, signed));
}

/**
 * Whether `received` is the delivery's signature, compared in constant time (case-insensitive hex).
 * The `hmacsha256=` prefix belongs to what is signed, not to the header: the doc's "the
 * HMACSHA256 hash of the JSON-encoded string representation of the POST body prefixed by
 * hmacsha256=" is followed by "compute the signature on the POST body prefixed by hmacsha256= …
 * Discard the event if your computed value does not match the value sent in the X-LI-Signature
 * header" (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation,
 * Requirements for Processing Notifications). So the header is the bare hex digest, and a header
 * that starts with `hmacsha256=` does not match.
 */
export async function isLinkedInSignature(
  clientSecret: string,
  rawBody: Uint8Array | string,
  received: string,
): Promise<boolean> {
  return timingSafeEqual(received.trim().toLowerCase(), await linkedInSignature(clientSecret, rawBody));
}

/**
 * The answer to LinkedIn's endpoint check: the hex HMAC-SHA256 of the `challengeCode` under the
 * client secret (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation).
 *
 * @param clientSecret - the app's client secret
 * @param challengeCode - the code LinkedIn sent
 * @returns `challengeResponse`, lower-case hex
 */
export async function linkedInChallengeResponse(
  clientSecret: string,
  challengeCode: string,
): Promise<string> {
  return toHex(await hmacSha256(clientSecret, challengeCode));
}
