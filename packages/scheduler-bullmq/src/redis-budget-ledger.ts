import type { RateLimitInfo } from '@smmkit/core';
import type { BudgetId, BudgetLedger, BudgetSlot } from '@smmkit/core/publisher';
import type { Redis } from 'ioredis';
import { LEARN_BUDGET, PAUSE_BUDGET, TAKE_BUDGET } from './budget-scripts.js';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import { openRedis } from './redis-connection.js';

/** The rate-budget ledger's methods. */
const LEDGER_OPERATIONS: StoreOperations<RedisBudgetLedger> = {
  take: 'book the rate budget',
  learn: 'record what the rate-limit headers said',
  pause: 'pause the rate budget',
  close: 'close the connection',
};

/** Budgets nobody touched for this long are forgotten (two days: past any daily window). */
const MIN_TTL_MS = 2 * 86_400_000;

/** Options of {@link redisBudgetLedger}. */
export interface RedisBudgetLedgerOptions {
  /**
   * A Redis URL, or an ioredis client to share (it stays open on `close`), without
   * ioredis' `keyPrefix` (refused with a `ValidationError`: use `prefix`).
   */
  readonly connection: string | Redis;
  /** The start of every key; default `smmkit:`. Every worker sharing budgets uses the same prefix. */
  readonly prefix?: string | undefined;
}

/** A `BudgetLedger` (`@smmkit/core/publisher`) in Redis. */
export interface RedisBudgetLedger extends BudgetLedger {
  /** Closes the connection when the ledger opened it from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Rate budgets shared by every worker on one Redis, for the publisher's `throttle.ledger`: each
 * (platform, account, endpoint bucket) is spent through one Lua script that checks every budget
 * a request needs and books it in the same atomic step, so workers on many machines together
 * stay inside the budget the adapter declares and the headers report. A 429 one worker gets
 * pauses the bucket for all; what one worker learns from `x-rate-limit-*` or `X-App-Usage`
 * headers, all use. The policy is the in-process throttle's (reserve, burst, spacing to the
 * reset, usage slow-down), given by the caller on each `take` (give every worker the same
 * throttle options), and `now` is the caller's clock: keep workers' clocks in sync (NTP).
 *
 * Keys: `<prefix>budget:<json [platform, accountId, bucket]>` (a hash) and one sorted set of send
 * times per declared window beside it; each expires two days (or two of its windows) after
 * its last use.
 *
 * @param options - the connection and the key prefix
 * @returns the ledger
 *
 * @example
 * ```ts
 * import { createPublisher } from '@smmkit/core/publisher';
 * import { redisBudgetLedger } from '@smmkit/scheduler-bullmq';
 *
 * // In every worker process: one budget per (platform, account, bucket) for all of them.
 * const ledger = redisBudgetLedger({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * const publisher = createPublisher({ adapters, tokens, outbox: store, throttle: { ledger } });
 * ```
 */
export function redisBudgetLedger(options: RedisBudgetLedgerOptions): RedisBudgetLedger {
  const { redis, owned } = openRedis(options.connection, 'redisBudgetLedger');
  const prefix = options.prefix ?? 'smmkit:';
  const idText = (id: BudgetId): string => JSON.stringify([id.platform, id.accountId, id.bucket]);
  const key = (id: BudgetId): string => `${prefix}budget:${idText(id)}`;

  const slotArgs = (slot: BudgetSlot): (string | number)[] => [
    idText(slot.id),
    slot.units,
    slot.onlyIfKnown === true ? '1' : '0',
    slot.declared.length,
    ...slot.declared.flatMap((budget) => [budget.limit, budget.windowSec, budget.resets]),
  ];

  return guardRedisStore('budget ledger', LEDGER_OPERATIONS, {
    take: async (slots, now, policy) => {
      const longestWindowMs = Math.max(
        0,
        ...slots.flatMap((slot) => slot.declared.map((b) => b.windowSec * 1000)),
      );
      const reply = await TAKE_BUDGET.run(
        redis,
        [],
        [
          prefix,
          now,
          policy.safetyFraction,
          policy.burstFraction,
          policy.resetSkewMs,
          policy.usageSlowFrom,
          policy.usageMaxDelayMs,
          Math.max(MIN_TTL_MS, 2 * longestWindowMs),
          slots.length,
          ...slots.flatMap(slotArgs),
        ],
      );
      if (!Array.isArray(reply) || reply.length < 3) return undefined;
      const [slot, delayMs, reason] = reply;
      return {
        slot: Number(slot) - 1,
        delayMs: Number(delayMs),
        reason: reason === 'paused' || reason === 'budget' || reason === 'usage' ? reason : 'spacing',
      };
    },
    learn: async (id, info) => {
      await LEARN_BUDGET.run(
        redis,
        [key(id)],
        [...windowArgs(info), ...windowArgs(info.daily), ...usageArgs(info), MIN_TTL_MS],
      );
    },
    pause: async (id, until) => {
      await PAUSE_BUDGET.run(redis, [key(id)], [until, MIN_TTL_MS]);
    },
    close: async () => {
      if (owned) await redis.quit();
    },
  });
}

/** A reported window as the learn script takes it: limit, remaining, reset ms; '' for what is missing. */
function windowArgs(info: RateLimitInfo | undefined): string[] {
  const text = (value: number | undefined): string => (value === undefined ? '' : String(value));
  return [text(info?.limit), text(info?.remaining), text(info?.resetAt?.getTime())];
}

/** A reported usage share and its reset, or two '' when none was reported. */
function usageArgs(info: RateLimitInfo): string[] {
  if (info.usedFraction === undefined) return ['', ''];
  return [String(info.usedFraction), info.resetAt === undefined ? '' : String(info.resetAt.getTime())];
}
