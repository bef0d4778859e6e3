import { describe, expect, it } from 'vitest';
import type { Capabilities, RateBudget } from '../../src/adapter/capabilities.js';
import { metricsIntervalMs } from '../../src/app/metrics-pace.js';
import { fakeAdapter, fakeCapabilities } from '../fixtures/capabilities.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An adapter reading up to `maxPostsPerRequest` posts per metrics request, with `budgets`. */
function adapterWith(budgets: RateBudget[], maxPostsPerRequest?: number, metricsBuckets?: string[]) {
  const capabilities: Capabilities = {
    ...fakeCapabilities,
    metrics: {
      ...fakeCapabilities.metrics,
      ...(maxPostsPerRequest === undefined ? {} : { maxPostsPerRequest }),
    },
    rateLimits: {
      headers: false,
      budgets,
      ...(metricsBuckets === undefined ? {} : { operations: { metrics: metricsBuckets } }),
    },
  };
  return fakeAdapter({ capabilities });
}

const posts = (accountId: string, count: number) => Array.from({ length: count }, () => ({ accountId }));

describe('metricsIntervalMs', () => {
  it('waits the asked interval when the budget has room for many rounds', () => {
    const adapter = adapterWith(
      [{ bucket: 'metrics', limit: 900, windowSec: 900, scope: 'user', resets: 'fixed' }],
      100,
    );
    expect(metricsIntervalMs(adapter, posts('a', 250), HOUR)).toBe(HOUR);
  });

  it('waits until a round spends at most half of a per-user budget, counting the busiest account', () => {
    // 250 posts of one account at 100 a request: 3 requests; 2 posts of another: 1 request.
    // 3 requests of a 10-per-hour budget, at half of it: one round every 36 minutes at best.
    const adapter = adapterWith(
      [{ bucket: 'metrics', limit: 10, windowSec: 3600, scope: 'user', resets: 'rolling' }],
      100,
    );
    expect(metricsIntervalMs(adapter, [...posts('a', 250), ...posts('b', 2)], 60_000)).toBe((3 * HOUR) / 5);
  });

  it('adds up every account on a per-app budget, and a midnight reset is a daily window', () => {
    const adapter = adapterWith(
      [{ bucket: 'metrics', limit: 100, windowSec: 60, scope: 'app', resets: 'utc_midnight' }],
      10,
    );
    // 4 + 1 requests of 100 a day, at half of it: a round every 2.4 hours.
    expect(metricsIntervalMs(adapter, [...posts('a', 35), ...posts('b', 10)], HOUR)).toBe((5 * DAY) / 50);
  });

  it('reads the buckets the adapter names for metrics, and one request per account without a maximum', () => {
    const adapter = adapterWith(
      [
        { bucket: 'GET /2/tweets', limit: 4, windowSec: 900, scope: 'user', resets: 'fixed' },
        { bucket: 'POST /2/tweets', limit: 1, windowSec: 86_400, scope: 'user', resets: 'fixed' },
      ],
      undefined,
      ['GET /2/tweets'],
    );
    expect(metricsIntervalMs(adapter, posts('a', 500), 60_000)).toBe(450_000);
  });

  it('counts one more request for each account whose own metrics (followers) a round reads', () => {
    const adapter = adapterWith(
      [{ bucket: 'metrics', limit: 4, windowSec: 86_400, scope: 'user', resets: 'fixed' }],
      100,
    );
    // Account a: 1 post request + its followers; b: its followers only. 2 of 4 a day, at half: a day.
    expect(metricsIntervalMs(adapter, posts('a', 100), HOUR, [{ accountId: 'a' }, { accountId: 'b' }])).toBe(
      DAY,
    );
    // Followers alone still spend the budget: 1 of 4 a day, at half of it, every 12 hours.
    expect(metricsIntervalMs(adapter, [], HOUR, [{ accountId: 'b' }])).toBe(DAY / 2);
  });

  it('waits the asked interval when there is nothing to read', () => {
    const adapter = adapterWith([
      { bucket: 'metrics', limit: 1, windowSec: 86_400, scope: 'user', resets: 'fixed' },
    ]);
    expect(metricsIntervalMs(adapter, [], HOUR)).toBe(HOUR);
  });
});
