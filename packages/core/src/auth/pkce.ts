// PKCE (RFC 7636) and OAuth `state` values, built on Web Crypto so the same code runs in Node ≥ 22,
// browsers, Deno and edge runtimes without importing `node:crypto`.

/** A PKCE verifier, the challenge sent with the authorization URL, and how it was derived. */
export interface PkcePair {
  /** Secret kept until the code exchange (`code_verifier`): 43 characters from the unreserved set. */
  readonly verifier: string;
  /** `code_challenge` for the authorization URL: base64url(SHA-256(verifier)), no padding. */
  readonly challenge: string;
  /** `code_challenge_method`; always `S256`, the only method X and TikTok should get. */
  readonly method: 'S256';
}

/**
 * Makes a fresh PKCE pair for one authorization. Keep `verifier` server-side (or in the session)
 * until the code exchange; put `challenge` and `method` in the authorization URL.
 *
 * The verifier is 32 random bytes in base64url: 43 characters, the shortest RFC 7636 allows,
 * with 256 bits of entropy (the RFC's recommendation).
 *
 * @returns a new verifier and its S256 challenge
 *
 * @example
 * ```ts
 * const { verifier, challenge, method } = await createPkcePair();
 * const state = createOAuthState();
 * session.save({ verifier, state });
 * const url = `https://x.com/i/oauth2/authorize?code_challenge=${challenge}&code_challenge_method=${method}&state=${state}&…`;
 * ```
 */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = randomBase64Url(32);
  return { verifier, challenge: await pkceChallenge(verifier), method: 'S256' };
}

/**
 * The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))) without padding
 * (RFC 7636 §4.2). {@link createPkcePair} uses it; it is exported for tests and for callers that
 * store a verifier and need its challenge again. The verifier must be 43–128 characters from
 * `A-Z a-z 0-9 - . _ ~`; this function does not check it.
 *
 * @param verifier - the PKCE code verifier
 * @returns the code challenge
 *
 * @example
 * ```ts
 * await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
 * // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' (RFC 7636 Appendix B)
 * ```
 */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64Url(new Uint8Array(digest));
}

/**
 * A fresh OAuth `state` value: 32 random bytes (256 bits) in base64url, 43 characters, well under
 * X's 500-character limit. Store it with the session and compare it with the `state` the platform
 * sends back to the redirect URI, to reject forged callbacks (CSRF).
 *
 * @returns a random, URL-safe state string
 *
 * @example
 * ```ts
 * const state = createOAuthState();
 * // later, in the redirect handler:
 * if (url.searchParams.get('state') !== session.state) throw new Error('OAuth state mismatch');
 * ```
 */
export function createOAuthState(): string {
  return randomBase64Url(32);
}

function randomBase64Url(byteCount: number): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** base64url without padding (RFC 4648 §5); `btoa` exists in every runtime we support. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
