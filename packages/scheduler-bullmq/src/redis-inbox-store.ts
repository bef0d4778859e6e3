import {
  applyInboxPatch,
  type InboxItem,
  type InboxSource,
  type InboxStore,
  newInboxItem,
  parseInboxItem,
} from '@smmkit/core/inbox';
import type { Redis } from 'ioredis';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import { openRedis } from './redis-connection.js';
import { cursorFromJson, cursorToJson } from './redis-inbox-cursor.js';
import { itemField, listInboxItems } from './redis-inbox-list.js';
import { ADD_ITEMS, MARK_SEEN, MOVE_SEEN } from './redis-inbox-scripts.js';
import { rewriteField } from './redis-store-field-cas.js';

/** The inbox store's methods. */
const INBOX_OPERATIONS: StoreOperations<RedisInboxStore> = {
  add: 'add the engagements',
  get: 'read the inbox item',
  list: 'list inbox items',
  update: 'update the inbox item',
  getCursor: 'read the polling cursor',
  setCursor: 'save the polling cursor',
  markSeenIds: 'mark the ids as seen',
  unmarkSeenIds: 'unmark the seen ids',
  seenIdsAt: 'read when the ids were seen',
  moveSeenIds: 'move the seen ids',
  forgetSeenIds: 'forget old seen ids',
  close: 'close the connection',
};

/** Options of {@link redisInboxStore}. */
export interface RedisInboxStoreOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`), or an ioredis client to share (it stays open on `close`), without
   * ioredis' `keyPrefix` (refused with a `ValidationError`: use `prefix`).
   */
  readonly connection: string | Redis;
  /**
   * The start of every key the store writes; default `smmkit:`, as the other Redis stores. Every
   * process sharing one inbox uses the same prefix.
   */
  readonly prefix?: string | undefined;
}

/** An `InboxStore` (`@smmkit/core/inbox`) in Redis. */
export interface RedisInboxStore extends InboxStore {
  /** Closes the connection when the store opened it from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps the engagement inbox (items, polling cursors, seen ids) in Redis, for pollers and webhook
 * receivers on many machines that share one inbox (`createInbox`'s `store`). Adding a page with
 * its cursor is one Lua script, so of two processes adding one engagement exactly one gets it
 * back as new, and a page is never kept without its cursor; marking ids as seen is one script
 * too (`ZADD NX`), so each webhook delivery is handed on once. Updates read the item, apply
 * core's `applyInboxPatch` and write it back only if it did not change meanwhile (else read it
 * again), so two people changing one item at once both win.
 *
 * Keys: `<prefix>inbox:items` (a hash: `[platform, accountId, id]` → the item as JSON, read back through
 * core's item schema), `<prefix>inbox:order` (those fields scored by `createdAt`, for newest-first
 * lists and time ranges), `<prefix>inbox:cursors` (a hash: `[platform, accountId, source]` → the
 * cursor) and `<prefix>inbox:seen` (`[scope, id]` scored by when first seen). Filters other than
 * time are applied by reading items newest first, so a list that matches few of many items reads
 * many; page with `limit` and `after`.
 *
 * @param options - the connection and the key prefix
 * @returns the store
 *
 * @example
 * ```ts
 * import { createInbox } from '@smmkit/core/inbox';
 * import { redisInboxStore } from '@smmkit/scheduler-bullmq';
 *
 * const store = redisInboxStore({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * const inbox = createInbox({ store, adapters, publisher, accounts });
 * ```
 */
export function redisInboxStore(options: RedisInboxStoreOptions): RedisInboxStore {
  const { redis, owned } = openRedis(options.connection, 'redisInboxStore');
  const prefix = options.prefix ?? 'smmkit:';
  const keys = {
    items: `${prefix}inbox:items`,
    order: `${prefix}inbox:order`,
    cursors: `${prefix}inbox:cursors`,
    seen: `${prefix}inbox:seen`,
  };
  const sourceField = ({ platform, accountId, source }: InboxSource): string =>
    JSON.stringify([platform, accountId, source]);
  const seenMember = (scope: string, id: string): string => JSON.stringify([scope, id]);
  const itemFromJson = (json: string): InboxItem => parseInboxItem(JSON.parse(json));

  return guardRedisStore('inbox store', INBOX_OPERATIONS, {
    add: async (engagements, { receivedAt, cursor }) => {
      // Checked before the script (a bad engagement rejects the call, nothing written), and read
      // back from its JSON, so what add returns is what get will return.
      const made = engagements.map((engagement) =>
        itemFromJson(JSON.stringify(newInboxItem(engagement, receivedAt))),
      );
      const added = await ADD_ITEMS.run(
        redis,
        [keys.items, keys.order, keys.cursors],
        [
          made.length,
          ...made.flatMap((item) => [itemField(item), JSON.stringify(item), item.createdAt.getTime()]),
          ...(cursor === undefined ? ['', ''] : [sourceField(cursor.source), cursorToJson(cursor.cursor)]),
        ],
      );
      return Array.isArray(added) ? added.flatMap((index) => made[Number(index)] ?? []) : [];
    },
    get: async (ref) => {
      const json = await redis.hget(keys.items, itemField(ref));
      return json === null ? undefined : itemFromJson(json);
    },
    list: (query = {}) => listInboxItems(redis, keys, query),
    update: (ref, patch, at) =>
      rewriteField(
        redis,
        keys.items,
        itemField(ref),
        (json) => {
          // Patches never change createdAt, platform, account or id: the item keeps its place.
          const next = applyInboxPatch(itemFromJson(json), patch, at);
          const text = JSON.stringify(next);
          return { write: text, value: itemFromJson(text) };
        },
        `Inbox item ${ref.platform}/${ref.accountId}/${ref.id}`,
      ),
    getCursor: async (source) => {
      const json = await redis.hget(keys.cursors, sourceField(source));
      return json === null ? undefined : cursorFromJson(json);
    },
    setCursor: async (source, cursor) => {
      if (cursor === undefined) await redis.hdel(keys.cursors, sourceField(source));
      else await redis.hset(keys.cursors, sourceField(source), cursorToJson(cursor));
    },
    markSeenIds: async (scope, ids, at) => {
      if (ids.length === 0) return [];
      const fresh = await MARK_SEEN.run(
        redis,
        [keys.seen],
        [at.getTime(), ...ids.map((id) => seenMember(scope, id))],
      );
      return Array.isArray(fresh) ? fresh.flatMap((index) => ids[Number(index)] ?? []) : [];
    },
    unmarkSeenIds: async (scope, ids) => {
      if (ids.length > 0) await redis.zrem(keys.seen, ...ids.map((id) => seenMember(scope, id)));
    },
    seenIdsAt: async (scope, ids) => {
      if (ids.length === 0) return [];
      const scores = await redis.zmscore(keys.seen, ...ids.map((id) => seenMember(scope, id)));
      return scores.map((score) => (score === null ? undefined : new Date(Number(score))));
    },
    moveSeenIds: async (scope, moves, to) => {
      if (moves.length === 0) return [];
      const moved = await MOVE_SEEN.run(
        redis,
        [keys.seen],
        [to.getTime(), ...moves.flatMap(({ id, from }) => [seenMember(scope, id), from.getTime()])],
      );
      return Array.isArray(moved) ? moved.flatMap((index) => moves[Number(index)]?.id ?? []) : [];
    },
    forgetSeenIds: async (before) => redis.zremrangebyscore(keys.seen, '-inf', `(${before.getTime()}`),
    close: async () => {
      if (owned) await redis.quit();
    },
  });
}
