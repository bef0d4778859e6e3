import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator, type XSimulator } from '@smmkit/adapter-x/mocks';
import { type Clock, staticTokenProvider } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';
import { createPublisher, type Publisher, type RateLimitedEvent } from '@smmkit/core/publisher';
import { type ManualClock, manualClock, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RedisBudgetLedger, redisBudgetLedger } from '../src/index.js';
import { fixedWindowCounts, withBudgets } from './support/budgets.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';
import { steppedClock } from './support/stepped-clock.js';

// Two publishers, as two worker processes would have them, each with its own connection to one
// Redis, publish for one X account.

const START = Date.parse('2026-11-22T12:00:00.000Z');
const WINDOW_MS = 15 * 60_000;
const CREATE = 'POST /2/tweets';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

let time: ManualClock;
let x: XSimulator;
let running: RunningSimulators;
let token = '';
let accountId = '';
let tests = 0;
let prefix = '';
const ledgers: RedisBudgetLedger[] = [];
beforeAll(() => {
  time = manualClock(START);
  x = createXSimulator({ clock: time });
  running = startSimulators(x.sim);
});
afterAll(() => running.close());
beforeEach(() => {
  running.reset();
  time.set(START);
  const ana = x.addAccount(`ana${tests}`, { accessTokenTtlMs: 365 * 86_400_000 });
  token = ana.accessToken;
  accountId = ana.account.id;
  tests += 1;
  prefix = `${filePrefix}${tests}:`;
});
afterEach(async () => {
  await Promise.all(ledgers.splice(0).map((ledger) => ledger.close()));
});

/** A publisher for the test's X account whose budgets live in Redis, on a connection of its own. */
function worker(
  clock: Clock,
  retry: { maxAttempts?: number } = {},
  budgets?: readonly RateBudget[],
): Publisher {
  const ledger = redisBudgetLedger({ connection: REDIS_URL, prefix });
  ledgers.push(ledger);
  const adapter = createXAdapter({ baseUrl: x.baseUrl });
  return createPublisher({
    adapters: [budgets === undefined ? adapter : withBudgets(adapter, budgets)],
    tokens: () => staticTokenProvider(token),
    clock,
    retry: { random: () => 0.5, ...retry },
    throttle: { ledger },
  });
}

const target = () => [{ platform: 'x', accountId }] as const;
const creates = () => x.sim.log.forRoute(CREATE);

describe('publishers on two Redis connections sharing one rate budget', () => {
  it('spend a declared budget together: 30 posts on a budget of 10 per 15 minutes, never more than 10 in a window', async () => {
    // A budget the adapter declares and no header reports (as Instagram's 100 API-published
    // posts per 24 hours): the simulator's own limit (100) is far above it, so only the shared
    // ledger holds the publishers back. Publishers with a budget each would send 20 at once.
    const declared: RateBudget[] = [
      { bucket: CREATE, limit: 10, windowSec: WINDOW_MS / 1000, scope: 'user', resets: 'fixed' },
    ];
    const clock = steppedClock(time);
    const publishers = [worker(clock, {}, declared), worker(clock, {}, declared)] as const;
    const open = [0, 0];
    const posts = Array.from({ length: 30 }, (_, n) => ({ text: `Shared budget post ${n}` }));
    const work = Promise.all(
      posts.map((post, n) => {
        const which = n % 2 === 0 ? 0 : 1;
        open[which] = (open[which] ?? 0) + 1;
        return publishers[which].publish(post, [...target()]).finally(() => {
          open[which] = (open[which] ?? 0) - 1;
        });
      }),
    );
    // Each publisher runs one publish at a time (throttle concurrency 1): one with posts left is
    // either asleep on the clock or busy.
    const outcomes = await clock.drive(work, () => open.filter((left) => left > 0).length);

    expect(outcomes.flat().map((outcome) => outcome.status)).toEqual(posts.map(() => 'published'));
    expect(creates().map((request) => request.status)).toEqual(posts.map(() => 201));
    const times = x.sim.posts.filter((post) => post.accountId === accountId).map((post) => post.createdAt);
    expect(fixedWindowCounts(times, WINDOW_MS)).toEqual([10, 10, 10]);
  });

  it('a 429 one publisher got pauses the bucket for the other, which sends nothing until the reset', async () => {
    const held = heldClock(time);
    // The first publisher does not retry: its 429 is all it contributes.
    const first = worker(held, { maxAttempts: 1 });
    const second = worker(held);
    const paused: RateLimitedEvent[] = [];
    second.events.on('rate-limited', (event) => paused.push(event));
    x.sim.faults.inject({ kind: 'rate_limit', route: CREATE });

    const [refused] = await first.publish({ text: 'Meets a 429' }, [...target()]);
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'rate_limited' } });
    // Its next post waits for the reset too (its own report is in Redis before it books again).
    const again = first.publish({ text: 'After the reset, first' }, [...target()]);
    await held.untilSleeping(1);
    const other = second.publish({ text: 'After the reset, second' }, [...target()]);
    await held.untilSleeping(2);

    // The simulated 429 said: reset in 60 s; the publisher adds resetSkewMs (1 s).
    const until = new Date(START + 61_000);
    expect(paused).toEqual([{ platform: 'x', accountId, bucket: CREATE, until, reason: 'rate_limited' }]);
    expect(creates()).toHaveLength(1);

    held.wakeAll(until.getTime());
    const outcomes = [...(await again), ...(await other)];
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['published', 'published']);
    expect(creates().map((request) => request.status)).toEqual([429, 201, 201]);
  });
});

/** A clock whose sleeps wait until the test wakes them, so the test sees who waits, and for how long. */
function heldClock(source: ManualClock) {
  const sleeping: { readonly wake: () => void }[] = [];
  const listeners: (() => void)[] = [];
  const clock = {
    now: () => source.now(),
    sleep: (_ms: number) =>
      new Promise<void>((resolve) => {
        sleeping.push({ wake: resolve });
        for (const listener of listeners.splice(0)) listener();
      }),
    /** Resolves once `count` sleeps are pending. */
    untilSleeping: async (count: number): Promise<void> => {
      while (sleeping.length < count) await new Promise<void>((resolve) => listeners.push(resolve));
    },
    /** Moves time to `at` and ends every sleep. */
    wakeAll: (at: number): void => {
      source.set(at);
      for (const sleeper of sleeping.splice(0)) sleeper.wake();
    },
  };
  return clock;
}
