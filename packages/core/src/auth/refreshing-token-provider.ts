import { AuthError } from '../errors/auth-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { describeCallbackError, withUnprintedCause } from '../security/callback-error.js';
import { type Clock, systemClock } from '../time/clock.js';
import { waitUnlessAborted } from './abortable.js';
import { toRefreshFailure } from './refresh-failure.js';
import type { TokenProvider, TokenRequestOptions, TokenSet } from './token-provider.js';

/** Default of {@link RefreshingTokenProviderOptions.refreshMarginMs}: one minute. */
const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** Options of {@link createRefreshingTokenProvider}. */
export interface RefreshingTokenProviderOptions {
  /**
   * The account's current tokens, or a loader (from your database, for example) called the first
   * time a token is needed. After a refresh failed for good, the loader is called again on each
   * request, so tokens stored by a new authorization are picked up without a restart. When it
   * throws, callers get a retryable `TransientError` whose `cause` is your error (its message is
   * not copied: a database error may quote a token).
   */
  readonly tokens: TokenSet | (() => Promise<TokenSet>);
  /**
   * The platform's OAuth refresh call (the adapter's `refreshTokens`, for example). Throw an
   * `AuthError` when the platform refuses the refresh token and a retryable smmkit error
   * (`TransientError`) for failures worth retrying later. Give it a timeout: a refresh is shared by
   * every caller and is never cancelled once sent (with rotating refresh tokens the platform may
   * already have replaced the old one), so `options.signal` is currently never set.
   */
  readonly refresh: (refreshToken: string, options: { signal?: AbortSignal }) => Promise<TokenSet>;
  /**
   * Stores a new TokenSet. Called, and awaited, before the new access token is handed to anyone:
   * X and TikTok rotate refresh tokens, and the old one stops working, so a new one that is not
   * stored would lock the account out. When it throws, callers get a retryable `TransientError`
   * whose `cause` is your error (its message is not copied: a database error may quote the new
   * token), and it is called again with the same tokens before the next hand-out.
   */
  readonly persist: (tokens: TokenSet) => Promise<void> | void;
  /** Time source; defaults to the system clock. */
  readonly clock?: Clock | undefined;
  /** Refresh ahead when the access token expires within this many milliseconds; default 60 000. */
  readonly refreshMarginMs?: number | undefined;
  /** Platform id for errors (`x`, `tiktok`, …). */
  readonly platform?: string | undefined;
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

/** Tokens held in memory; `persisted` is false while a new set still has to be stored. */
interface Held {
  readonly tokens: TokenSet;
  persisted: boolean;
}

/** A failure that is not worth retrying with the same tokens, and the tokens it happened with. */
interface Latch {
  readonly error: SmmkitError;
  readonly tokens: TokenSet;
}

/**
 * Makes the {@link TokenProvider} of one account from its OAuth tokens: it refreshes the access
 * token shortly before it expires (or when the platform rejects it), once for all concurrent
 * callers, and stores every new TokenSet through `persist` before handing out its access token.
 *
 * - A TokenSet without `expiresAt` is used until the platform rejects it.
 * - When a refresh answer has no `refreshToken` (platforms that do not rotate), the previous one
 *   is kept.
 * - A failed refresh rejects every waiting caller with the same error. A retryable one (network,
 *   5xx) is tried again on the next call; any other latches: later calls fail at once with the
 *   same error, without sending the dead refresh token again, until the `tokens` loader yields
 *   different tokens (the user re-authorized).
 * - A caller whose `signal` aborts stops waiting; the shared refresh goes on for the others.
 *
 * @param options - see {@link RefreshingTokenProviderOptions}
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
 */
export function createRefreshingTokenProvider(
  options: RefreshingTokenProviderOptions,
): RefreshingTokenProvider {
  const clock = options.clock ?? systemClock;
  const marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const source = options.tokens;
  const reloadable = typeof source === 'function';
  const load = typeof source === 'function' ? source : () => Promise.resolve(source);

  let held: Held | undefined = typeof source === 'function' ? undefined : { tokens: source, persisted: true };
  let latch: Latch | undefined;
  // The one operation (load, persist, refresh) in progress; every caller joins it.
  let inflight: Promise<string> | undefined;
  // How many refreshes the platform has answered, so a caller can tell whether one finished after it asked.
  let refreshesAnswered = 0;

  /** Calls the app's loader or `persist`; see {@link storeFailure} for what a failure becomes. */
  async function fromStore<T>(callback: 'loader' | 'persist', call: () => Promise<T> | T): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw storeFailure(error, callback, options.platform);
    }
  }

  /** True when `tokens` expire within `margin` ms; never for tokens without an expiry. */
  const expiresWithin = (tokens: TokenSet, margin: number): boolean =>
    tokens.expiresAt !== undefined && tokens.expiresAt.getTime() - clock.now() <= margin;

  /** The tokens to work with: loaded, not latched, and stored. */
  async function currentTokens(): Promise<TokenSet> {
    if (latch !== undefined) {
      if (!reloadable) throw latch.error;
      const loaded = await fromStore('loader', load);
      if (
        loaded.accessToken === latch.tokens.accessToken &&
        loaded.refreshToken === latch.tokens.refreshToken
      ) {
        throw latch.error;
      }
      latch = undefined;
      held = { tokens: loaded, persisted: true };
    }
    held ??= { tokens: await fromStore('loader', load), persisted: true };
    if (!held.persisted) {
      // A rotated set whose storing failed earlier: store it before anyone uses it.
      const unstored = held;
      await fromStore('persist', () => options.persist(unstored.tokens));
      unstored.persisted = true;
    }
    return held.tokens;
  }

  /** Remembers a failure that retrying with the same tokens cannot fix, and returns it. */
  function latchOn(error: SmmkitError, tokens: TokenSet): SmmkitError {
    latch = { error, tokens };
    return error;
  }

  async function settle(rejectedToken: string | undefined): Promise<string> {
    const current = await currentTokens();
    const rejected = rejectedToken !== undefined && current.accessToken === rejectedToken;
    if (!rejected && !expiresWithin(current, marginMs)) return current.accessToken;
    // Still usable: a failed proactive refresh must not fail a request that would succeed.
    const stillValid = !rejected && !expiresWithin(current, 0);

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
      if (!failure.retryable) throw latchOn(failure, current);
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
      persisted: false,
    };
    refreshesAnswered += 1;
    // Held before persisting so that a failed persist keeps the set and retries it (currentTokens).
    held = next;
    await fromStore('persist', () => options.persist(next.tokens));
    next.persisted = true;
    return next.tokens.accessToken;
  }

  /** The current access token when no work is needed, without waiting a tick. */
  function ready(rejectedToken: string | undefined): string | undefined {
    if (inflight !== undefined || latch !== undefined || held === undefined || !held.persisted)
      return undefined;
    const { accessToken } = held.tokens;
    if (accessToken === rejectedToken || expiresWithin(held.tokens, marginMs)) return undefined;
    return accessToken;
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

  return {
    getAccessToken: (requestOptions) => obtain(undefined, requestOptions?.signal),
    refresh: (rejectedToken, requestOptions) => obtain(rejectedToken, requestOptions?.signal),
  };
}

/**
 * What a failure of the app's tokens loader or `persist` becomes: a smmkit error passes through
 * (the app chose it); anything else becomes a retryable `TransientError` that names the error's
 * class but not its message, which may quote a token (a database error quotes the row), and keeps
 * it as an unprinted `cause`.
 */
function storeFailure(
  error: unknown,
  callback: 'loader' | 'persist',
  platform: string | undefined,
): SmmkitError {
  if (SmmkitError.isInstance(error)) return error;
  const thrown = describeCallbackError(error);
  const message =
    callback === 'loader'
      ? `Loading the account's tokens failed: the tokens loader threw ${thrown}.`
      : `Storing the refreshed tokens failed: persist threw ${thrown}. They are kept in memory and stored again before the next hand-out.`;
  return withUnprintedCause(
    new TransientError('transient', message, {
      platform,
      cause: error,
      hint: `Check the token store behind the ${callback === 'loader' ? 'tokens loader' : 'persist callback'} (the original error is this error's cause); retrying is safe.`,
    }),
  );
}
