import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from '../src/simulator/idempotency-keys.js';
import { manualClock } from '../src/simulator/sim-clock.js';

describe('IdempotencyKeys', () => {
  it('recalls what a key made until its time is up, then forgets it', () => {
    const clock = manualClock(0);
    const keys = new IdempotencyKeys(clock, 60_000);
    expect(keys.recall('ana', 'k1')).toBeUndefined();
    keys.remember('ana', 'k1', '101');
    clock.advance(59_999);
    expect(keys.recall('ana', 'k1')).toBe('101');
    clock.advance(1);
    expect(keys.recall('ana', 'k1')).toBeUndefined();
  });

  it('keeps keys apart per scope, and remembering again starts a new time', () => {
    const clock = manualClock(0);
    const keys = new IdempotencyKeys<number>(clock, 1_000);
    keys.remember('ana', 'k', 1);
    keys.remember('bob', 'k', 2);
    expect([keys.recall('ana', 'k'), keys.recall('bob', 'k')]).toEqual([1, 2]);
    clock.advance(1_000);
    keys.remember('ana', 'k', 3);
    clock.advance(999);
    expect([keys.recall('ana', 'k'), keys.recall('bob', 'k')]).toEqual([3, undefined]);
  });

  it('treats an empty or missing key as no key', () => {
    const keys = new IdempotencyKeys(manualClock(0), 1_000);
    for (const key of ['', null, undefined]) keys.remember('ana', key, '1');
    for (const key of ['', null, undefined]) expect(keys.recall('ana', key)).toBeUndefined();
  });

  it('forgets every key when cleared', () => {
    const keys = new IdempotencyKeys(manualClock(0), 1_000);
    keys.remember('ana', 'k', '1');
    keys.clear();
    expect(keys.recall('ana', 'k')).toBeUndefined();
  });
});
