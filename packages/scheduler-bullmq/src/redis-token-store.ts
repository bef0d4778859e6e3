import { randomUUID } from 'node:crypto';
import type { Clock, StoredTokenSet, TokenSet, TokenStore } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import type { Redis } from 'ioredis';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import { openRedis } from './redis-connection.js';
import { redisFailure } from './redis-failure.js';
import { withRedisLease } from './redis-lease.js';

/** The token store's methods; `withLock` types its own lease failures (its `work` is the app's). */
const TOKEN_OPERATIONS: StoreOperations<RedisTokenStore> = {
  load: 'load the tokens',
  compareAndSwap: 'write the tokens',
  withLock: null,
  save: 'save the tokens',
  delete: 'delete the tokens',
  close: 'close the connection',
};

/** Default of {@link RedisTokenStoreOptions.leaseMs}: 30 s, twice the 15 s an adapter gives a token call. */
const DEFAULT_LEASE_MS = 30_000;

/**
 * Writes a token set over the one of version ARGV[1] ('' = none stored), atomically (one script):
 * the old fields go and the new ones come in the same step, so no reader ever sees a mix.
 * ARGV[2] is the new version, the rest field/value pairs. Answers 1 when written, 0 when not.
 */
const COMPARE_AND_SWAP = `
local current = redis.call('HGET', KEYS[1], 'version')
if ARGV[1] == '' then
  if current then return 0 end
elseif current ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'version', ARGV[2], unpack(ARGV, 3))
return 1`;

/** Options of {@link redisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** The start of every key the store writes; default `smmkit:` (BullMQ's own keys start with `bull:`). */
  readonly prefix?: string | undefined;
  /**
   * How long the lock on one account's tokens lasts unless released, in ms: how long a worker
   * that died during a refresh blocks the others. Longer than your refresh call's timeout;
   * default 30 000.
   */
  readonly leaseMs?: number | undefined;
  /** How long to wait for the lock before failing with a retryable `TransientError`, in ms; default twice `leaseMs`. */
  readonly lockWaitMs?: number | undefined;
  /** Time source for the lock wait and its pauses (Redis itself ends leases); default the system clock. */
  readonly clock?: Clock | undefined;
}

/** A `TokenStore` (`@smmkit/core`) in Redis, plus what the authorization step needs. */
export interface RedisTokenStore extends TokenStore {
  /** Runs `work` holding the lock on `key` (a Redis lease); see `TokenStore.withLock` in `@smmkit/core`. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * Stores `tokens` under `key` whatever is stored there: after the user authorized (or
   * re-authorized) the account.
   */
  save(key: string, tokens: TokenSet): Promise<StoredTokenSet>;
  /** Forgets the tokens under `key` (the account was disconnected). */
  delete(key: string): Promise<void>;
  /** Closes the connection when the store opened it from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps account tokens in Redis, for workers on many machines that share accounts: give the same
 * Redis to `createRefreshingTokenProvider` in every worker (`store`, `key`), and one of them
 * refreshes a rotating token (X, TikTok) while the others use what it stored.
 *
 * Each account is a hash at `<prefix>tokens:<key>` with a fresh random version on every write;
 * compare-and-swap is one Lua script. The lock is `SET <prefix>lock:tokens:<key> <holder> NX PX
 * <leaseMs>`, released by a compare-and-delete script, so a worker that died holding it blocks the
 * others for at most `leaseMs`. Tokens are stored as they are, not encrypted: protect the Redis
 * (and its persistence files) as you would the tokens.
 *
 * @param connection - a Redis URL (`redis://127.0.0.1:6379`), or an ioredis client to share (BullMQ's connection, say), without ioredis' `keyPrefix` (refused with a `ValidationError`: use `options.prefix`)
 * @param options - key prefix, lock timing, clock
 * @returns the store
 *
 * @example
 * ```ts
 * import { redisTokenStore } from '@smmkit/scheduler-bullmq';
 *
 * const store = redisTokenStore(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
 * await store.save('x:brand', await exchangeXCode({ clientId, redirectUri, code, codeVerifier }));
 * const tokens = createRefreshingTokenProvider({ platform: 'x', store, key: 'x:brand', refresh });
 * ```
 */
export function redisTokenStore(
  connection: string | Redis,
  options: RedisTokenStoreOptions = {},
): RedisTokenStore {
  const { redis, owned } = openRedis(connection, 'redisTokenStore');
  const prefix = options.prefix ?? 'smmkit:';
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const timing = { leaseMs, waitMs: options.lockWaitMs ?? 2 * leaseMs, clock: options.clock ?? systemClock };
  const clock = timing.clock;
  const tokensKey = (key: string): string => `${prefix}tokens:${key}`;

  /** The hash fields of `tokens`, as field/value pairs; absent values are left out. */
  const fields = (tokens: TokenSet): string[] => [
    'access_token',
    tokens.accessToken,
    ...(tokens.expiresAt === undefined ? [] : ['expires_at', String(tokens.expiresAt.getTime())]),
    ...(tokens.refreshToken === undefined ? [] : ['refresh_token', tokens.refreshToken]),
    ...(tokens.refreshTokenExpiresAt === undefined
      ? []
      : ['refresh_token_expires_at', String(tokens.refreshTokenExpiresAt.getTime())]),
    ...(tokens.scopes === undefined ? [] : ['scopes', JSON.stringify(tokens.scopes)]),
    'updated_at',
    String(clock.now()),
  ];

  return guardRedisStore('token store', TOKEN_OPERATIONS, {
    load: async (key) => {
      const hash = await redis.hgetall(tokensKey(key));
      return hash.version === undefined ? undefined : fromHash(hash);
    },
    compareAndSwap: async (key, expectedVersion, next) => {
      const version = randomUUID();
      const written = await redis.eval(
        COMPARE_AND_SWAP,
        1,
        tokensKey(key),
        expectedVersion ?? '',
        version,
        ...fields(next),
      );
      return written === 1 ? { tokens: next, version } : undefined;
    },
    withLock: (key, work) =>
      withRedisLease(redis, `${prefix}lock:tokens:${key}`, timing, work, (error) =>
        redisFailure(error, { store: 'token store', operation: "take the lock on the account's tokens" }),
      ),
    save: async (key, tokens) => {
      const version = randomUUID();
      // One transaction, so that no reader sees the old set's fields mixed with the new one's.
      const results = await redis
        .multi()
        .del(tokensKey(key))
        .hset(tokensKey(key), 'version', version, ...fields(tokens))
        .exec();
      const failure = results?.find(([error]) => error !== null)?.[0];
      if (failure) throw failure;
      return { tokens, version };
    },
    delete: async (key) => {
      await redis.del(tokensKey(key));
    },
    close: async () => {
      if (owned) await redis.quit();
    },
  });
}

/** The stored set of a token hash; absent fields stay absent. */
function fromHash(hash: Record<string, string>): StoredTokenSet {
  const date = (value: string | undefined): Date | undefined =>
    value === undefined ? undefined : new Date(Number(value));
  const expiresAt = date(hash.expires_at);
  const refreshToken = hash.refresh_token;
  const refreshTokenExpiresAt = date(hash.refresh_token_expires_at);
  const scopes = hash.scopes;
  return {
    version: hash.version ?? '',
    tokens: {
      accessToken: hash.access_token ?? '',
      ...(expiresAt === undefined ? {} : { expiresAt }),
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(refreshTokenExpiresAt === undefined ? {} : { refreshTokenExpiresAt }),
      ...(scopes === undefined ? {} : { scopes: JSON.parse(scopes) as string[] }),
    },
  };
}
