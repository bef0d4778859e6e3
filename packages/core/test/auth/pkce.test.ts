import { describe, expect, it } from 'vitest';
import { createOAuthState, createPkcePair, pkceChallenge } from '../../src/auth/pkce.js';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

describe('pkceChallenge', () => {
  // https://www.rfc-editor.org/rfc/rfc7636#appendix-B
  it('matches the RFC 7636 Appendix B example', async () => {
    await expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes without padding and with the URL-safe alphabet', async () => {
    // SHA-256("") is 47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU= in base64url: has "-", "_" and padding.
    await expect(pkceChallenge('')).resolves.toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
  });
});

describe('createPkcePair', () => {
  it('makes a 43-character unreserved verifier with its S256 challenge', async () => {
    const pair = await createPkcePair();
    expect(pair.verifier).toHaveLength(43);
    expect(pair.verifier).toMatch(BASE64URL);
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toMatch(BASE64URL);
    await expect(pkceChallenge(pair.verifier)).resolves.toBe(pair.challenge);
  });

  it('makes a different verifier every time', async () => {
    const verifiers = new Set(
      await Promise.all(Array.from({ length: 20 }, async () => (await createPkcePair()).verifier)),
    );
    expect(verifiers.size).toBe(20);
  });
});

describe('createOAuthState', () => {
  it('makes URL-safe values with at least 128 bits of randomness, different each time', () => {
    const states = Array.from({ length: 20 }, () => createOAuthState());
    for (const state of states) {
      expect(state).toMatch(BASE64URL);
      // 6 bits per base64url character: 22 characters carry 132 bits.
      expect(state.length).toBeGreaterThanOrEqual(22);
    }
    expect(new Set(states).size).toBe(20);
  });
});
