import { toBase64 } from '@smmkit/core/adapter-kit';

/**
 * Whether a PKCE verifier answers a challenge (RFC 7636 §4.6): `S256` is
 * BASE64URL(SHA-256(verifier)) without padding, `plain` the verifier itself. X accepts both
 * methods (x.md "Auth": `code_challenge_method`).
 */
export async function pkceMatches(
  verifier: string,
  challenge: string,
  method: 'S256' | 'plain',
): Promise<boolean> {
  if (verifier === '') return false;
  if (method === 'plain') return verifier === challenge;
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  );
  const encoded = toBase64(digest).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return encoded === challenge;
}
