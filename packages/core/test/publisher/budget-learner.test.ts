import { describe, expect, it } from 'vitest';
import { BucketBudget } from '../../src/publisher/budget-learner.js';
import { resolvePublisherOptions } from '../../src/publisher/options.js';

const options = resolvePublisherOptions({
  adapters: [],
  tokens: () => ({ getAccessToken: async () => 't' }),
}).throttle;
const T0 = Date.parse('2026-11-22T12:00:00.000Z');
const MIN15 = 15 * 60_000;

describe('BucketBudget', () => {
  it('sends at once while more than half the window remains', () => {
    const budget = new BucketBudget([], options);
    budget.learn({ limit: 100, remaining: 80, resetAt: new Date(T0 + MIN15) });
    expect(budget.waitAt(T0).delayMs).toBe(0);
  });

  it('spreads the usable remainder evenly until the reset', () => {
    const budget = new BucketBudget([], options);
    budget.recordSend(T0);
    // 26 left, 2 (2 %) kept in reserve: 24 usable in 25 even gaps over 15 minutes → one every 36 s.
    budget.learn({ limit: 100, remaining: 26, resetAt: new Date(T0 + MIN15) });
    expect(budget.waitAt(T0)).toEqual({ delayMs: 36_000, reason: 'spacing' });
  });

  it('waits for the reset when only the reserve is left, and forgets the window after it', () => {
    const budget = new BucketBudget([], options);
    budget.learn({ limit: 100, remaining: 2, resetAt: new Date(T0 + MIN15) });
    expect(budget.waitAt(T0)).toEqual({ delayMs: MIN15 + 1000, reason: 'budget' });
    expect(budget.waitAt(T0 + MIN15 + 1).delayMs).toBe(0);
  });

  it('spends a small window to its last request (2 % of 20 rounds down to no reserve)', () => {
    const budget = new BucketBudget([], options);
    budget.learn({ limit: 20, remaining: 1, resetAt: new Date(T0 + MIN15) });
    expect(budget.waitAt(T0).reason).toBe('spacing');
    budget.recordSend(T0 + 1);
    expect(budget.waitAt(T0 + 2)).toEqual({ delayMs: MIN15 - 2 + 1000, reason: 'budget' });
  });

  it('keeps the lower remaining when an older response of the same window arrives late', () => {
    const budget = new BucketBudget([], options);
    const resetAt = new Date(T0 + MIN15);
    budget.learn({ limit: 20, remaining: 1, resetAt });
    budget.recordSend(T0);
    // The answer to an earlier request, overtaken by the one above: it must not give back sends.
    budget.learn({ limit: 20, remaining: 5, resetAt });
    expect(budget.waitAt(T0 + 1)).toEqual({ delayMs: MIN15 - 1 + 1000, reason: 'budget' });
    // A new window (another reset time) is taken as reported.
    budget.learn({ limit: 20, remaining: 20, resetAt: new Date(T0 + 2 * MIN15) });
    expect(budget.waitAt(T0 + MIN15 + 1).delayMs).toBe(0);
  });

  it('counts its own sends against a declared daily budget that resets at UTC midnight', () => {
    const budget = new BucketBudget(
      [{ bucket: 'publish', limit: 3, windowSec: 86_400, scope: 'user', resets: 'utc_midnight' }],
      options,
    );
    budget.recordSend(T0);
    budget.recordSend(T0 + 1);
    const midnight = Date.parse('2026-11-23T00:00:00.000Z');
    // The third of three is spaced to last until midnight, then the day is spent.
    expect(budget.waitAt(T0 + 2).reason).toBe('spacing');
    budget.recordSend(T0 + 2);
    expect(budget.waitAt(T0 + 2)).toEqual({ delayMs: midnight - (T0 + 2) + 1000, reason: 'budget' });
    expect(budget.waitAt(midnight).delayMs).toBe(0);
  });

  it('books several requests at once: a thread that does not fit waits for the reset', () => {
    const budget = new BucketBudget([], options);
    budget.learn({ limit: 20, remaining: 3, resetAt: new Date(T0 + MIN15) });
    expect(budget.waitAt(T0, 3).reason).toBe('spacing');
    expect(budget.waitAt(T0, 4)).toEqual({ delayMs: MIN15 + 1000, reason: 'budget' });
    budget.recordSend(T0, 3);
    expect(budget.waitAt(T0 + 1)).toEqual({ delayMs: MIN15 - 1 + 1000, reason: 'budget' });
  });

  it('lets a demand bigger than a whole window go once a fresh window is full', () => {
    const budget = new BucketBudget(
      [{ bucket: 'publish', limit: 3, windowSec: 60, scope: 'user', resets: 'rolling' }],
      options,
    );
    expect(budget.waitAt(T0, 5).delayMs).toBe(0);
    budget.recordSend(T0, 5);
    expect(budget.waitAt(T0 + 1, 5)).toEqual({ delayMs: 60_000 - 1 + 1000, reason: 'budget' });
    expect(budget.waitAt(T0 + 60_001, 5).delayMs).toBe(0);
  });

  it('slows down as a usage share nears 100 %', () => {
    const budget = new BucketBudget([], options);
    budget.recordSend(T0);
    budget.learn({ usedFraction: 0.5 });
    expect(budget.waitAt(T0).delayMs).toBe(0);
    budget.learn({ usedFraction: 0.875 });
    expect(budget.waitAt(T0)).toEqual({ delayMs: 30_000, reason: 'usage' });
  });

  it('never spaces from a send that has not happened, and forgets a usage share once its reset passed', () => {
    const budget = new BucketBudget([], options);
    // Learned before any send of ours (another account's answer on a shared budget): go now.
    budget.learn({ limit: 100, remaining: 30, resetAt: new Date(T0 + MIN15) });
    expect(budget.waitAt(T0)).toEqual({ delayMs: 0, reason: 'spacing' });
    const usage = new BucketBudget([], options);
    usage.learn({ usedFraction: 1, resetAt: new Date(T0 + 60_000) });
    expect(usage.waitAt(T0)).toEqual({ delayMs: 61_000, reason: 'usage' });
    expect(usage.waitAt(T0 + 61_000).delayMs).toBe(0);
  });

  it('stays paused until the time a 429 gave', () => {
    const budget = new BucketBudget([], options);
    budget.pause(T0 + 60_000);
    expect(budget.waitAt(T0)).toEqual({ delayMs: 60_000, reason: 'paused' });
    expect(budget.waitAt(T0 + 60_000).delayMs).toBe(0);
  });
});
