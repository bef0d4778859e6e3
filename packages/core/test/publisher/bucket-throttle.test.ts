import { describe, expect, it } from 'vitest';
import type { RateBudget } from '../../src/adapter/capabilities.js';
import { BucketThrottle, type ThrottleWait } from '../../src/publisher/bucket-throttle.js';
import { resolvePublisherOptions } from '../../src/publisher/options.js';

const options = resolvePublisherOptions({
  adapters: [],
  tokens: () => ({ getAccessToken: async () => 't' }),
}).throttle;
const T0 = Date.parse('2026-11-22T12:00:00.000Z');
const DAY = 86_400_000;

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
});
