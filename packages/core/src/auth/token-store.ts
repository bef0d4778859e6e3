import type { TokenSet } from './token-provider.js';

/**
 * An account's tokens as a {@link TokenStore} holds them, with the version the store gave them.
 *
 * @example
 * ```ts
 * const stored = await store.load('x:brand');
 * if (stored !== undefined) console.log(stored.version, stored.tokens.expiresAt);
 * ```
 */
export interface StoredTokenSet {
  /** The tokens. */
  readonly tokens: TokenSet;
  /**
   * Changes on every write of this key. Opaque: compare two versions, never compute one
   * (a counter, a row version, an ETag: whatever the store can compare atomically).
   */
  readonly version: string;
}

/**
 * Where the tokens of many accounts live when more than one process uses them: give it to
 * `createRefreshingTokenProvider` (`store` and `key`) in every process that acts for the account.
 *
 * X and TikTok rotate the refresh token on every refresh and refuse the old one, so two processes
 * refreshing with the same token would lock one of them out. With a store, a refresh runs under
 * the store's lock ({@link TokenStore.withLock}), first re-reads the stored tokens (another process
 * may have refreshed already: then it uses those), and writes the new set with
 * {@link TokenStore.compareAndSwap} before the old refresh token is forgotten.
 *
 * smmkit ships a SQLite store (`sqliteTokenStore` from `@smmkit/core/sqlite`, processes on one
 * machine) and a Redis one (`redisTokenStore` from `@smmkit/scheduler-bullmq`, many machines).
 * Implement this interface to keep tokens elsewhere (a SQL row with a version column works).
 *
 * @example
 * ```ts
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: sqliteTokenStore('smm.db'),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * ```
 */
export interface TokenStore {
  /**
   * The tokens stored under `key`, or `undefined` when there are none (the account was never
   * authorized, or its tokens were deleted).
   */
  load(key: string): Promise<StoredTokenSet | undefined>;
  /**
   * Atomically stores `next` under `key` if what is stored there still has `expectedVersion`
   * (`undefined`: nothing is stored yet), and gives it a new version.
   *
   * @returns the stored set with its new version, or `undefined` when the stored version differs
   *   (someone else wrote first); then nothing was written
   */
  compareAndSwap(
    key: string,
    expectedVersion: string | undefined,
    next: TokenSet,
  ): Promise<StoredTokenSet | undefined>;
  /**
   * Runs `work` while holding a lock on `key` that every process sharing the store respects, and
   * releases it when `work` settles. The lock is a lease: if its holder dies, it ends by itself
   * after the store's lease time, so a crashed process never blocks the others for good.
   * Optional: without it, processes still never overwrite each other's tokens
   * (compare-and-swap), but two may refresh at once, and the one the platform refuses fails that
   * call (later calls pick up the stored tokens).
   */
  withLock?<T>(key: string, work: () => Promise<T>): Promise<T>;
}
