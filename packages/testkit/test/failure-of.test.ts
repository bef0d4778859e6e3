import { AuthError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { assertNoSecretIn, failureOf } from '../src/failure-of.js';

const TOKEN = 'sim_access_1_abcdefghij';

/** The message `check` throws with, or `undefined` when it does not throw. */
function thrownBy(check: () => void): string | undefined {
  try {
    check();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

describe('assertNoSecretIn', () => {
  it('passes an error that carries none of the secrets', () => {
    expect(() => assertNoSecretIn(new AuthError('auth_invalid', 'Refused.'), [TOKEN, 'other'])).not.toThrow();
  });

  it('finds a secret in the message, naming the rendering and showing only its start and length', () => {
    const message = thrownBy(() => assertNoSecretIn(new Error(`bad token ${TOKEN}`), [TOKEN]));
    expect(message).toBe(`a secret ("sim_…", ${TOKEN.length} characters) appears in String(error)`);
    expect(message).not.toContain(TOKEN);
  });

  it('finds a secret in an enumerable property through JSON.stringify', () => {
    const error = Object.assign(new Error('Refused.'), { body: { token: TOKEN } });
    expect(thrownBy(() => assertNoSecretIn(error, [TOKEN]))).toContain('appears in JSON.stringify(error)');
  });

  it('finds a secret hidden in a non-enumerable property or a cause through util.inspect', () => {
    const hidden = new AuthError('auth_invalid', 'Refused.');
    Object.defineProperty(hidden, 'request', { value: { headers: { authorization: `Bearer ${TOKEN}` } } });
    const caused = new AuthError('auth_invalid', 'Refused.', { cause: new Error(TOKEN) });
    for (const error of [hidden, caused]) {
      expect(thrownBy(() => assertNoSecretIn(error, [TOKEN]))).toContain('appears in util.inspect(error)');
    }
  });

  it('reads secrets given as a function when it checks, and ignores empty ones', () => {
    const issued: string[] = [''];
    const secrets = () => issued;
    const error = new Error(`token ${TOKEN}`);
    expect(() => assertNoSecretIn(error, secrets)).not.toThrow();
    issued.push(TOKEN);
    expect(() => assertNoSecretIn(error, secrets)).toThrow(/appears in String\(error\)/);
  });

  it('shows at most a third of a short secret', () => {
    expect(thrownBy(() => assertNoSecretIn(new Error('pw=abc'), ['abc']))).toContain('("a…", 3 characters)');
  });
});

describe('failureOf', () => {
  it('returns the smmkit error a promise rejects with', async () => {
    const error = new AuthError('auth_revoked', 'Revoked.');
    await expect(failureOf(Promise.reject(error), { secrets: [TOKEN] })).resolves.toBe(error);
  });

  it('throws when the promise resolves, showing what it returned', async () => {
    await expect(failureOf(Promise.resolve({ id: '1' }))).rejects.toThrow(
      "expected the call to fail, it returned { id: '1' }",
    );
  });

  it('throws when the promise rejects with an error that is not a smmkit error', async () => {
    await expect(failureOf(Promise.reject(new TypeError('boom')))).rejects.toThrow(
      'expected a smmkit error, got TypeError: boom',
    );
  });

  it('throws when the error carries a secret, reading secrets after the promise settles', async () => {
    const issued: string[] = [];
    const call = (async () => {
      issued.push(TOKEN);
      throw new AuthError('auth_invalid', `token ${TOKEN} refused`);
    })();
    await expect(failureOf(call, { secrets: () => issued })).rejects.toThrow(/a secret .* appears in String/);
  });

  it('checks for secrets before the kind, so a leaking plain error is reported as a leak', async () => {
    await expect(failureOf(Promise.reject(new Error(TOKEN)), { secrets: [TOKEN] })).rejects.toThrow(
      'appears in String(error)',
    );
  });
});
