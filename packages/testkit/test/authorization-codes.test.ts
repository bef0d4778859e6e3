import { pkceChallenge } from '@smmkit/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { AuthorizationCodes } from '../src/simulator/authorization-codes.js';
import { manualClock } from '../src/simulator/sim-clock.js';

const GRANT = { accountId: '7', clientId: 'app', redirectUri: 'https://app.test/cb', scopes: ['read'] };
const EXCHANGE = { clientId: 'app', redirectUri: 'https://app.test/cb' };
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

function codes(options: { answersChallenge?: (verifier: string) => boolean } = {}) {
  const clock = manualClock(Date.parse('2026-11-22T12:00:00Z'));
  let next = 0;
  const store = new AuthorizationCodes({
    clock,
    ttlMs: 30_000,
    newCode: () => `code_${++next}`,
    ...(options.answersChallenge === undefined
      ? {}
      : { answersChallenge: (verifier: string) => options.answersChallenge?.(verifier) ?? false }),
  });
  return { clock, store };
}

describe('AuthorizationCodes', () => {
  it('gives the grant once, to the client and redirect URI it was issued for, within its lifetime', async () => {
    const { clock, store } = codes();
    const code = store.issue(GRANT);
    expect(code).toBe('code_1');
    expect(await store.redeem(code, EXCHANGE)).toEqual(GRANT);
    expect(await store.redeem(code, EXCHANGE)).toBeUndefined();

    const other = store.issue(GRANT);
    expect(await store.redeem(other, { ...EXCHANGE, clientId: 'intruder' })).toBeUndefined();
    expect(await store.redeem(other, EXCHANGE)).toBeUndefined(); // a failed exchange uses the code up
    const wrongRedirect = store.issue(GRANT);
    expect(await store.redeem(wrongRedirect, { ...EXCHANGE, redirectUri: null })).toBeUndefined();

    const late = store.issue(GRANT);
    clock.advance(30_000);
    expect(await store.redeem(late, EXCHANGE)).toBeUndefined();
  });

  it('asks for the PKCE verifier of an S256 or plain challenge (RFC 7636)', async () => {
    const { store } = codes();
    const s256 = { ...GRANT, codeChallenge: await pkceChallenge(VERIFIER) };
    expect(await store.redeem(store.issue(s256), EXCHANGE)).toBeUndefined();
    expect(await store.redeem(store.issue(s256), { ...EXCHANGE, codeVerifier: 'wrong' })).toBeUndefined();
    expect(await store.redeem(store.issue(s256), { ...EXCHANGE, codeVerifier: VERIFIER })).toEqual(s256);
    const plain = { ...GRANT, codeChallenge: VERIFIER, codeChallengeMethod: 'plain' as const };
    expect(await store.redeem(store.issue(plain), { ...EXCHANGE, codeVerifier: VERIFIER })).toEqual(plain);
  });

  it('checks the verifier the platform way when told, and forgets codes on clear', async () => {
    const { store } = codes({ answersChallenge: (verifier) => verifier === 'hex-ok' });
    const grant = { ...GRANT, codeChallenge: 'anything' };
    expect(await store.redeem(store.issue(grant), { ...EXCHANGE, codeVerifier: 'hex-ok' })).toEqual(grant);
    const code = store.issue(GRANT);
    store.clear();
    expect(await store.redeem(code, EXCHANGE)).toBeUndefined();
  });
});
