import { type ScheduleEntry, type ScheduleStatus, TransientError } from '@smmkit/core';
import type { Outbox } from '@smmkit/core/scheduler';
import {
  applyEntryPatch,
  type ClaimedEntry,
  type EntryPatch,
  idTakenError,
  SLOT_HOLDING_STATUSES,
  type TargetClaimStore,
} from '@smmkit/core/scheduler';
import type { Redis } from 'ioredis';
import { setAsideDamaged } from './damaged-entry.js';
import {
  decodeEntry,
  type EncodedEntry,
  encodeEntry,
  FIELD,
  indexKeys,
  tryDecodeEntry,
} from './entry-hash.js';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import type { LuaReply } from './lua-script.js';
import { openRedis } from './redis-connection.js';
import { redisOutbox } from './redis-outbox.js';
import { redisTargetClaims } from './redis-target-claims.js';
import { scheduleKeys } from './schedule-keys.js';
import { listEntries } from './schedule-list.js';
import { ADD_ENTRIES, CLAIM_DUE, RENEW_LEASE, WRITE_ENTRY } from './schedule-scripts.js';

/** The publisher's outbox, part of the schedule store. */
const OUTBOX_OPERATIONS: StoreOperations<Outbox> = {
  begin: 'record the intent to publish in the outbox',
  retry: 'reopen the failed outbox record',
  settle: 'settle the outbox record',
  record: 'read the outbox record',
  unresolved: 'list the unresolved outbox records',
};

/** The schedule store's methods, its outbox's and its per-target claims' included. */
const SCHEDULE_OPERATIONS: StoreOperations<RedisScheduleStore> = {
  ...OUTBOX_OPERATIONS,
  add: 'add the entries',
  addIfSlotsFree: 'add the entries in free queue slots',
  addIfAbsent: 'add the entry',
  get: 'read the entry',
  list: 'list entries',
  transition: 'change the entry',
  transitionIfSlotFree: 'move the entry to a free queue slot',
  claimDue: 'claim due entries',
  renewLease: "renew the entry's lease",
  complete: 'complete the entry',
  claimTarget: 'claim the target',
  renewTargetLease: "renew the target's lease",
  settleTarget: 'settle the target',
  close: 'close the connection',
};

/**
 * How often a transition or completion reads the entry again after another write came between
 * its read and its write before giving up: each retry means some other writer made progress.
 */
const MAX_CONFLICTS = 50;

/** Options of {@link redisScheduleStore}. */
export interface RedisScheduleStoreOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`), or an ioredis client to share (it stays open on
   * `close`). A client (or URL) with ioredis' `keyPrefix` is refused with a `ValidationError`:
   * the scripts build key names ioredis does not prefix, so use `prefix` instead.
   */
  readonly connection: string | Redis;
  /**
   * The start of every key the store writes; default `smmkit:` (BullMQ's own keys start with
   * `bull:`). Every worker sharing one schedule uses the same prefix, and deployments sharing one
   * Redis use one each (give it to `bullmqWakeups` and `startWakeupWorker` as `storePrefix` too,
   * for a queue of their own). On Redis Cluster give it a hash tag (`{smmkit}:`) so that all keys
   * live on one shard: the scripts touch several keys.
   */
  readonly prefix?: string | undefined;
}

/**
 * A `ScheduleStore` (and so the publisher's `Outbox`) in Redis that also claims target by target
 * (`TargetClaimStore`), for one job per entry, occurrence and target.
 */
export interface RedisScheduleStore extends TargetClaimStore {
  /** Closes the connection when the store opened it from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps schedule entries and the publisher's outbox in Redis, for workers on many machines that
 * share one schedule: every claim, compare-and-set and outbox step is one Lua script, which Redis
 * runs atomically, so two workers never claim one entry, of two concurrent approvals one wins,
 * of two `begin`s of one create one records it, and of two processes planning `'next-slot'` for
 * one account at once only one takes a slot (`addIfSlotsFree` and `transitionIfSlotFree`
 * check the account's sorted set and write in one script). A worker that dies holding an entry loses
 * it when its lease runs out, and the next claim hands it on marked `recovered`, for the
 * publisher's outbox to reconcile (never a blind republish).
 *
 * It also claims target by target (`claimTarget`, `renewTargetLease`, `settleTarget`), for one
 * BullMQ job per entry, occurrence and target: each target's lease and result live in a hash
 * beside the entry's, the entry is held for its targets while any is published, and the last
 * target to settle writes the entry's final state (see `TargetClaimStore` in
 * `@smmkit/core/scheduler`).
 *
 * Each entry is a hash (its JSON, plus the state, attempt count, update time, lease and a
 * version the claim script changes without parsing JSON), listed in sorted sets by `publishAt`:
 * all entries, per state (`status:scheduled` is what claims read), per series and per account.
 * Transitions and completions read the entry, apply the patch with core's `applyEntryPatch` and
 * write it back only if its version did not move meanwhile (else they read it again).
 *
 * Leases are judged by each caller's clock (the `now` of a claim, the lease end the holder
 * wrote), not by Redis: keep the workers' clocks synchronised well within the scheduler's
 * `leaseMs` (NTP). A worker whose clock runs ahead of another's by more than `leaseMs` takes over
 * that worker's live leases.
 *
 * An entry whose stored form cannot be read (edited by hand, damaged, or written by an smmkit
 * with another schema) does not stop the others: a claim that meets it sets it aside as `failed`
 * (the reason in its hash's `damage` field), `list` leaves it out (both with a process warning,
 * code `SMMKIT_DAMAGED_ENTRY`, naming it), and `get` throws its `ValidationError`.
 *
 * Media must be reachable by whichever worker publishes: entries whose media have a `bytes` or
 * `stream` source are refused with a `ValidationError`. Redis keeps what it holds in memory;
 * configure persistence (AOF, `appendfsync everysec` or `always`) so that a Redis restart does
 * not forget the schedule and the outbox.
 *
 * @param options - the connection and the key prefix
 * @returns the store
 * @throws ValidationError when the connection sets ioredis' `keyPrefix`
 *
 * @example
 * ```ts
 * import { createPublisher } from '@smmkit/core/publisher';
 * import { createScheduler } from '@smmkit/core/scheduler';
 * import { redisScheduleStore } from '@smmkit/scheduler-bullmq';
 *
 * const store = redisScheduleStore({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * const scheduler = createScheduler({ store, publisher: createPublisher({ adapters, tokens, outbox: store }) });
 * scheduler.start(); // in every worker process
 * ```
 */
export function redisScheduleStore(options: RedisScheduleStoreOptions): RedisScheduleStore {
  const { redis, owned } = openRedis(options.connection, 'redisScheduleStore');
  const keys = scheduleKeys(options.prefix ?? 'smmkit:');

  /** The script arguments of one entry to add. */
  const addArgs = ({ entry, fields, indexes, score }: EncodedEntry): (string | number)[] => [
    entry.id,
    fields.length,
    ...fields,
    indexes.length,
    ...indexes,
    score,
  ];

  /** The account keys (sorted sets) whose queue slot `entry` stands in. */
  const accountKeys = (entry: ScheduleEntry): string[] => [
    ...new Set(entry.targets.map((target) => keys.account(target.platform, target.accountId))),
  ];

  /**
   * Adds `entries` all or nothing (ADD_ENTRIES); with `inSlots`, only when each one's queue slot
   * is free. Answers the positions of taken ids, then of taken slots (none without `inSlots`).
   */
  const addEntries = async (
    entries: readonly ScheduleEntry[],
    inSlots: boolean,
  ): Promise<{ takenIds: number[]; takenSlots: number[] }> => {
    const encoded = entries.map((entry) => encodeEntry(entry, keys));
    const states = inSlots ? SLOT_HOLDING_STATUSES : [];
    const reply = await ADD_ENTRIES.run(
      redis,
      [],
      [
        keys.prefix,
        states.length,
        ...states,
        encoded.length,
        ...encoded.flatMap((item) => {
          const accounts = inSlots ? accountKeys(item.entry) : [];
          return [...addArgs(item), accounts.length, ...accounts];
        }),
      ],
    );
    const [takenIds, takenSlots] = Array.isArray(reply) ? reply : [];
    return {
      takenIds: Array.isArray(takenIds) ? takenIds.map(Number) : [],
      takenSlots: Array.isArray(takenSlots) ? takenSlots.map(Number) : [],
    };
  };

  /** Throws the error `add` throws for ids taken at `positions` of `entries`, if any. */
  const refuseTakenIds = (entries: readonly ScheduleEntry[], positions: readonly number[]): void => {
    if (positions.length > 0) {
      throw idTakenError(positions.map((index) => ({ index, id: entries[index]?.id ?? '' })));
    }
  };

  /**
   * Reads entry `id`, lets `decide` turn it into its next form (or refuse, with `undefined`), and
   * writes that unless another write came between; then reads it again and decides anew. With
   * `inSlot`, the write is refused (`'slot-taken'`) when another entry holds the new slot.
   */
  const rewriteEntry = async (
    id: string,
    decide: (current: ScheduleEntry, leaseHolder: string | undefined) => ScheduleEntry | undefined,
    inSlot: boolean,
  ): Promise<ScheduleEntry | 'slot-taken' | undefined> => {
    const key = keys.entry(id);
    for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts += 1) {
      const hash = await redis.hgetall(key);
      const version = hash[FIELD.version];
      if (version === undefined) return undefined;
      const current = decodeEntry(hash);
      const next = decide(current, hash[FIELD.leaseHolder]);
      if (next === undefined) return undefined;
      const encoded = encodeEntry(next, keys);
      const leaving = indexKeys(current, keys);
      const args = [
        version,
        id,
        encoded.score,
        encoded.fields.length,
        ...encoded.fields,
        leaving.length,
        ...leaving,
        encoded.indexes.length,
        ...encoded.indexes,
      ];
      const states = inSlot ? SLOT_HOLDING_STATUSES : [];
      const accounts = inSlot ? accountKeys(encoded.entry) : [];
      const written = await WRITE_ENTRY.run(
        redis,
        [key, keys.targets(id)],
        [...args, keys.prefix, states.length, ...states, accounts.length, ...accounts],
      );
      if (written === 1) return encoded.entry;
      if (written === 2) return 'slot-taken';
    }
    throw new TransientError(
      'transient',
      `Schedule entry "${id}" changed ${MAX_CONFLICTS} times while it was being written.`,
      { hint: 'Try again: other workers are writing the same entry right now.' },
    );
  };

  /** {@link rewriteEntry} without a slot claim. */
  const rewrite = async (
    id: string,
    decide: (current: ScheduleEntry, leaseHolder: string | undefined) => ScheduleEntry | undefined,
  ): Promise<ScheduleEntry | undefined> => {
    const written = await rewriteEntry(id, decide, false);
    return written === 'slot-taken' ? undefined : written;
  };

  /** `transition`'s decision: the patched entry, or `undefined` when leased or in another state. */
  const transitioned =
    (from: readonly ScheduleStatus[], patch: EntryPatch, at: Date) =>
    (current: ScheduleEntry, leaseHolder: string | undefined): ScheduleEntry | undefined =>
      leaseHolder !== undefined || !from.includes(current.status)
        ? undefined
        : applyEntryPatch(current, patch, at);

  return guardRedisStore('schedule store', SCHEDULE_OPERATIONS, {
    ...redisOutbox(redis, keys),
    add: async (entries) => {
      refuseTakenIds(entries, (await addEntries(entries, false)).takenIds);
    },
    addIfSlotsFree: async (entries) => {
      const { takenIds, takenSlots } = await addEntries(entries, true);
      refuseTakenIds(entries, takenIds);
      return takenSlots;
    },
    addIfAbsent: async (entry) => (await addEntries([entry], false)).takenIds.length === 0,
    get: async (id) => {
      const hash = await redis.hgetall(keys.entry(id));
      return hash[FIELD.version] === undefined ? undefined : decodeEntry(hash);
    },
    list: (query = {}) => listEntries(redis, keys, query),
    transition: (id, from, patch, at) => rewrite(id, transitioned(from, patch, at)),
    transitionIfSlotFree: (id, from, patch, at) => rewriteEntry(id, transitioned(from, patch, at), true),
    claimDue: async ({ now, dueBy, limit, worker, leaseMs }) => {
      const at = now.getTime();
      const leaseUntil = at + leaseMs;
      const reply = await CLAIM_DUE.run(
        redis,
        [],
        [keys.prefix, at, Math.max(0, Math.floor(limit)), worker, leaseUntil, (dueBy ?? now).getTime()],
      );
      // Each entry is read on its own: one that cannot be read is set aside, not handed back
      // claimed on every round with the batch around it.
      const claimed: ClaimedEntry[] = [];
      for (const { id, body, attempts, recovered } of claims(reply)) {
        const read = tryDecodeEntry({
          [FIELD.body]: body,
          [FIELD.status]: 'publishing',
          [FIELD.attempts]: attempts,
          [FIELD.updatedAt]: String(at),
        });
        if ('damage' in read) await setAsideDamaged(redis, keys, id, worker, at, read.damage);
        else claimed.push({ entry: read.entry, leaseUntil: new Date(leaseUntil), recovered });
      }
      return claimed;
    },
    renewLease: async (id, worker, until) =>
      (await RENEW_LEASE.run(redis, [keys.entry(id)], [worker, until.getTime()])) === 1,
    complete: async (id, worker, patch, at) =>
      (await rewrite(id, (current, leaseHolder) =>
        leaseHolder === worker ? applyEntryPatch(current, patch, at) : undefined,
      )) !== undefined,
    ...redisTargetClaims(redis, keys, rewrite),
    close: async () => {
      if (owned) await redis.quit();
    },
  });
}

/** The claim script's reply: per entry its id, whether recovered, its body and attempt count. */
function claims(reply: LuaReply): { id: string; body: string; attempts: string; recovered: boolean }[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((item) => {
    if (!Array.isArray(item)) return [];
    const [id, recovered, body, attempts] = item;
    return [
      { id: String(id), body: String(body), attempts: String(attempts), recovered: Number(recovered) === 1 },
    ];
  });
}
