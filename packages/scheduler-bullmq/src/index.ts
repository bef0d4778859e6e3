/**
 * smmkit on Redis, for many workers on many machines. For now it keeps account tokens, so that
 * workers sharing an account never race a rotating refresh token (X, TikTok): give
 * {@link redisTokenStore} to `createRefreshingTokenProvider` in every worker. Distributed
 * scheduling and shared rate limits on BullMQ will come to this package next.
 *
 * @example
 * ```ts
 * import { createRefreshingTokenProvider } from '@smmkit/core';
 * import { redisTokenStore } from '@smmkit/scheduler-bullmq';
 *
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: redisTokenStore(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * ```
 *
 * @packageDocumentation
 */
export { type RedisTokenStore, type RedisTokenStoreOptions, redisTokenStore } from './redis-token-store.js';
