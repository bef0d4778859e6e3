import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { AuthError } from '../../src/errors/auth-error.js';

describe('staticTokenProvider', () => {
  it('always hands out the given token and cannot refresh', async () => {
    const provider = staticTokenProvider('mastodon-token');
    await expect(provider.getAccessToken()).resolves.toBe('mastodon-token');
    await expect(provider.getAccessToken()).resolves.toBe('mastodon-token');
    expect(provider.refresh).toBeUndefined();
  });

  it('refuses an empty token up front with auth_invalid', () => {
    let thrown: unknown;
    try {
      staticTokenProvider('');
    } catch (error) {
      thrown = error;
    }
    expect(AuthError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'auth_invalid' });
  });
});
