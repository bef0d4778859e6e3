import { describe, expect, it } from 'vitest';
import { memorySeenStore } from '../../../src/inbox/webhooks/seen-store.js';

describe('memorySeenStore', () => {
  it('says which keys are new, in order, and remembers them', async () => {
    const seen = memorySeenStore();
    expect(await seen.markSeen(['a', 'b'])).toEqual([true, true]);
    expect(await seen.markSeen(['b', 'c', 'a'])).toEqual([false, true, false]);
  });

  it('counts a key repeated within one call as new once', async () => {
    const seen = memorySeenStore();
    expect(await seen.markSeen(['a', 'a'])).toEqual([true, false]);
  });

  it('forgets the oldest keys past its bound', async () => {
    const seen = memorySeenStore({ maxKeys: 2 });
    await seen.markSeen(['a', 'b', 'c']);
    expect(await seen.markSeen(['c', 'b'])).toEqual([false, false]);
    expect(await seen.markSeen(['a'])).toEqual([true]);
  });

  it('takes a forgotten key as new again', async () => {
    const seen = memorySeenStore();
    await seen.markSeen(['a', 'b']);
    await seen.forget?.(['a']);
    expect(await seen.markSeen(['a', 'b'])).toEqual([true, false]);
  });

  it('says where each key stands: settled, marked at a time, or not marked', async () => {
    const seen = memorySeenStore();
    await seen.markSeen(['a', 'b'], new Date(1_000));
    await seen.settle?.(['a', 'never']);
    expect(await seen.marksOf?.(['a', 'b', 'never'])).toEqual(['settled', 1_000, undefined]);
  });

  it('moves an unsettled mark only while it is still at the time given, once', async () => {
    const seen = memorySeenStore();
    await seen.markSeen(['a', 'b', 'c'], new Date(1_000));
    await seen.settle?.(['c']);
    const stale = new Map([
      ['a', 1_000],
      ['b', 999],
      ['c', 1_000],
    ]);
    expect(await seen.takeOver?.(stale, new Date(5_000))).toEqual(['a']);
    expect(await seen.takeOver?.(stale, new Date(6_000))).toEqual([]);
    expect(await seen.marksOf?.(['a', 'b'])).toEqual([5_000, 1_000]);
  });

  it('refuses a bound that is not a positive whole number', () => {
    expect(() => memorySeenStore({ maxKeys: 0 })).toThrow(RangeError);
    expect(() => memorySeenStore({ maxKeys: 1.5 })).toThrow(RangeError);
  });
});
