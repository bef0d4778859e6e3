import type { Outbox, OutboxRecord, OutboxStatus } from '@smmkit/core/scheduler';
import type { Redis } from 'ioredis';
import { BEGIN, RETRY, SETTLE } from './outbox-scripts.js';
import type { ScheduleKeys } from './schedule-keys.js';
import { settlementFromJson, settlementToJson } from './settlement-json.js';

/**
 * The {@link Outbox} of the Redis schedule store: a hash per record at `outbox:<key>`, and the
 * records still sending or unknown in the sorted set `outbox-unresolved` (scored by
 * `startedAt`). Each call is one script, so atomic across every worker on the Redis: of two
 * `begin`s with one key, one records it and the other gets its record.
 *
 * @param redis - the connection
 * @param keys - the store's key layout
 * @returns the outbox
 */
export function redisOutbox(redis: Redis, keys: ScheduleKeys): Outbox {
  const read = async (key: string): Promise<OutboxRecord | undefined> => {
    const hash = await redis.hgetall(keys.outbox(key));
    return hash.status === undefined ? undefined : fromHash(key, hash);
  };

  return {
    begin: async (intent) => {
      const reply = await BEGIN.run(
        redis,
        [keys.outbox(intent.key), keys.unresolved],
        [intent.key, intent.platform, intent.accountId, intent.startedAt.getTime(), intent.fingerprint ?? ''],
      );
      return Array.isArray(reply) ? fromHash(intent.key, hashOf(reply)) : undefined;
    },
    retry: async (key, startedAt, fingerprint) =>
      (await RETRY.run(
        redis,
        [keys.outbox(key), keys.unresolved],
        [key, startedAt.getTime(), fingerprint ?? ''],
      )) === 1,
    settle: async (key, settlement) => {
      await SETTLE.run(
        redis,
        [keys.outbox(key), keys.unresolved],
        [
          key,
          settlement.status,
          settlementToJson(settlement),
          settlement.ref?.platform ?? '',
          settlement.ref?.accountId ?? '',
          settlement.settledAt.getTime(),
        ],
      );
    },
    record: read,
    unresolved: async () => {
      const pending = await redis.zrange(keys.unresolved, 0, -1);
      const records = await Promise.all(pending.map(read));
      // A record settled between the two reads has left the set meanwhile: leave it out.
      return records.filter(
        (record): record is OutboxRecord => record?.status === 'sending' || record?.status === 'unknown',
      );
    },
  };
}

/** `HGETALL`'s flat reply as an object. */
function hashOf(reply: readonly unknown[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (let index = 0; index + 1 < reply.length; index += 2)
    hash[String(reply[index])] = String(reply[index + 1]);
  return hash;
}

/** The record of an outbox hash. */
function fromHash(key: string, hash: Readonly<Record<string, string>>): OutboxRecord {
  const settlement = hash.settlement === undefined ? undefined : settlementFromJson(hash.settlement);
  return {
    key,
    platform: hash.platform ?? '',
    accountId: hash.account_id ?? '',
    startedAt: new Date(Number(hash.started_at)),
    status: (hash.status ?? 'sending') as OutboxStatus,
    ...(hash.fingerprint === undefined ? {} : { fingerprint: hash.fingerprint }),
    ...(settlement === undefined ? {} : { settlement }),
  };
}
