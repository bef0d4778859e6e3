import {
  type AccountStore,
  accountFromJson,
  accountToJson,
  checkConnection,
  connectedAccount,
  platformAccountTaken,
} from '@smmkit/core/app';
import type { Redis } from 'ioredis';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import { CONNECT_ACCOUNT, DISCONNECT_ACCOUNT } from './redis-account-scripts.js';
import { openRedis } from './redis-connection.js';
import { rewriteField } from './redis-store-field-cas.js';

/** The account registry's methods. */
const ACCOUNT_OPERATIONS: StoreOperations<RedisAccountStore> = {
  connect: 'connect the account',
  get: 'read the account',
  list: 'list the accounts',
  disconnect: 'disconnect the account',
  markNeedsReauthorization: 'mark the account as needing re-authorization',
  close: 'close the connection',
};

/** Options of {@link redisAccountStore}. */
export interface RedisAccountStoreOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`), or an ioredis client to share (it stays open on `close`), without
   * ioredis' `keyPrefix` (refused with a `ValidationError`: use `prefix`).
   */
  readonly connection: string | Redis;
  /**
   * The start of every key the store writes; default `smmkit:`, as the other Redis stores. Every
   * process sharing one registry uses the same prefix.
   */
  readonly prefix?: string | undefined;
}

/** An `AccountStore` (`@smmkit/core/app`) in Redis. */
export interface RedisAccountStore extends AccountStore {
  /** Closes the connection when the store opened it from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps the registry of connected accounts in Redis, for processes on many machines that share
 * one set of accounts (`createSmmkit` on `redisStore`, or your own wiring). Connecting and
 * disconnecting are each one Lua script, so of two processes connecting one platform account
 * under two ids, one is refused; marking an account as needing re-authorization is a
 * compare-and-set, so the first reason and time stay whoever marks it.
 *
 * Keys: `<prefix>accounts` (a hash: id → the account as JSON, as the SQLite store keeps it),
 * `<prefix>account-holders` (platform account → id) and `<prefix>account-holdings` (id →
 * platform account). Tokens are not here: keep them in `redisTokenStore` under the account's id.
 *
 * @param options - the connection and the key prefix
 * @returns the store
 *
 * @example
 * ```ts
 * import { redisAccountStore } from '@smmkit/scheduler-bullmq';
 *
 * const accounts = redisAccountStore({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * await accounts.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, new Date());
 * ```
 */
export function redisAccountStore(options: RedisAccountStoreOptions): RedisAccountStore {
  const { redis, owned } = openRedis(options.connection, 'redisAccountStore');
  const prefix = options.prefix ?? 'smmkit:';
  const accountsKey = `${prefix}accounts`;
  // The scripts' KEYS, in their order: accounts, holders, holdings.
  const keys = [accountsKey, `${prefix}account-holders`, `${prefix}account-holdings`];

  return guardRedisStore('account store', ACCOUNT_OPERATIONS, {
    connect: async (account, at) => {
      const connected = connectedAccount(checkConnection(account), at);
      const json = accountToJson(connected);
      // JSON keeps the two parts apart whatever characters the ids hold.
      const holding = JSON.stringify([connected.platform, connected.accountId]);
      const holder = await CONNECT_ACCOUNT.run(redis, keys, [connected.id, holding, json]);
      if (typeof holder === 'string' && holder !== '') throw platformAccountTaken(connected, holder);
      return accountFromJson(json);
    },
    get: async (id) => {
      const json = await redis.hget(accountsKey, id);
      return json === null ? undefined : accountFromJson(json);
    },
    list: async () => {
      const rows = await redis.hgetall(accountsKey);
      return Object.keys(rows)
        .sort()
        .map((id) => accountFromJson(rows[id] ?? ''));
    },
    disconnect: async (id) => (await DISCONNECT_ACCOUNT.run(redis, keys, [id])) === 1,
    markNeedsReauthorization: (id, reason, at) =>
      rewriteField(
        redis,
        accountsKey,
        id,
        (json) => {
          const account = accountFromJson(json);
          if (account.status.state === 'needs_reauthorization') return { keep: account };
          const marked = accountToJson({
            ...account,
            status: { state: 'needs_reauthorization', reason, since: new Date(at.getTime()) },
          });
          return { write: marked, value: accountFromJson(marked) };
        },
        `Account "${id}"`,
      ),
    close: async () => {
      if (owned) await redis.quit();
    },
  });
}
