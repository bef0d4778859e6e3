/**
 * smmkit's embedded store on Node's built-in SQLite (`node:sqlite`, Node 22.13 or later): one file
 * that processes on one machine share. For now it holds account tokens, so that processes sharing
 * an account never race a rotating refresh token; the scheduler's tables will join them in the
 * same file. Its own entry point, so that apps that never use it never load `node:sqlite`.
 *
 * @example
 * ```ts
 * import { createRefreshingTokenProvider } from '@smmkit/core';
 * import { sqliteTokenStore } from '@smmkit/core/sqlite';
 *
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: sqliteTokenStore('smm.db'),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * ```
 *
 * @packageDocumentation
 */
export {
  type SqliteTokenStore,
  type SqliteTokenStoreOptions,
  sqliteTokenStore,
} from './sqlite-token-store.js';
