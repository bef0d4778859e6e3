import { AuthError } from '../errors/auth-error.js';
import type { TokenSet } from './token-provider.js';
import type { TokenStore } from './token-store.js';

/** Tokens as a source gave them, with the store's version (`undefined` for the app's callbacks). */
export interface SourcedTokens {
  /** The tokens. */
  readonly tokens: TokenSet;
  /** The store's version of them; `undefined` when they do not come from a {@link TokenStore}. */
  readonly version: string | undefined;
}

/**
 * Where a refreshing token provider reads and writes one account's tokens: the app's own
 * callbacks (one process) or a shared {@link TokenStore} (many processes). Internal: the provider
 * wraps what these throw.
 */
export interface TokenSource {
  /** Loading again may give other tokens (a loader or a store, not a fixed `TokenSet`). */
  readonly reloadable: boolean;
  /**
   * Other processes write these tokens too: a refresh first re-reads them, and a refresh the
   * platform refuses re-reads them before giving up.
   */
  readonly shared: boolean;
  /** The stored tokens. */
  load(): Promise<SourcedTokens>;
  /**
   * Stores `next` in place of the tokens of version `over`; `undefined` when someone else wrote
   * since (only a shared source can tell).
   */
  save(next: TokenSet, over: string | undefined): Promise<SourcedTokens | undefined>;
  /** Runs `work` so that no other process sharing the tokens runs its own at the same time, when it can. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The source of the app's callbacks: a fixed `TokenSet` or a loader, and `persist`.
 *
 * @param tokens - the `tokens` option
 * @param persist - the `persist` option
 * @returns the source
 */
export function callbackSource(
  tokens: TokenSet | (() => Promise<TokenSet>),
  persist: (tokens: TokenSet) => Promise<void> | void,
): TokenSource {
  return {
    reloadable: typeof tokens === 'function',
    shared: false,
    load: async () => ({
      tokens: typeof tokens === 'function' ? await tokens() : tokens,
      version: undefined,
    }),
    save: async (next) => {
      await persist(next);
      return { tokens: next, version: undefined };
    },
    exclusive: (work) => work(),
  };
}

/**
 * The source of a shared {@link TokenStore}: the tokens under `key`.
 *
 * @param store - the store
 * @param key - the account's key in it
 * @param platform - platform id for errors
 * @returns the source
 */
export function storeSource(store: TokenStore, key: string, platform: string | undefined): TokenSource {
  return {
    reloadable: true,
    shared: true,
    load: async () => {
      const stored = await store.load(key);
      if (stored === undefined) {
        throw new AuthError(
          'auth_revoked',
          `No tokens are stored under "${key}": authorize the account and store its tokens first.`,
          { platform },
        );
      }
      return stored;
    },
    save: (next, over) => store.compareAndSwap(key, over, next),
    exclusive: (work) => (store.withLock === undefined ? work() : store.withLock(key, work)),
  };
}
