import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshingTokenProvider } from '../../src/auth/refreshing-token-provider.js';
import type { TokenSet } from '../../src/auth/token-provider.js';
import type { TokenStore } from '../../src/auth/token-store.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import type { Clock } from '../../src/time/clock.js';
import { type MemoryTokenStore, memoryTokenStore } from '../support/memory-token-store.js';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const KEY = 'x:brand';

let now = T0;
const clock: Clock = { now: () => now, sleep: () => Promise.resolve() };
beforeEach(() => {
  now = T0;
});

/** Tokens valid for two hours from now, as X issues them. */
const issued = (n: number): TokenSet => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt: new Date(now + 2 * HOUR),
});

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/**
 * A platform that rotates refresh tokens as X does: each refresh token works once, and the old
 * one is refused with `auth_revoked`. `hold()` makes the next refresh wait (as a slow token
 * endpoint does) until the returned gate opens; the platform decides when the request arrives,
 * that is after the gate.
 */
function rotatingPlatform() {
  let live = 'refresh-0';
  let count = 0;
  const gates: Promise<void>[] = [];
  const refresh = vi.fn(async (refreshToken: string): Promise<TokenSet> => {
    const gate = gates.shift();
    if (gate !== undefined) await gate;
    if (refreshToken !== live) {
      throw new AuthError('auth_revoked', 'Value passed for the token was invalid.', { platform: 'x' });
    }
    count += 1;
    const next = issued(count);
    live = next.refreshToken ?? '';
    return next;
  });
  return {
    refresh,
    /** The next refresh waits for the returned gate. */
    hold: () => {
      const gate = deferred();
      gates.push(gate.promise);
      return gate;
    },
    /** Kills every refresh token, as a user revoking the app does. */
    revokeAll: () => {
      live = 'revoked';
    },
  };
}

/** One process's provider for the account, sharing `store`. */
function processOf(store: TokenStore, platform: ReturnType<typeof rotatingPlatform>) {
  return createRefreshingTokenProvider({ platform: 'x', store, key: KEY, refresh: platform.refresh, clock });
}

function world(options: { readonly lock?: boolean } = {}) {
  const store = memoryTokenStore(options);
  store.save(KEY, issued(0));
  const platform = rotatingPlatform();
  return { store, platform, a: processOf(store, platform), b: processOf(store, platform) };
}

async function storedAccessToken(store: MemoryTokenStore): Promise<string | undefined> {
  return (await store.load(KEY))?.tokens.accessToken;
}

describe('createRefreshingTokenProvider with a shared store: one process refreshes, the others reload', () => {
  it('refreshes once when two processes see the same token rejected at once, and both get the new token', async () => {
    const { store, platform, a, b } = world();
    await Promise.all([a.getAccessToken(), b.getAccessToken()]);
    await expect(Promise.all([a.refresh('access-0'), b.refresh('access-0')])).resolves.toEqual([
      'access-1',
      'access-1',
    ]);
    expect(platform.refresh).toHaveBeenCalledExactlyOnceWith('refresh-0', {});
    expect(await storedAccessToken(store)).toBe('access-1');
  });

  it('keeps both processes going through ten rotations without a refused refresh', async () => {
    const { platform, a, b } = world();
    for (let rotation = 1; rotation <= 10; rotation += 1) {
      const rejected = `access-${rotation - 1}`;
      const tokens = await Promise.all([a.refresh(rejected), b.refresh(rejected)]);
      expect(tokens).toEqual([`access-${rotation}`, `access-${rotation}`]);
    }
    expect(platform.refresh.mock.calls.map(([token]) => token)).toEqual(
      Array.from({ length: 10 }, (_, n) => `refresh-${n}`),
    );
  });

  it('uses the tokens another process stored instead of refreshing its own old ones', async () => {
    const { platform, a, b } = world();
    await b.getAccessToken();
    await a.refresh('access-0');
    await expect(b.refresh('access-0')).resolves.toBe('access-1');
    expect(platform.refresh).toHaveBeenCalledOnce();
  });

  it('picks up the stored tokens when its own are about to expire, without refreshing', async () => {
    const { platform, a, b } = world();
    await expect(a.getAccessToken()).resolves.toBe('access-0');
    now += HOUR;
    await b.refresh('access-0');
    now += HOUR - 30_000; // a's access-0 now expires within the 60 s margin; b's access-1 does not
    await expect(a.getAccessToken()).resolves.toBe('access-1');
    expect(platform.refresh).toHaveBeenCalledOnce();
  });

  it('on a refused refresh, re-reads the store and uses what a process without the lock stored meanwhile', async () => {
    const { store, platform, a, b } = world({ lock: false });
    const first = platform.hold();
    const second = platform.hold();
    const fromA = a.refresh('access-0');
    const fromB = b.refresh('access-0');
    first.resolve();
    await expect(fromA).resolves.toBe('access-1');
    second.resolve(); // b's refresh token reaches the platform after a's rotation: refused
    await expect(fromB).resolves.toBe('access-1');
    expect(platform.refresh.mock.calls.map(([token]) => token)).toEqual(['refresh-0', 'refresh-0']);
    await expect(b.getAccessToken()).resolves.toBe('access-1');
    expect(store.writes).toBe(1);
  });

  it('latches auth_revoked when the store holds nothing newer, and recovers once a new authorization is stored', async () => {
    const { store, platform, a } = world();
    platform.revokeAll();
    const error = await a.refresh('access-0').catch((e: unknown) => e);
    expect(AuthError.isInstance(error) && error.code === 'auth_revoked').toBe(true);
    await expect(a.refresh('access-0')).rejects.toBe(error);
    expect(platform.refresh).toHaveBeenCalledOnce();

    store.save(KEY, { ...issued(7), accessToken: 'access-reauthorized' });
    await expect(a.getAccessToken()).resolves.toBe('access-reauthorized');
  });

  it('fails with auth_revoked naming the key, without refreshing, while no tokens are stored', async () => {
    const store = memoryTokenStore();
    const platform = rotatingPlatform();
    const a = processOf(store, platform);
    await expect(a.getAccessToken()).rejects.toMatchObject({
      name: 'AuthError',
      code: 'auth_revoked',
      message: expect.stringContaining(`"${KEY}"`),
    });
    store.save(KEY, issued(0));
    await expect(a.getAccessToken()).resolves.toBe('access-0');
    expect(platform.refresh).not.toHaveBeenCalled();
  });
});

describe('createRefreshingTokenProvider with a shared store: writing the new tokens', () => {
  it('writes the new set before anyone gets its access token', async () => {
    const store = memoryTokenStore();
    store.save(KEY, issued(0));
    const platform = rotatingPlatform();
    const handedOut: string[] = [];
    const written: string[] = [];
    const watched: TokenStore = {
      ...store,
      compareAndSwap: async (key, expected, next) => {
        written.push(next.accessToken);
        expect(handedOut).toEqual([]);
        return store.compareAndSwap(key, expected, next);
      },
    };
    const a = processOf(watched, platform);
    handedOut.push(await a.refresh('access-0'));
    expect(written).toEqual(['access-1']);
  });

  it('writes a rotated set again while it holds the lock, so no other process refreshes with the retired token', async () => {
    const store = memoryTokenStore();
    store.save(KEY, issued(0));
    const platform = rotatingPlatform();
    let failures = 2;
    const busy: TokenStore = {
      ...store,
      compareAndSwap: async (key, expected, next) => {
        if (failures-- > 0) throw new Error('database is locked');
        return store.compareAndSwap(key, expected, next);
      },
    };
    await expect(processOf(busy, platform).refresh('access-0')).resolves.toBe('access-1');
    expect(await storedAccessToken(store)).toBe('access-1');
    // Another process, after the lock: it finds the rotated set and refreshes nothing.
    await expect(processOf(store, platform).getAccessToken()).resolves.toBe('access-1');
    expect(platform.refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps a set whose writes all failed, writes it before the next hand-out, and never sends the old refresh token again', async () => {
    const store = memoryTokenStore();
    store.save(KEY, issued(0));
    const platform = rotatingPlatform();
    let failures = 3;
    const flaky: TokenStore = {
      ...store,
      compareAndSwap: async (key, expected, next) => {
        if (failures-- > 0) throw new Error('database is locked');
        return store.compareAndSwap(key, expected, next);
      },
    };
    const a = processOf(flaky, platform);
    await expect(a.refresh('access-0')).rejects.toSatisfy(
      (error) => TransientError.isInstance(error) && error.message.includes('token store threw an Error'),
    );
    expect(await storedAccessToken(store)).toBe('access-0');
    await expect(a.getAccessToken()).resolves.toBe('access-1');
    expect(await storedAccessToken(store)).toBe('access-1');
    expect(platform.refresh.mock.calls.map(([token]) => token)).toEqual(['refresh-0']);
  });

  it('uses a new authorization stored while its refresh was under way rather than overwrite it', async () => {
    const { store, platform, a } = world();
    const gate = platform.hold();
    const refreshing = a.refresh('access-0');
    await new Promise((resolve) => setImmediate(resolve));
    store.save(KEY, { ...issued(9), accessToken: 'access-reauthorized' });
    gate.resolve();
    await expect(refreshing).resolves.toBe('access-reauthorized');
    expect(await storedAccessToken(store)).toBe('access-reauthorized');
  });
});

describe('createRefreshingTokenProvider with a shared store: a crash between refresh and write', () => {
  it('leaves the next process working when the crash came after the write', async () => {
    const { store, platform, a } = world();
    await a.refresh('access-0'); // written; the process dies before using it
    const next = processOf(store, platform);
    await expect(next.getAccessToken()).resolves.toBe('access-1');
  });

  it('makes the next process fail with auth_revoked when the platform rotated but nothing was written', async () => {
    const { store, platform } = world();
    const dying: TokenStore = {
      ...store,
      compareAndSwap: async () => {
        throw new Error('process killed');
      },
    };
    await processOf(dying, platform)
      .refresh('access-0')
      .catch(() => undefined);
    expect(await storedAccessToken(store)).toBe('access-0');

    const next = processOf(store, platform);
    await expect(next.refresh('access-0')).rejects.toMatchObject({ name: 'AuthError', code: 'auth_revoked' });
  });
});

describe("createRefreshingTokenProvider with a shared store: the store's own errors", () => {
  const databaseError = (): Error =>
    Object.assign(new Error('Key (access_token)=(SECRET-ACCESS) failed'), { name: 'DatabaseError' });

  it('wraps a failing load, write or lock in a retryable error without its message', async () => {
    const store = memoryTokenStore();
    store.save(KEY, { ...issued(0), accessToken: 'SECRET-ACCESS' });
    const platform = rotatingPlatform();
    const failing: TokenStore[] = [
      { ...store, load: () => Promise.reject(databaseError()) },
      { ...store, withLock: () => Promise.reject(databaseError()) },
    ];
    for (const broken of failing) {
      const error = await processOf(broken, platform)
        .refresh('SECRET-ACCESS')
        .catch((e: unknown) => e);
      expect(TransientError.isInstance(error)).toBe(true);
      expect((error as TransientError).retryable).toBe(true);
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain('SECRET');
      expect(`${String(error)} ${JSON.stringify(error)}`).toContain('DatabaseError');
    }
  });

  it('passes through an error the lock chose, such as a lease it could not get in time', async () => {
    const store = memoryTokenStore();
    store.save(KEY, issued(0));
    const busy = new TransientError('transient', 'The token lock stayed taken.');
    const a = processOf({ ...store, withLock: () => Promise.reject(busy) }, rotatingPlatform());
    await expect(a.refresh('access-0')).rejects.toBe(busy);
  });
});
