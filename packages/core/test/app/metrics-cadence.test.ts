import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../src/adapter/capabilities.js';
import type { AppCollection } from '../../src/app/app-metrics.js';
import { type MetricsRound, metricsCadence } from '../../src/app/metrics-cadence.js';
import type { Clock } from '../../src/time/clock.js';
import { fakeAdapter, fakeCapabilities } from '../fixtures/capabilities.js';

const HOUR = 3_600_000;

/** A clock whose sleeps wait until the test moves time past them. */
function handClock(start: number) {
  let now = start;
  const sleepers: { due: number; resolve: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const sleeper = { due: now + ms, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal.reason);
        });
      }),
  };
  return {
    clock,
    /** Moves time to `ms`, waking every sleeper due by then. */
    set(ms: number) {
      now = ms;
      for (const sleeper of sleepers.filter((one) => one.due <= ms)) {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        sleeper.resolve();
      }
    },
  };
}

/** Resolves with the next `n` rounds told. */
function roundsOf() {
  const rounds: MetricsRound[] = [];
  let waiting: { n: number; resolve: () => void } | undefined;
  return {
    rounds,
    onRound: (round: MetricsRound) => {
      rounds.push(round);
      if (waiting !== undefined && rounds.length >= waiting.n) waiting.resolve();
    },
    until: (n: number) =>
      new Promise<void>((resolve) => {
        if (rounds.length >= n) resolve();
        else waiting = { n, resolve };
      }),
  };
}

const empty: AppCollection = { result: { samples: [], failures: [] }, posts: [], accounts: [] };

/** An adapter for `platform` that reads post likes, within `budgets`. */
function reader(platform: string, budgets: Capabilities['rateLimits']['budgets'] = []) {
  const capabilities: Capabilities = {
    ...fakeCapabilities,
    metrics: { post: ['likes'], account: [] },
    rateLimits: { headers: false, budgets },
  };
  return fakeAdapter({ platform, capabilities, getPostMetrics: async () => [] });
}

describe('metricsCadence', () => {
  it('reads each platform at once, then once per interval, each on its own budget', async () => {
    const time = handClock(0);
    const told = roundsOf();
    const asked: [string, number][] = [];
    const roomy = reader('roomy');
    // 4 requests a day: a round of one request every 12 hours spends half of it.
    const tight = reader('tight', [
      { bucket: 'metrics', limit: 4, windowSec: 86_400, scope: 'user', resets: 'fixed' },
    ]);
    const cadence = metricsCadence({
      adapters: [roomy, tight, fakeAdapter({ platform: 'no-metrics' })],
      everyMs: HOUR,
      clock: time.clock,
      collect: async (platform) => {
        asked.push([platform, time.clock.now()]);
        return { ...empty, posts: [{ platform, accountId: 'a', platformPostId: '1' }] };
      },
      onRound: told.onRound,
    });
    cadence.start();
    await told.until(2);
    // One request a round of a 4-a-day budget, at half of it: every 12 hours.
    expect(told.rounds.map((round) => [round.platform, round.nextInMs])).toEqual([
      ['roomy', HOUR],
      ['tight', 12 * HOUR],
    ]);
    time.set(HOUR);
    await told.until(3);
    time.set(12 * HOUR);
    await told.until(5);
    const at = (platform: string) => asked.filter(([name]) => name === platform).map(([, ms]) => ms);
    expect(at('roomy')).toEqual([0, HOUR, 12 * HOUR]);
    expect(at('tight')).toEqual([0, 12 * HOUR]);
    await cadence.stop();
  });

  it("runs a platform whose adapter reads account metrics only, paced by its accounts' reads", async () => {
    const time = handClock(0);
    const told = roundsOf();
    const capabilities: Capabilities = {
      ...fakeCapabilities,
      metrics: { post: [], account: ['followers'] },
      rateLimits: {
        headers: false,
        budgets: [{ bucket: 'metrics', limit: 4, windowSec: 86_400, scope: 'user', resets: 'fixed' }],
      },
    };
    const followersOnly = fakeAdapter({
      platform: 'followers-only',
      capabilities,
      getAccountMetrics: async () => [],
    });
    const cadence = metricsCadence({
      adapters: [followersOnly],
      everyMs: HOUR,
      clock: time.clock,
      collect: async () => ({ ...empty, accounts: [{ platform: 'followers-only', accountId: 'a' }] }),
      onRound: told.onRound,
    });
    cadence.start();
    await told.until(1);
    // One followers read a round of a 4-a-day budget, at half of it: every 12 hours.
    expect(told.rounds).toEqual([{ platform: 'followers-only', result: empty.result, nextInMs: 12 * HOUR }]);
    await cadence.stop();
  });

  it('tells a round that failed whole and goes on', async () => {
    const time = handClock(0);
    const told = roundsOf();
    const failure = new Error('store unreadable');
    let calls = 0;
    const cadence = metricsCadence({
      adapters: [reader('roomy')],
      everyMs: HOUR,
      clock: time.clock,
      collect: async () => {
        calls += 1;
        if (calls === 1) throw failure;
        return empty;
      },
      onRound: told.onRound,
    });
    cadence.start();
    await told.until(1);
    time.set(HOUR);
    await told.until(2);
    expect(told.rounds).toEqual([
      { platform: 'roomy', error: failure, nextInMs: HOUR },
      { platform: 'roomy', result: empty.result, nextInMs: HOUR },
    ]);
    await cadence.stop();
  });

  it('stops: the round in flight is aborted and no round follows', async () => {
    const time = handClock(0);
    let started = 0;
    let signalled: AbortSignal | undefined;
    const cadence = metricsCadence({
      adapters: [reader('roomy')],
      everyMs: HOUR,
      clock: time.clock,
      collect: (_platform, signal) => {
        started += 1;
        signalled = signal;
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
    });
    cadence.start();
    await cadence.stop();
    expect(signalled?.aborted).toBe(true);
    time.set(10 * HOUR);
    expect(started).toBe(1);
  });
});
