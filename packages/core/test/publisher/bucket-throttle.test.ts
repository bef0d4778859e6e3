import { describe, expect, it } from 'vitest';
import type { RateBudget } from '../../src/adapter/capabilities.js';
import { RateLimitError } from '../../src/errors/rate-limit-error.js';
import type { BucketId } from '../../src/publisher/bucket-key.js';
import { BucketThrottle, isThrottleRefusal, type ThrottleWait } from '../../src/publisher/bucket-throttle.js';
import { resolvePublisherOptions } from '../../src/publisher/options.js';

const T0 = Date.parse('2026-11-22T12:00:00.000Z');
const DAY = 86_400_000;
const throttleOptions = (throttle: { maxWaitMs?: number } = {}) =>
  resolvePublisherOptions({ adapters: [], tokens: () => ({ getAccessToken: async () => 't' }), throttle })
    .throttle;
/** Waits up to two days, so the day-long waits below are waited out. */
const options = throttleOptions({ maxWaitMs: 2 * DAY });

/** A clock whose sleeps move time at once. */
function steppingClock() {
  let now = T0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

const declared: RateBudget[] = [
  { bucket: 'publish', limit: 100, windowSec: 900, scope: 'user', resets: 'fixed' },
  { bucket: 'publish', limit: 2, windowSec: 86_400, scope: 'app', resets: 'fixed' },
];
const on = (accountId: string) => [{ platform: 'x', accountId, bucket: 'publish' }];

describe('BucketThrottle', () => {
  it('counts every account against an app-wide budget, and each against its own user budget', async () => {
    const clock = steppingClock();
    const throttle = new BucketThrottle(clock, options);
    const waits: ThrottleWait[] = [];
    await throttle.acquire(on('ana'), declared, undefined, (wait) => waits.push(wait));
    await throttle.acquire(on('bo'), declared, undefined, (wait) => waits.push(wait));
    // The second half of the app's day is spread out (bo is spaced), but never refused.
    expect(waits.map((wait) => [wait.id.accountId, wait.reason])).toEqual([['bo', 'spacing']]);
    // The app's 2 per day are spent by two different accounts: a third account waits for the day.
    await throttle.acquire(on('cy'), declared, undefined, (wait) => waits.push(wait));
    expect(waits.map((wait) => [wait.id.accountId, wait.reason])).toEqual([
      ['bo', 'spacing'],
      ['cy', 'budget'],
    ]);
    expect(clock.now()).toBe(T0 + DAY + options.resetSkewMs);
  });

  it('keeps user budgets apart: one account spending its window does not slow another', async () => {
    const clock = steppingClock();
    const throttle = new BucketThrottle(clock, options);
    const userOnly: RateBudget[] = [
      { bucket: 'publish', limit: 1, windowSec: 900, scope: 'user', resets: 'fixed' },
    ];
    const waits: ThrottleWait[] = [];
    await throttle.acquire(on('ana'), userOnly, undefined, (wait) => waits.push(wait));
    await throttle.acquire(on('bo'), userOnly, undefined, (wait) => waits.push(wait));
    expect(waits).toEqual([]);
    await throttle.acquire(on('ana'), userOnly, undefined, (wait) => waits.push(wait));
    expect(waits.map((wait) => [wait.id.accountId, wait.reason])).toEqual([['ana', 'budget']]);
  });

  it('refuses, instead of waiting, when a spent budget clears later than maxWaitMs (default 30 minutes)', async () => {
    const clock = steppingClock();
    const throttle = new BucketThrottle(clock, throttleOptions());
    const daily: RateBudget[] = [
      { bucket: 'publish', limit: 1, windowSec: 86_400, scope: 'user', resets: 'fixed' },
    ];
    await throttle.acquire(on('ana'), daily, undefined, () => undefined);
    const refusal = await throttle
      .acquire(on('ana'), daily, undefined, () => undefined)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(RateLimitError.isInstance(refusal)).toBe(true);
    expect(isThrottleRefusal(refusal)).toBe(true);
    expect((refusal as RateLimitError).resetAt).toEqual(new Date(T0 + DAY + 1000));
    expect((refusal as RateLimitError).hint).toContain('Nothing reached the platform');
    // It did not wait, and it booked nothing.
    expect(clock.now()).toBe(T0);
  });

  it('books an app-wide state a response reports (Meta X-App-Usage) for every account of the platform', async () => {
    const clock = steppingClock();
    const throttle = new BucketThrottle(clock, options);
    const waits: ThrottleWait[] = [];
    // ana's response says the app is at 100 % until ten minutes from now.
    throttle.learn(on('ana')[0] as BucketId, {
      usedFraction: 1,
      resetAt: new Date(T0 + 600_000),
      scope: 'app',
    });
    await throttle.acquire(on('bo'), [], undefined, (wait) => waits.push(wait));
    expect(waits.map((wait) => [wait.id.accountId, wait.reason, wait.delayMs])).toEqual([
      ['bo', 'usage', 600_000 + options.resetSkewMs],
    ]);
    // A user-scoped report stays with its account.
    throttle.learn(on('cy')[0] as BucketId, {
      usedFraction: 1,
      resetAt: new Date(clock.now() + 600_000),
      scope: 'user',
    });
    const before = waits.length;
    await throttle.acquire(on('dee'), [], undefined, (wait) => waits.push(wait));
    expect(waits).toHaveLength(before);
  });
});
