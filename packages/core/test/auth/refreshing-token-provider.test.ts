import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import {
  createRefreshingTokenProvider,
  type RefreshingTokenProviderOptions,
} from '../../src/auth/refreshing-token-provider.js';
import type { TokenSet } from '../../src/auth/token-provider.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { SmmkitError } from '../../src/errors/smmkit-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Clock } from '../../src/time/clock.js';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

type RefreshFn = RefreshingTokenProviderOptions['refresh'];
type PersistFn = RefreshingTokenProviderOptions['persist'];

/** Fake time: only moves when a test says so. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = T0;
  return {
    now: () => now,
    sleep: () => Promise.resolve(),
    advance: (ms) => {
      now += ms;
    },
  };
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (no timers, no real time). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const expired: TokenSet = { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: new Date(T0 - 1) };
const valid: TokenSet = {
  accessToken: 'access-0',
  refreshToken: 'refresh-0',
  expiresAt: new Date(T0 + 2 * HOUR),
};

interface SetupOptions {
  readonly tokens?: RefreshingTokenProviderOptions['tokens'];
  readonly refresh?: RefreshFn;
  readonly persist?: PersistFn;
  readonly refreshMarginMs?: number;
}

/** A provider whose refresh hands out access-1/refresh-1, access-2/refresh-2, … valid for 2 h. */
function setup(options: SetupOptions = {}) {
  const clock = fakeClock();
  let issued = 0;
  const refresh = vi.fn<RefreshFn>(
    options.refresh ??
      (async () => {
        issued += 1;
        return {
          accessToken: `access-${issued}`,
          refreshToken: `refresh-${issued}`,
          expiresAt: new Date(clock.now() + 2 * HOUR),
        };
      }),
  );
  const persist = vi.fn<PersistFn>(options.persist ?? (() => undefined));
  const provider = createRefreshingTokenProvider({
    tokens: options.tokens ?? expired,
    refresh,
    persist,
    clock,
    platform: 'x',
    ...(options.refreshMarginMs === undefined ? {} : { refreshMarginMs: options.refreshMarginMs }),
  });
  return { provider, refresh, persist, clock };
}

describe('createRefreshingTokenProvider: using and refreshing tokens', () => {
  it('hands out a valid access token without refreshing', async () => {
    const { provider, refresh } = setup({ tokens: valid });
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('calls the tokens loader lazily, once', async () => {
    const loader = vi.fn(async () => valid);
    const { provider } = setup({ tokens: loader });
    expect(loader).not.toHaveBeenCalled();
    await provider.getAccessToken();
    await provider.getAccessToken();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('refreshes ahead of expiry once inside the default 60 s margin', async () => {
    const { provider, refresh, clock } = setup({ tokens: valid });
    clock.advance(2 * HOUR - 61_000);
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
    clock.advance(2_000);
    await expect(provider.getAccessToken()).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledExactlyOnceWith('refresh-0', {});
  });

  it('honours a custom refresh margin', async () => {
    const { provider, clock } = setup({ tokens: valid, refreshMarginMs: 10 * 60_000 });
    clock.advance(2 * HOUR - 9 * 60_000);
    await expect(provider.getAccessToken()).resolves.toBe('access-1');
  });

  it('uses a token without expiresAt until the platform rejects it, then refreshes', async () => {
    const { provider, refresh, clock } = setup({
      tokens: { accessToken: 'access-0', refreshToken: 'refresh-0' },
    });
    clock.advance(1_000 * 24 * HOUR);
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
    expect(refresh).not.toHaveBeenCalled();
    await expect(provider.refresh('access-0')).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('keeps the previous refresh token when the platform does not send a new one', async () => {
    const expiresAt = new Date(T0 + 365 * 24 * HOUR);
    const { provider, refresh, persist } = setup({
      tokens: { ...expired, refreshTokenExpiresAt: expiresAt },
      refresh: async () => ({ accessToken: 'access-1', expiresAt: new Date(T0 - 1) }),
    });
    await provider.getAccessToken();
    expect(persist).toHaveBeenCalledWith(
      expect.objectContaining({
        accessToken: 'access-1',
        refreshToken: 'refresh-0',
        refreshTokenExpiresAt: expiresAt,
      }),
    );
    await provider.getAccessToken();
    expect(refresh.mock.calls.map(([token]) => token)).toEqual(['refresh-0', 'refresh-0']);
  });

  it('uses the rotated refresh token for the next refresh', async () => {
    const { provider, refresh, clock } = setup();
    await provider.getAccessToken();
    clock.advance(2 * HOUR);
    await expect(provider.getAccessToken()).resolves.toBe('access-2');
    expect(refresh.mock.calls.map(([token]) => token)).toEqual(['refresh-0', 'refresh-1']);
  });
});

describe('createRefreshingTokenProvider: single flight', () => {
  it('refreshes an expired token once for many concurrent callers', async () => {
    const answer = deferred<TokenSet>();
    const { provider, refresh } = setup({ refresh: () => answer.promise });
    const callers = Array.from({ length: 5 }, () => provider.getAccessToken());
    await settle();
    answer.resolve({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await expect(Promise.all(callers)).resolves.toEqual(Array(5).fill('access-1'));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('refreshes once when many callers report the same rejected token', async () => {
    const { provider, refresh } = setup({ tokens: valid });
    const callers = Array.from({ length: 5 }, () => provider.refresh('access-0'));
    await expect(Promise.all(callers)).resolves.toEqual(Array(5).fill('access-1'));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('returns the current token without refreshing when the rejected one was already replaced', async () => {
    const { provider, refresh } = setup({ tokens: valid });
    await provider.refresh('access-0');
    await expect(provider.refresh('access-0')).resolves.toBe('access-1');
    await expect(provider.refresh('some-older-token')).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('refreshes for a rejected token even when a load was already in flight', async () => {
    const stored = deferred<TokenSet>();
    const { provider, refresh } = setup({ tokens: () => stored.promise });
    const getter = provider.getAccessToken();
    const refresher = provider.refresh('access-0');
    stored.resolve(valid);
    await expect(getter).resolves.toBe('access-0');
    await expect(refresher).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledOnce();
  });
});

describe('createRefreshingTokenProvider: persisting new tokens', () => {
  it('stores the new tokens before any caller gets the new access token', async () => {
    const stored = deferred<void>();
    const { provider, persist } = setup({ persist: () => stored.promise });
    let handedOut: string | undefined;
    const caller = provider.getAccessToken().then((token) => {
      handedOut = token;
    });
    await settle();
    expect(persist).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ accessToken: 'access-1', refreshToken: 'refresh-1' }),
    );
    expect(handedOut).toBeUndefined();
    stored.resolve();
    await caller;
    expect(handedOut).toBe('access-1');
  });

  it("rejects with a retryable error that keeps the storage's own as its cause, keeps the new tokens and stores them before the next hand-out", async () => {
    const storageDown = new Error('database unavailable');
    let failures = 3; // every write the refresh makes (it writes a rotated set three times)
    const { provider, persist, refresh } = setup({
      persist: () => {
        if (failures-- > 0) throw storageDown;
      },
    });
    const callers = [provider.getAccessToken(), provider.getAccessToken()];
    for (const caller of callers) {
      await expect(caller).rejects.toSatisfy(
        (error) => TransientError.isInstance(error) && error.cause === storageDown,
      );
    }

    await expect(provider.getAccessToken()).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledOnce();
    expect(persist.mock.calls.map(([tokens]) => tokens.refreshToken)).toEqual([
      'refresh-1',
      'refresh-1',
      'refresh-1',
      'refresh-1',
    ]);
  });

  it('never sends the old refresh token again after storing the rotated one failed', async () => {
    let failures = 3;
    const { provider, refresh } = setup({
      tokens: valid,
      persist: () => {
        if (failures-- > 0) throw new Error('disk full');
      },
    });
    await expect(provider.refresh('access-0')).rejects.toMatchObject({ code: 'transient' });
    await expect(provider.refresh('access-1')).resolves.toBe('access-2');
    expect(refresh.mock.calls.map(([token]) => token)).toEqual(['refresh-0', 'refresh-1']);
  });

  it('rejects with a retryable error when the loader fails, and loads again on the next call', async () => {
    const storageDown = new Error('database unavailable');
    const loader = vi
      .fn<() => Promise<TokenSet>>()
      .mockRejectedValueOnce(storageDown)
      .mockResolvedValue(valid);
    const { provider } = setup({ tokens: loader });
    await expect(provider.getAccessToken()).rejects.toSatisfy(
      (error) => TransientError.isInstance(error) && error.retryable && error.cause === storageDown,
    );
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
    expect(loader).toHaveBeenCalledTimes(2);
  });
});

describe('createRefreshingTokenProvider: failures', () => {
  it('rejects every concurrent caller with the same AuthError the refresh threw', async () => {
    const revoked = new AuthError('auth_revoked', 'The refresh token was revoked.', { platform: 'x' });
    const { provider, refresh } = setup({ refresh: async () => Promise.reject(revoked) });
    const callers = [provider.getAccessToken(), provider.getAccessToken(), provider.refresh('access-0')];
    for (const caller of callers) await expect(caller).rejects.toBe(revoked);
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('passes a retryable error through and tries again on the next call', async () => {
    const outage = new TransientError('transient', 'Token endpoint answered 503.');
    let failures = 1;
    const { provider, refresh } = setup({
      refresh: async () => {
        if (failures-- > 0) throw outage;
        return { accessToken: 'access-1', refreshToken: 'refresh-1' };
      },
    });
    await expect(provider.getAccessToken()).rejects.toBe(outage);
    await expect(provider.getAccessToken()).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("passes the app's own ValidationError through without latching: it is no refusal, and a valid token is still used", async () => {
    const setupProblem = new ValidationError(
      [{ path: ['refresh', 'x'], rule: 'refresh.missing', message: 'no refresh call was given for x' }],
      'smmkit options',
    );
    let failures = 1;
    const { provider, refresh, clock } = setup({
      tokens: valid,
      refresh: async () => {
        if (failures-- > 0) throw setupProblem;
        return { accessToken: 'access-1', refreshToken: 'refresh-1' };
      },
    });
    clock.advance(2 * HOUR - 30_000); // due for a refresh, not expired
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
    await expect(provider.getAccessToken()).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("rejects with the app's own ValidationError once the token has expired", async () => {
    const setupProblem = new ValidationError(
      [{ path: ['refresh', 'x'], rule: 'refresh.missing', message: 'no refresh call was given for x' }],
      'smmkit options',
    );
    const { provider } = setup({ refresh: async () => Promise.reject(setupProblem) });
    await expect(provider.getAccessToken()).rejects.toBe(setupProblem);
  });

  it('wraps an unknown refresh failure in AuthError auth_expired with the cause', async () => {
    const cause = new TypeError('fetch failed');
    const { provider } = setup({ refresh: async () => Promise.reject(cause) });
    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'auth_expired',
      message: 'Refreshing the access token failed.',
      platform: 'x',
      retryable: false,
      cause,
    });
  });

  it('latches a failure for good: later calls reject with the same error without refreshing', async () => {
    const { provider, refresh } = setup({ refresh: async () => Promise.reject(new Error('invalid_grant')) });
    const first = await provider.getAccessToken().catch((e: unknown) => e);
    expect(SmmkitError.isInstance(first)).toBe(true);
    await expect(provider.getAccessToken()).rejects.toBe(first);
    await expect(provider.refresh('access-0')).rejects.toBe(first);
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('stays latched while the loader yields the failed tokens, and recovers after re-authorization', async () => {
    let stored: TokenSet = expired;
    const loader = vi.fn(async () => stored);
    const revoked = new AuthError('auth_revoked', 'Refresh token revoked.');
    const { provider, refresh } = setup({
      tokens: loader,
      refresh: async (refreshToken) => {
        if (refreshToken === 'refresh-0') throw revoked;
        return { accessToken: 'access-2', refreshToken: 'refresh-2' };
      },
    });
    await expect(provider.getAccessToken()).rejects.toBe(revoked);
    await expect(provider.getAccessToken()).rejects.toBe(revoked);
    expect(refresh).toHaveBeenCalledOnce();

    stored = { accessToken: 'access-new', refreshToken: 'refresh-new', expiresAt: new Date(T0 - 1) };
    await expect(provider.getAccessToken()).resolves.toBe('access-2');
    expect(refresh.mock.calls.map(([token]) => token)).toEqual(['refresh-0', 'refresh-new']);
    expect(loader).toHaveBeenCalledTimes(3);
  });

  it('fails with auth_expired without refreshing when there is no refresh token', async () => {
    const { provider, refresh } = setup({ tokens: { accessToken: 'access-0', expiresAt: new Date(T0 - 1) } });
    await expect(provider.getAccessToken()).rejects.toMatchObject({
      name: 'AuthError',
      code: 'auth_expired',
    });
    await expect(provider.refresh('access-0')).rejects.toMatchObject({ code: 'auth_expired' });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('keeps handing out a token without refresh token until it actually expires', async () => {
    const { provider } = setup({ tokens: { accessToken: 'access-0', expiresAt: new Date(T0 + 30_000) } });
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
  });

  it('hands out the still-valid token when a proactive refresh fails transiently', async () => {
    const outage = new TransientError('timeout', 'Token endpoint timed out.');
    const { provider, refresh } = setup({
      tokens: { ...valid, expiresAt: new Date(T0 + 30_000) },
      refresh: async () => Promise.reject(outage),
    });
    await expect(provider.getAccessToken()).resolves.toBe('access-0');
    await expect(provider.refresh('access-0')).rejects.toBe(outage);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('never puts a token in an error message', async () => {
    const secret: TokenSet = {
      accessToken: 'SECRET-ACCESS',
      refreshToken: 'SECRET-REFRESH',
      expiresAt: new Date(T0 - 1),
    };
    const errors = await Promise.all([
      setup({ tokens: secret, refresh: async () => Promise.reject(new Error('boom')) })
        .provider.getAccessToken()
        .catch((e: unknown) => e),
      setup({ tokens: { accessToken: 'SECRET-ACCESS' } })
        .provider.refresh('SECRET-ACCESS')
        .catch((e: unknown) => e),
      setup({ tokens: { accessToken: 'SECRET-ACCESS', expiresAt: new Date(T0 - 1) } })
        .provider.getAccessToken()
        .catch((e: unknown) => e),
    ]);
    for (const error of errors) {
      expect(SmmkitError.isInstance(error)).toBe(true);
      const shown = `${String(error)} ${JSON.stringify(error)}`;
      expect(shown).toContain('access token');
      expect(shown).not.toMatch(/SECRET/);
    }
  });
});

describe('createRefreshingTokenProvider: what a failed refresh keeps', () => {
  it('keeps the refresh callback error as a hidden cause, out of every rendering', async () => {
    const secret: TokenSet = {
      accessToken: 'SECRET-ACCESS',
      refreshToken: 'SECRET-REFRESH',
      expiresAt: new Date(T0 - 1),
    };
    // An HTTP library's error holds the request, headers and all.
    const raw = Object.assign(new Error('refresh with SECRET-REFRESH failed'), {
      request: { headers: { authorization: 'Bearer SECRET-ACCESS' } },
    });
    const error = await setup({ tokens: secret, refresh: async () => Promise.reject(raw) })
      .provider.getAccessToken()
      .catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as Error).cause).toBe(raw);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toMatch(/SECRET/);
  });
});

describe("createRefreshingTokenProvider: the token store's own errors", () => {
  // A database error quoting the row it failed on, with the new access token in it.
  const databaseError = (token: string): Error =>
    Object.assign(new Error(`duplicate key value: Key (access_token)=(${token}) already exists`), {
      name: 'DatabaseError',
      code: '23505',
    });

  it("leaves a failed persist's message out of the error, keeping it only as a hidden cause", async () => {
    const thrown = databaseError('access-1');
    const { provider } = setup({
      persist: () => {
        throw thrown;
      },
    });
    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(TransientError.isInstance(error)).toBe(true);
    const wrapped = error as TransientError;
    expect(wrapped.retryable).toBe(true);
    expect(wrapped.message).not.toContain('access-1');
    expect(wrapped.message).toContain('DatabaseError');
    expect(wrapped.cause).toBe(thrown);
    expect(Object.getOwnPropertyDescriptor(wrapped, 'cause')?.enumerable).toBe(false);
    const rendered = `${String(wrapped)} ${JSON.stringify(wrapped)} ${inspect(wrapped, { depth: 10, showHidden: true })}`;
    expect(rendered).not.toContain('access-1');
    expect(rendered).not.toContain('Key (access_token)');
  });

  it("leaves a failed loader's message out of the error too", async () => {
    const thrown = databaseError('access-0');
    const { provider } = setup({ tokens: () => Promise.reject(thrown) });
    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(TransientError.isInstance(error)).toBe(true);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain('access-0');
    expect((error as Error).cause).toBe(thrown);
  });

  it('passes a smmkit error the store throws through unchanged', async () => {
    const disconnected = new AuthError('auth_revoked', 'The account was disconnected.');
    const { provider } = setup({ tokens: () => Promise.reject(disconnected) });
    await expect(provider.getAccessToken()).rejects.toBe(disconnected);
  });
});

describe('createRefreshingTokenProvider: one refresh per rejection', () => {
  it('refreshes once for 100 concurrent callers when the platform answers with the same access token', async () => {
    const { provider, refresh } = setup({
      tokens: { accessToken: 'access-0', refreshToken: 'refresh-0' },
      refresh: async () => ({ accessToken: 'access-0', refreshToken: 'refresh-0' }),
    });
    const callers = Array.from({ length: 100 }, () => provider.refresh('access-0'));
    await expect(Promise.all(callers)).resolves.toEqual(Array.from({ length: 100 }, () => 'access-0'));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('refreshes again for a rejection that comes after the last refresh finished', async () => {
    const { provider, refresh } = setup({
      tokens: { accessToken: 'access-0', refreshToken: 'refresh-0' },
      refresh: async () => ({ accessToken: 'access-0', refreshToken: 'refresh-0' }),
    });
    await provider.refresh('access-0');
    await provider.refresh('access-0');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('still refreshes for a caller that joined a load, not a refresh, and got the rejected token back', async () => {
    const loaded = deferred<TokenSet>();
    const { provider, refresh } = setup({ tokens: () => loaded.promise });
    const loading = provider.getAccessToken();
    const rejecting = provider.refresh('access-0');
    loaded.resolve({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    await expect(loading).resolves.toBe('access-0');
    await expect(rejecting).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledOnce();
  });
});

describe('createRefreshingTokenProvider: abort', () => {
  it('lets an aborted caller stop waiting without cancelling the refresh for the others', async () => {
    const answer = deferred<TokenSet>();
    const { provider, refresh, persist } = setup({ refresh: () => answer.promise });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const quitter = provider.getAccessToken({ signal: controller.signal });
    const stayer = provider.getAccessToken();
    await settle();
    controller.abort(reason);
    await expect(quitter).rejects.toBe(reason);

    answer.resolve({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await expect(stayer).resolves.toBe('access-1');
    expect(refresh).toHaveBeenCalledOnce();
    expect(persist).toHaveBeenCalledOnce();
  });

  it('rejects at once with the reason of an already aborted signal, doing nothing', async () => {
    const loader = vi.fn(async () => valid);
    const { provider } = setup({ tokens: loader });
    const reason = new Error('already gone');
    await expect(provider.getAccessToken({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(loader).not.toHaveBeenCalled();
  });
});
