import type { AccountStore, ConnectedAccount } from '../accounts/account-store.js';
import { waitUnlessAborted } from '../auth/abortable.js';
import {
  createFlushableTokenProvider,
  type FlushableTokenProvider,
  type TokenRefreshOptions,
} from '../auth/refreshing-token-provider.js';
import type { TokenProvider, TokenRequestOptions } from '../auth/token-provider.js';
import { AuthError } from '../errors/auth-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import type { Target } from '../models/target.js';
import { describeCallbackError, withUnprintedCause } from '../security/callback-error.js';
import type { Clock } from '../time/clock.js';
import { missingRefreshCall } from './missing-refresh-call.js';
import type { AccountTokenStore } from './store.js';
import { type UnstoredTokens, unstoredTokensError } from './unstored-tokens-error.js';

/** A platform's OAuth refresh call, as `createRefreshingTokenProvider` takes it. */
export type RefreshTokens = TokenRefreshOptions['refresh'];

/** What the token providers of connected accounts are made from. */
export interface AccountTokensOptions {
  readonly accounts: AccountStore;
  readonly tokens: AccountTokenStore;
  /** Refresh calls by platform id. */
  readonly refresh: Readonly<Record<string, RefreshTokens>>;
  readonly clock: Clock;
}

/** The token providers of connected accounts, for the publisher's `tokens` option. */
export interface AccountTokens {
  /** The provider of the account `target` is; it finds the account when asked for a token. */
  providerFor(target: Target): TokenProvider;
  /** Drops the provider kept for `id` (disconnected, or connected again). */
  forget(id: string): void;
  /**
   * Waits for the token work in progress, that of callers who gave up too (a refresh, once sent,
   * is seen through until its answer is stored: the platform may have rotated the refresh token),
   * then stores any refreshed set still held only in memory. Call it before closing the store.
   *
   * @throws AuthError naming every account whose refreshed tokens still could not be stored
   */
  drain(): Promise<void>;
}

const RECONNECT_HINT =
  'Connect the account again (smm.accounts.connect with the tokens of a new authorization); until then nothing is sent for it.';

/**
 * Token providers over the account registry and the token store: each connected account gets one
 * `createRefreshingTokenProvider` on the store under its id (single-flight refresh, across
 * processes through the store's lock). A provider refuses at once, sending nothing, for an account
 * that is not connected or that needs re-authorization; when the refreshing provider fails with an
 * `AuthError` (the refresh token was refused for good, or there are no tokens), the account is
 * marked as needing re-authorization with that reason. A platform without a refresh call fails
 * with a `ValidationError` instead and marks nothing: it is this process's setup, not the tokens.
 * A caller whose signal aborts stops waiting; the work goes on, and `drain` waits for it.
 *
 * @param options - the stores, the refresh calls and the clock
 * @returns the providers
 */
export function accountTokens(options: AccountTokensOptions): AccountTokens {
  /**
   * One provider per account id and connection: a reconnection (here or in another process that
   * shares the registry) gives the account a new `connectedAt`, and its provider is built anew
   * on the new tokens instead of handing out the ones it held.
   */
  const providers = new Map<
    string,
    { readonly account: ConnectedAccount; readonly provider: FlushableTokenProvider }
  >();
  /** Token work in progress, whether or not its caller still waits. */
  const running = new Set<Promise<string>>();

  const providerOf = (account: ConnectedAccount): TokenProvider => {
    const known = providers.get(account.id);
    if (known !== undefined && known.account.connectedAt.getTime() === account.connectedAt.getTime())
      return known.provider;
    const provider = createFlushableTokenProvider({
      platform: account.platform,
      store: options.tokens,
      key: account.id,
      clock: options.clock,
      refresh: options.refresh[account.platform] ?? missingRefreshCall(account),
    });
    providers.set(account.id, { account, provider });
    return provider;
  };

  const accountOf = async (target: Target): Promise<ConnectedAccount> => {
    let listed: ConnectedAccount[];
    try {
      listed = await options.accounts.list();
    } catch (error) {
      if (SmmkitError.isInstance(error)) throw error;
      throw withUnprintedCause(
        new TransientError(
          'transient',
          `Reading the account registry failed: it threw ${describeCallbackError(error)}.`,
          {
            platform: target.platform,
            cause: error,
          },
        ),
      );
    }
    const account = listed.find(
      (candidate) => candidate.platform === target.platform && candidate.accountId === target.accountId,
    );
    if (account === undefined) {
      throw new AuthError(
        'auth_revoked',
        `No connected account is ${target.platform} account ${target.accountId}.`,
        {
          platform: target.platform,
          hint: 'Connect the account first (smm.accounts.connect); nothing was sent.',
        },
      );
    }
    if (account.status.state === 'needs_reauthorization')
      throw reconnectError(account, account.status.reason);
    return account;
  };

  /** Gets a token for `target` and marks the account when the platform refused its tokens. */
  const work = async (target: Target, ask: (provider: TokenProvider) => Promise<string>): Promise<string> => {
    const account = await accountOf(target);
    try {
      return await ask(providerOf(account));
    } catch (error) {
      if (!AuthError.isInstance(error)) throw error;
      const marked = await options.accounts.markNeedsReauthorization(
        account.id,
        error.message,
        new Date(options.clock.now()),
      );
      throw reconnectError(marked ?? account, error.message, error);
    }
  };

  /**
   * Runs {@link work} without the caller's signal, kept in `running` until it settles: a caller
   * who gives up stops waiting, but a refresh already sent is still stored (and a refusal still
   * marked) before `drain` lets the store close.
   */
  const use = (
    target: Target,
    request: TokenRequestOptions | undefined,
    ask: (provider: TokenProvider) => Promise<string>,
  ): Promise<string> => {
    const signal = request?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const task = work(target, ask);
    running.add(task);
    const forget = (): void => {
      running.delete(task);
    };
    task.then(forget, forget);
    return waitUnlessAborted(task, signal);
  };

  const drain = async (): Promise<void> => {
    while (running.size > 0) await Promise.allSettled([...running]);
    const lost: UnstoredTokens[] = [];
    // Only the current connections: tokens of an account disconnected or connected again since
    // were replaced on purpose and must not be written back.
    for (const held of providers.values()) {
      try {
        await held.provider.flush();
      } catch (error) {
        lost.push({ account: held.account, error });
      }
    }
    if (lost.length > 0) throw unstoredTokensError(lost);
  };

  return {
    providerFor: (target) => ({
      getAccessToken: (request) => use(target, request, (provider) => provider.getAccessToken()),
      refresh: (rejected, request) =>
        use(target, request, (provider) => provider.refresh?.(rejected) ?? provider.getAccessToken()),
    }),
    forget: (id) => {
      providers.delete(id);
    },
    drain,
  };
}

/** The refusal of an account that needs re-authorization: nothing is sent for it. */
function reconnectError(account: ConnectedAccount, reason: string, cause?: AuthError): AuthError {
  return new AuthError(
    cause?.code ?? 'auth_revoked',
    `The ${account.platform} account "${account.id}" needs re-authorization: ${reason}`,
    { platform: account.platform, hint: RECONNECT_HINT, ...(cause === undefined ? {} : { cause }) },
  );
}
