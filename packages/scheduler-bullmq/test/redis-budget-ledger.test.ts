import type { RateLimitInfo } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';
import type { BudgetId, BudgetPolicy, BudgetSlot } from '@smmkit/core/publisher';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryBudgetLedger } from '../../core/src/publisher/memory-budget-ledger.js';
import { redisBudgetLedger } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));
let ledgers = 0;
const newPrefix = (): string => {
  ledgers += 1;
  return `${filePrefix}${ledgers}:`;
};

/** The publisher's default throttle policy. */
const POLICY: BudgetPolicy = {
  safetyFraction: 0.02,
  burstFraction: 0.5,
  resetSkewMs: 1_000,
  usageSlowFrom: 0.75,
  usageMaxDelayMs: 60_000,
};

const budget = (limit: number, windowSec: number, resets: RateBudget['resets']): RateBudget => ({
  bucket: 'POST /2/tweets',
  scope: 'user',
  limit,
  windowSec,
  resets,
});
const X_POSTS: BudgetId = { platform: 'x', accountId: '2244994945', bucket: 'POST /2/tweets' };
const X_APP: BudgetId = { ...X_POSTS, accountId: '*' };

/** A seeded random source (mulberry32), so a failing scenario replays. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('redisBudgetLedger: the in-process throttle’s policy, shared', () => {
  it('answers every booking as core’s in-memory ledger (the publisher’s default) does, through random runs of sends, reports and 429s', {
    timeout: 60_000,
  }, async () => {
    const declaredSets: RateBudget[][] = [
      [],
      [budget(5, 60, 'fixed')],
      [budget(10, 900, 'rolling'), budget(20, 86_400, 'utc_midnight')],
      [budget(3, 30, 'fixed'), budget(8, 120, 'rolling')],
    ];
    const reasons = new Set<string>();
    let compared = 0;
    for (const [scenario, declared] of declaredSets.entries()) {
      for (const seed of [1, 2, 3]) {
        const random = seeded(scenario * 100 + seed);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
        const ledger = redisBudgetLedger({ connection: REDIS_URL, prefix: newPrefix() });
        // Two budgets a request spends from, as the publisher's own and platform-wide ones.
        const local = memoryBudgetLedger(POLICY);
        const ids = [X_POSTS, X_APP];
        let now = Date.UTC(2026, 4, 1, 23, 40);
        for (let step = 0; step < 300; step += 1) {
          now += pick([0, 0, 1, 250, 5_000, 60_000, 600_000, 3_600_000]);
          const which = random() < 0.7 ? 0 : 1;
          const roll = random();
          if (roll < 0.55) {
            const units = pick([1, 1, 1, 2, 3]);
            const slots: BudgetSlot[] = ids.map((id, index) => ({
              id,
              declared: index === 0 ? declared : [],
              units,
            }));
            const expected = await local.take(slots, now, POLICY);
            const got = await ledger.take(slots, now, POLICY);
            expect({ step, got }).toEqual({ step, got: expected });
            if (expected !== undefined) reasons.add(expected.reason);
            compared += 1;
          } else if (roll < 0.9) {
            const limit = pick([20, 100, 300]);
            // X-style counts with a daily companion near its reserve, or a Meta-style usage share.
            const info: RateLimitInfo =
              random() < 0.3
                ? {
                    usedFraction: pick([0.5, 0.8, 0.9, 0.99, 1, 1.1]),
                    ...(random() < 0.5 ? { resetAt: new Date(now + pick([60_000, 900_000])) } : {}),
                  }
                : {
                    ...(random() < 0.9 ? { limit } : {}),
                    ...(random() < 0.9 ? { remaining: Math.floor(random() * (limit + 1)) } : {}),
                    ...(random() < 0.9 ? { resetAt: new Date(now + pick([500, 60_000, 900_000])) } : {}),
                    ...(random() < 0.4
                      ? {
                          daily: {
                            limit: 100,
                            remaining: pick([0, 3, 4, 5, 8, 52]),
                            resetAt: new Date(now + pick([3_600_000, 86_400_000])),
                          },
                        }
                      : {}),
                  };
            await local.learn(ids[which] ?? X_POSTS, info);
            await ledger.learn(ids[which] ?? X_POSTS, info);
          } else {
            const until = now + pick([1_000, 30_000, 900_000]);
            await local.pause(ids[which] ?? X_POSTS, until);
            await ledger.pause(ids[which] ?? X_POSTS, until);
          }
        }
        await ledger.close();
      }
    }
    expect(compared).toBeGreaterThan(1_500);
    // The runs exercised every kind of wait, not only free sends.
    expect([...reasons].sort()).toEqual(['budget', 'paused', 'spacing', 'usage']);
  });
});

describe('redisBudgetLedger: across connections', () => {
  /** No reserve, no spreading: the budget itself is the only limit. */
  const HARD: BudgetPolicy = { ...POLICY, safetyFraction: 0, burstFraction: 0 };
  const now = Date.UTC(2026, 4, 1, 9, 0);

  it('of 40 bookings racing from four connections on a budget of 10, exactly 10 go; the rest wait for the reset', async () => {
    const prefix = newPrefix();
    const workers = Array.from({ length: 4 }, () => redisBudgetLedger({ connection: REDIS_URL, prefix }));
    const slots = [{ id: X_POSTS, declared: [budget(10, 900, 'fixed')], units: 1 }];
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => workers[index % 4]?.take(slots, now, HARD)),
    );
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(10);
    expect(answers.filter((answer) => answer !== undefined)).toEqual(
      Array.from({ length: 30 }, () => ({ slot: 0, delayMs: 900_000 + 1_000, reason: 'budget' })),
    );
    // After the reset, the budget is whole again.
    await expect(workers[1]?.take(slots, now + 900_000, HARD)).resolves.toBeUndefined();
    await Promise.all(workers.map((worker) => worker.close()));
  });

  it('a 429 one worker saw pauses the bucket for another, and a pause never shortens', async () => {
    const prefix = newPrefix();
    const [one, two] = [0, 1].map(() => redisBudgetLedger({ connection: REDIS_URL, prefix }));
    const slots = [{ id: X_POSTS, declared: [], units: 1 }];
    await one?.pause(X_POSTS, now + 60_000);
    await one?.pause(X_POSTS, now + 5_000);
    await expect(two?.take(slots, now, HARD)).resolves.toEqual({
      slot: 0,
      delayMs: 60_000,
      reason: 'paused',
    });
    await expect(two?.take(slots, now + 60_000, HARD)).resolves.toBeUndefined();
    await Promise.all([one?.close(), two?.close()]);
  });

  it('what one worker learns from headers holds for another', async () => {
    const prefix = newPrefix();
    const [one, two] = [0, 1].map(() => redisBudgetLedger({ connection: REDIS_URL, prefix }));
    const slots = [{ id: X_POSTS, declared: [], units: 1 }];
    await one?.learn(X_POSTS, { limit: 100, remaining: 1, resetAt: new Date(now + 600_000) });
    await expect(two?.take(slots, now, HARD)).resolves.toBeUndefined();
    // The send two booked counts for one: nothing is left until the reset.
    await expect(one?.take(slots, now, HARD)).resolves.toEqual({
      slot: 0,
      delayMs: 601_000,
      reason: 'budget',
    });
    // A late response reporting more left in the same window gives nothing back.
    await one?.learn(X_POSTS, { limit: 100, remaining: 7, resetAt: new Date(now + 600_400) });
    await expect(two?.take(slots, now, HARD)).resolves.toMatchObject({ reason: 'budget' });
    await Promise.all([one?.close(), two?.close()]);
  });

  it('spends from a platform-wide budget nothing declared only once a response reported it', async () => {
    const ledger = redisBudgetLedger({ connection: REDIS_URL, prefix: newPrefix() });
    const slots = [
      { id: X_POSTS, declared: [], units: 1 },
      { id: X_APP, declared: [], units: 1, onlyIfKnown: true },
    ];
    await expect(ledger.take(slots, now, HARD)).resolves.toBeUndefined();
    await ledger.learn(X_APP, { usedFraction: 1, resetAt: new Date(now + 120_000) });
    await expect(ledger.take(slots, now, HARD)).resolves.toEqual({
      slot: 1,
      delayMs: 121_000,
      reason: 'usage',
    });
    await ledger.close();
  });
});
