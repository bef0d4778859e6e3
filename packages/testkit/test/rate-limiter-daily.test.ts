import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/simulator/rate-limiter.js';
import { manualClock } from '../src/simulator/sim-clock.js';

const DAY = 86_400_000;

describe('RateLimiter: daily limits that reset at midnight UTC, for a member and the app at once', () => {
  it('an aligned window resets at the next midnight UTC, not a day after the first request', () => {
    const clock = manualClock(Date.parse('2026-11-22T23:00:00Z'));
    const limiter = new RateLimiter(clock, { posts: { limit: 1, windowMs: DAY, kind: 'aligned' } });
    expect(limiter.take('ana', 'posts')?.allowed).toBe(true);
    expect(limiter.take('ana', 'posts')).toMatchObject({
      allowed: false,
      window: { resetAt: Date.parse('2026-11-23T00:00:00Z') },
    });
    clock.advance(60 * 60_000);
    expect(limiter.take('ana', 'posts')?.allowed).toBe(true);
  });

  it('takeAll counts a request against every budget, or against none when one refuses', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(clock, {
      member: { limit: 2, windowMs: DAY, kind: 'aligned' },
      app: { limit: 1, windowMs: DAY, kind: 'aligned' },
    });
    const both = (member: string) =>
      limiter.takeAll([
        { key: member, bucket: 'member' },
        { key: 'app', bucket: 'app' },
        { key: member, bucket: 'unbudgeted' },
      ]);
    expect(both('ana').map((decision) => decision.allowed)).toEqual([true, true]);
    expect(both('ana').map((decision) => decision.allowed)).toEqual([false, false]);
    // The refused request was not counted against ana's own budget: one of her two is left.
    expect(limiter.take('ana', 'member')?.allowed).toBe(true);
    expect(limiter.take('ana', 'member')?.allowed).toBe(false);
  });

  it('clear forgets the counts but keeps budgets changed at run time', () => {
    const limiter = new RateLimiter(manualClock(0), { b: { limit: 1, windowMs: DAY } });
    limiter.setBudget('b', { limit: 2, windowMs: DAY });
    limiter.take('k', 'b');
    limiter.take('k', 'b');
    limiter.clear();
    expect(limiter.take('k', 'b')?.window).toMatchObject({ limit: 2, remaining: 1 });
  });
});
