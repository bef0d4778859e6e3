import { AuthError } from '../errors/auth-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { describeCallbackError, withUnprintedCause } from '../security/callback-error.js';
import { type Clock, systemClock } from '../time/clock.js';
import { waitUnlessAborted } from './abortable.js';
import { toRefreshFailure } from './refresh-failure.js';
import type { TokenProvider, TokenRequestOptions, TokenSet } from './token-provider.js';
import { callbackSource, type SourcedTokens, storeSource, type TokenSource } from './token-source.js';
import type { TokenStore } from './token-store.js';

/** Default of {@link TokenRefreshOptions.refreshMarginMs}: one minute. */
const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** Writes of a rotated set before it is left to the next call (a busy database, a network blip). */
const ROTATED_WRITE_ATTEMPTS = 3;
/** The pause before the second write of a rotated set; the third waits twice as long. */
const ROTATED_WRITE_PAUSE_MS = 250;

/**
 * What every refreshing token provider takes, whether its tokens live in the app's callbacks
 * ({@link RefreshingTokenProviderOptions}) or in a shared store ({@link SharedTokenProviderOptions}).
 */
export interface TokenRefreshOptions {
  /**
   * The platform's OAuth refresh call (the adapter's `refreshTokens`, for example). Throw an
   * `AuthError` when the platform refuses the refresh token and a retryable smmkit error
   * (`TransientError`) for failures worth retrying later; a `ValidationError` (the app cannot
   * refresh at all, nothing was sent) reaches callers as it is, and is neither latched nor taken
   * for a refusal. Give it a timeout: a refresh is shared by
   * every caller and is never cancelled once sent (with rotating refresh tokens the platform may
   * already have replaced the old one), so `options.signal` is currently never set.
   */
  readonly refresh: (refreshToken: string, options: { signal?: AbortSignal }) => Promise<TokenSet>;
  /** Time source; defaults to the system clock. */
  readonly clock?: Clock | undefined;
  /** Refresh ahead when the access token expires within this many milliseconds; default 60 000. */
  readonly refreshMarginMs?: number | undefined;
  /** Platform id for errors (`x`, `tiktok`, …). */
  readonly platform?: string | undefined;
}

/** Options of {@link createRefreshingTokenProvider} for tokens that one process keeps through callbacks. */
export interface RefreshingTokenProviderOptions extends TokenRefreshOptions {
  /**
   * The account's current tokens, or a loader (from your database, for example) called the first
   * time a token is needed. After a refresh failed for good, the loader is called again on each
   * request, so tokens stored by a new authorization are picked up without a restart. When it
   * throws, callers get a retryable `TransientError` whose `cause` is your error (its message is
   * not copied: a database error may quote a token).
   */
  readonly tokens: TokenSet | (() => Promise<TokenSet>);
  /**
   * Stores a new TokenSet. Called, and awaited, before the new access token is handed to anyone:
   * X and TikTok rotate refresh tokens, and the old one stops working, so a new one that is not
   * stored would lock the account out. When it throws, callers get a retryable `TransientError`
   * whose `cause` is your error (its message is not copied: a database error may quote the new
   * token), and it is called again with the same tokens before the next hand-out.
   */
  readonly persist: (tokens: TokenSet) => Promise<void> | void;
  /** Only with {@link SharedTokenProviderOptions}. */
  readonly store?: never;
  /** Only with {@link SharedTokenProviderOptions}. */
  readonly key?: never;
}

/**
 * Options of {@link createRefreshingTokenProvider} for tokens kept in a {@link TokenStore} that
 * several processes share (several workers acting for one account).
 */
export interface SharedTokenProviderOptions extends TokenRefreshOptions {
  /**
   * Where the account's tokens live. A refresh runs under the store's lock, re-reads the stored
   * tokens first (another process may have refreshed: then it uses those), and writes the new set
   * with compare-and-swap before anyone gets the new access token. When the store throws, callers
   * get a retryable `TransientError` whose `cause` is the store's error (its message is not
   * copied); a new set whose write failed is kept in memory and written before the next hand-out.
   */
  readonly store: TokenStore;
  /** The account's key in the store (`x:brand`, say); the same in every process. */
  readonly key: string;
  /** Only with {@link RefreshingTokenProviderOptions}: the store holds the tokens. */
  readonly tokens?: never;
  /** Only with {@link RefreshingTokenProviderOptions}: the store writes new tokens. */
  readonly persist?: never;
}

/** A {@link TokenProvider} that can always refresh. */
export interface RefreshingTokenProvider extends TokenProvider {
  /**
   * A fresh token after the platform rejected `rejectedToken`. Refreshes once for all concurrent
   * callers; returns the current token without refreshing when it already differs from
   * `rejectedToken`, or when a refresh finished after this call began (whatever token the platform
   * answered with: one refresh per rejection).
   */
  refresh(rejectedToken: string, options?: TokenRequestOptions): Promise<string>;
}

/**
 * A {@link RefreshingTokenProvider} whose owner can make sure nothing it got from the platform is
 * left unstored (the app facade, before it closes the store). Internal: not exported by the package.
 */
export interface FlushableTokenProvider extends RefreshingTokenProvider {
  /**
   * Waits for the operation in progress (a refresh whose callers gave up goes on: the platform
   * may have rotated the refresh token already), then stores a refreshed set still held only in
   * memory because its write failed. Sends nothing to the platform.
   *
   * @throws the store's error (see `storeFailure`) when the held set still cannot be stored
   */
  flush(): Promise<void>;
}

/** Tokens held in memory; `persisted` is false while a new set still has to be stored. */
interface Held {
  readonly tokens: TokenSet;
  /** The store's version of `tokens`, or, while they are not stored yet, of the set they replace. */
  version: string | undefined;
  persisted: boolean;
}

/** A failure that is not worth retrying with the same tokens, and the tokens it happened with. */
interface Latch {
  readonly error: SmmkitError;
  readonly tokens: TokenSet;
}

/** Which of the app's callbacks, or which store call, failed. */
type StoreCall = 'loader' | 'persist' | 'store load' | 'store write' | 'store lock';

/**
 * Makes the {@link TokenProvider} of one account from its OAuth tokens: it refreshes the access
 * token shortly before it expires (or when the platform rejects it), once for all concurrent
 * callers, and stores every new TokenSet (through `persist`, or in the `store`) before handing out
 * its access token.
 *
 * - A TokenSet without `expiresAt` is used until the platform rejects it.
 * - When a refresh answer has no `refreshToken` (platforms that do not rotate), the previous one
 *   is kept.
 * - A failed refresh rejects every waiting caller with the same error. A retryable one (network,
 *   5xx) is tried again on the next call; any other latches: later calls fail at once with the
 *   same error, without sending the dead refresh token again, until the `tokens` loader (or the
 *   store) yields different tokens (the user re-authorized).
 * - A `ValidationError` from the refresh call (the app's own setup; nothing was sent) is not a
 *   refusal: callers get it while the access token is no longer usable, and nothing latches.
 * - A caller whose `signal` aborts stops waiting; the shared refresh goes on for the others.
 * - With a `store` shared by several processes, one process refreshes and the others use what it
 *   stored: a refresh runs under the store's lock and first re-reads the store, and a refresh the
 *   platform refuses re-reads it before giving up (another process may have rotated the token).
 *
 * @param options - see {@link RefreshingTokenProviderOptions} and {@link SharedTokenProviderOptions}
 * @returns the account's token provider
 *
 * @example
 * ```ts
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   tokens: () => db.loadTokens(accountId),
 *   refresh: (refreshToken) => xAuth.refreshTokens({ refreshToken }),
 *   persist: (tokenSet) => db.saveTokens(accountId, tokenSet),
 * });
 * await adapter.publish(post, { account, tokens });
 * ```
 *
 * @example Several processes sharing the account
 * ```ts
 * import { sqliteTokenStore } from '@smmkit/core/sqlite';
 *
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: sqliteTokenStore('smm.db'),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * ```
 */
export function createRefreshingTokenProvider(
  options: RefreshingTokenProviderOptions | SharedTokenProviderOptions,
): RefreshingTokenProvider {
  const { getAccessToken, refresh } = createFlushableTokenProvider(options);
  return { getAccessToken, refresh };
}

/**
 * {@link createRefreshingTokenProvider}, with {@link FlushableTokenProvider.flush} for the owner
 * that closes the store. Internal: not exported by the package.
 *
 * @param options - see {@link RefreshingTokenProviderOptions} and {@link SharedTokenProviderOptions}
 * @returns the account's token provider, with `flush`
 */
export function createFlushableTokenProvider(
  options: RefreshingTokenProviderOptions | SharedTokenProviderOptions,
): FlushableTokenProvider {
  const clock = options.clock ?? systemClock;
  const marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const source: TokenSource =
    options.store === undefined
      ? callbackSource(options.tokens, options.persist)
      : storeSource(options.store, options.key, options.platform);
  const calls: Record<'load' | 'save' | 'lock', StoreCall> =
    options.store === undefined
      ? { load: 'loader', save: 'persist', lock: 'store lock' }
      : { load: 'store load', save: 'store write', lock: 'store lock' };

  let held: Held | undefined =
    options.store === undefined && typeof options.tokens !== 'function'
      ? { tokens: options.tokens, version: undefined, persisted: true }
      : undefined;
  let latch: Latch | undefined;
  // The one operation (load, persist, refresh) in progress; every caller joins it.
  let inflight: Promise<string> | undefined;
  // How many refreshes the platform has answered, so a caller can tell whether one finished after it asked.
  let refreshesAnswered = 0;

  /** Calls the app's callback or the store; see {@link storeFailure} for what a failure becomes. */
  async function fromStore<T>(call: StoreCall, work: () => Promise<T> | T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storeFailure(error, call, options.platform);
    }
  }

  const load = (): Promise<SourcedTokens> => fromStore(calls.load, () => source.load());

  /** Takes `loaded` as the tokens to work with, stored as they are. */
  function adopt(loaded: SourcedTokens): TokenSet {
    held = { tokens: loaded.tokens, version: loaded.version, persisted: true };
    return loaded.tokens;
  }

  /** True when `tokens` expire within `margin` ms; never for tokens without an expiry. */
  const expiresWithin = (tokens: TokenSet, margin: number): boolean =>
    tokens.expiresAt !== undefined && tokens.expiresAt.getTime() - clock.now() <= margin;

  /** True when `tokens` cannot be handed out as they are: rejected, or (about to be) expired. */
  const needsRefresh = (tokens: TokenSet, rejectedToken: string | undefined): boolean =>
    (rejectedToken !== undefined && tokens.accessToken === rejectedToken) || expiresWithin(tokens, marginMs);

  /**
   * Stores `pending` in place of the set it replaces. When someone else wrote first (a
   * re-authorization, or a process whose lock ran out), what they stored wins.
   */
  async function store(pending: Held): Promise<TokenSet> {
    const saved = await fromStore(calls.save, () => source.save(pending.tokens, pending.version));
    if (saved === undefined) return adopt(await load());
    pending.version = saved.version;
    pending.persisted = true;
    return pending.tokens;
  }

  /** The tokens to work with: loaded, not latched, and stored. */
  async function currentTokens(): Promise<TokenSet> {
    if (latch !== undefined) {
      if (!source.reloadable) throw latch.error;
      const loaded = await load();
      if (
        loaded.tokens.accessToken === latch.tokens.accessToken &&
        loaded.tokens.refreshToken === latch.tokens.refreshToken
      ) {
        throw latch.error;
      }
      latch = undefined;
      return adopt(loaded);
    }
    if (held === undefined) return adopt(await load());
    // A rotated set whose storing failed earlier: store it before anyone uses it.
    if (!held.persisted) return store(held);
    return held.tokens;
  }

  /** Remembers a failure that retrying with the same tokens cannot fix, and returns it. */
  function latchOn(error: SmmkitError, tokens: TokenSet): SmmkitError {
    latch = { error, tokens };
    return error;
  }

  async function settle(rejectedToken: string | undefined): Promise<string> {
    const current = await currentTokens();
    if (!needsRefresh(current, rejectedToken)) return current.accessToken;
    if (!source.shared) return renew(current, rejectedToken);
    return fromStore(calls.lock, () =>
      source.exclusive(async () => {
        // Another process may have refreshed (or the user re-authorized) since these tokens were
        // read; then the stored set is the live one, and refreshing the old one would be refused.
        const latest = adopt(await load());
        if (!needsRefresh(latest, rejectedToken)) return latest.accessToken;
        return renew(latest, rejectedToken);
      }),
    );
  }

  /** Refreshes `current` and stores the answer; see {@link createRefreshingTokenProvider}. */
  async function renew(current: TokenSet, rejectedToken: string | undefined): Promise<string> {
    const rejected = rejectedToken !== undefined && current.accessToken === rejectedToken;
    // Still usable: a failed proactive refresh must not fail a request that would succeed.
    const stillValid = !rejected && !expiresWithin(current, 0);
    const version = held?.version;

    const refreshToken = current.refreshToken;
    if (refreshToken === undefined) {
      if (stillValid) return current.accessToken;
      const message = rejected
        ? 'The platform rejected the access token and there is no refresh token to renew it.'
        : 'The access token expired and there is no refresh token to renew it.';
      throw latchOn(new AuthError('auth_expired', message, { platform: options.platform }), current);
    }

    let answer: TokenSet;
    try {
      answer = await options.refresh(refreshToken, {});
    } catch (error) {
      const failure = toRefreshFailure(error, options.platform);
      // A ValidationError is the app's own setup (no refresh call for the platform): nothing was
      // sent, so the refresh token is as good as before. It is not latched, like a retryable one.
      if (!failure.retryable && !ValidationError.isInstance(failure)) {
        // Refused: another process may have used this refresh token first and stored what it got.
        const rotatedElsewhere = source.shared ? await load() : undefined;
        if (rotatedElsewhere !== undefined && rotatedElsewhere.version !== version) {
          return adopt(rotatedElsewhere).accessToken;
        }
        throw latchOn(failure, current);
      }
      if (stillValid) return current.accessToken;
      throw failure;
    }

    // Platforms that do not rotate answer without a refresh token: the old one stays valid.
    const next: Held = {
      tokens:
        answer.refreshToken === undefined
          ? {
              ...answer,
              refreshToken,
              refreshTokenExpiresAt: answer.refreshTokenExpiresAt ?? current.refreshTokenExpiresAt,
            }
          : answer,
      version,
      persisted: false,
    };
    refreshesAnswered += 1;
    // Held before storing, so that a failed write keeps the new set and retries it (currentTokens):
    // once the platform answered, the old refresh token is dead and the new one must not be lost.
    // The stored old set goes only by being overwritten with this one (compare-and-swap).
    held = next;
    return (await storeRotated(next)).accessToken;
  }

  /**
   * Stores a set the platform just answered with, trying again while this process still holds the
   * store's lock: once it lets go, another process may load the old set and refresh with a refresh
   * token the platform retired, be refused, and have the account marked for re-authorization while
   * the new set lives only here. The last failure is thrown; the set stays held for the next call.
   */
  async function storeRotated(pending: Held): Promise<TokenSet> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await store(pending);
      } catch (error) {
        if (attempt >= ROTATED_WRITE_ATTEMPTS) throw error;
        await clock.sleep(ROTATED_WRITE_PAUSE_MS * attempt);
      }
    }
  }

  /** The current access token when no work is needed, without waiting a tick. */
  function ready(rejectedToken: string | undefined): string | undefined {
    if (inflight !== undefined || latch !== undefined || held === undefined || !held.persisted)
      return undefined;
    return needsRefresh(held.tokens, rejectedToken) ? undefined : held.tokens.accessToken;
  }

  function start(rejectedToken: string | undefined): Promise<string> {
    const operation: Promise<string> = settle(rejectedToken).finally(() => {
      if (inflight === operation) inflight = undefined;
    });
    inflight = operation;
    return operation;
  }

  async function obtain(rejectedToken: string | undefined, signal: AbortSignal | undefined): Promise<string> {
    signal?.throwIfAborted();
    const token = ready(rejectedToken);
    if (token !== undefined) return token;
    const answeredBefore = refreshesAnswered;
    for (;;) {
      const joined = inflight !== undefined;
      const result = await waitUnlessAborted(inflight ?? start(rejectedToken), signal);
      // An operation started by someone else (a load, a retried persist) may hand back the very
      // token this caller saw rejected; then run one for this caller, unless a refresh was
      // answered meanwhile: a platform may answer a refresh with the same access token, and
      // refreshing again for every waiting caller would make one rejection cost one refresh each.
      if (!joined || result !== rejectedToken || refreshesAnswered !== answeredBefore) return result;
    }
  }

  async function flush(): Promise<void> {
    // The operation's own callers got its outcome; only a set it could not store is left to do.
    while (inflight !== undefined) await inflight.catch(() => undefined);
    if (held !== undefined && !held.persisted) await storeRotated(held);
  }

  return {
    getAccessToken: (requestOptions) => obtain(undefined, requestOptions?.signal),
    refresh: (rejectedToken, requestOptions) => obtain(rejectedToken, requestOptions?.signal),
    flush,
  };
}

/** What each failing call was doing, and what to check. */
const STORE_CALLS: Record<
  StoreCall,
  { readonly failed: (thrown: string) => string; readonly check: string }
> = {
  loader: {
    failed: (thrown) => `Loading the account's tokens failed: the tokens loader threw ${thrown}.`,
    check: 'the token store behind the tokens loader',
  },
  persist: {
    failed: (thrown) =>
      `Storing the refreshed tokens failed: persist threw ${thrown}. They are kept in memory and stored again before the next hand-out.`,
    check: 'the token store behind the persist callback',
  },
  'store load': {
    failed: (thrown) => `Loading the account's tokens failed: the token store threw ${thrown}.`,
    check: 'the token store',
  },
  'store write': {
    failed: (thrown) =>
      `Storing the refreshed tokens failed: the token store threw ${thrown}. They are kept in memory and stored again before the next hand-out.`,
    check: 'the token store',
  },
  'store lock': {
    failed: (thrown) => `Locking the account's tokens for a refresh failed: the token store threw ${thrown}.`,
    check: "the token store's lock",
  },
};

/**
 * What a failure of the app's tokens loader or `persist`, or of a token store, becomes: a smmkit
 * error passes through (the app or the store chose it); anything else becomes a retryable
 * `TransientError` that names the error's class but not its message, which may quote a token (a
 * database error quotes the row), and keeps it as an unprinted `cause`.
 */
function storeFailure(error: unknown, call: StoreCall, platform: string | undefined): SmmkitError {
  if (SmmkitError.isInstance(error)) return error;
  const { failed, check } = STORE_CALLS[call];
  return withUnprintedCause(
    new TransientError('transient', failed(describeCallbackError(error)), {
      platform,
      cause: error,
      hint: `Check ${check} (the original error is this error's cause); retrying is safe.`,
    }),
  );
}
