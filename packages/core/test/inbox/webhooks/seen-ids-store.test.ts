import { manualClock } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { memoryInboxStore } from '../../../src/inbox/memory-inbox-store.js';
import { type SeenIdsRecorder, seenStoreOf } from '../../../src/inbox/webhooks/seen-ids-store.js';

/** A recorder that keeps what it was told, as a store's `markSeenIds` would. */
function recorder(withUnmark: boolean) {
  const records = new Map<string, number>();
  const calls: { scope: string; ids: string[]; at: number }[] = [];
  const store: SeenIdsRecorder = {
    async markSeenIds(scope, ids, at) {
      calls.push({ scope, ids: [...ids], at: at.getTime() });
      const fresh: string[] = [];
      for (const id of ids) {
        const key = `${scope}|${id}`;
        if (records.has(key)) continue;
        records.set(key, at.getTime());
        fresh.push(id);
      }
      return fresh;
    },
    ...(withUnmark
      ? {
          async unmarkSeenIds(scope: string, ids: readonly string[]) {
            for (const id of ids) records.delete(`${scope}|${id}`);
          },
        }
      : {}),
  };
  return { store, calls };
}

describe('seenStoreOf', () => {
  it('says which keys were new, recorded in its scope at the clock’s time', async () => {
    const { store, calls } = recorder(false);
    const seen = seenStoreOf(store, { scope: 'hooks', clock: manualClock(5_000) });
    expect(await seen.markSeen(['a', 'b'])).toEqual([true, true]);
    expect(await seen.markSeen(['b', 'c', 'c'])).toEqual([false, true, false]);
    expect(calls[0]).toEqual({ scope: 'hooks', ids: ['a', 'b'], at: 5_000 });
  });

  it('forgets keys only when the store can', async () => {
    expect(seenStoreOf(recorder(false).store).forget).toBeUndefined();
    const seen = seenStoreOf(recorder(true).store);
    await seen.markSeen(['a']);
    await seen.forget?.(['a']);
    expect(await seen.markSeen(['a'])).toEqual([true]);
  });

  it('settles keys in a scope of their own, telling keys still being handed on from those done', async () => {
    const store = memoryInboxStore();
    const seen = seenStoreOf(store, { scope: 'hooks', clock: manualClock(5_000) });
    await seen.markSeen(['a', 'b'], new Date(1_000));
    await seen.settle?.(['a']);
    expect(await seen.marksOf?.(['a', 'b', 'never'])).toEqual(['settled', 1_000, undefined]);
    expect(await store.seenIdsAt('hooks:settled', ['a'])).toEqual([new Date(5_000)]);
    expect(await seen.takeOver?.(new Map([['b', 1_000]]), new Date(7_000))).toEqual(['b']);
    expect(await seen.marksOf?.(['b'])).toEqual([7_000]);
  });

  it('takes over no key that was settled meanwhile by an attempt that was only slow', async () => {
    const store = memoryInboxStore();
    const seen = seenStoreOf(store, { scope: 'hooks' });
    await seen.markSeen(['a', 'b'], new Date(1_000));
    await seen.settle?.(['a']);
    const stale = new Map([
      ['a', 1_000],
      ['b', 1_000],
    ]);
    expect(await seen.takeOver?.(stale, new Date(7_000))).toEqual(['b']);
  });

  it('forgets a key with its settled record, so a new mark of it is not taken as handed on', async () => {
    const store = memoryInboxStore();
    const seen = seenStoreOf(store, { scope: 'hooks' });
    await seen.markSeen(['a'], new Date(1_000));
    await seen.settle?.(['a']);
    await seen.forget?.(['a']);
    expect(await seen.markSeen(['a'], new Date(2_000))).toEqual([true]);
    expect(await seen.marksOf?.(['a'])).toEqual([2_000]);
  });

  it('leaves settling out when the store cannot say when it saw an id or move it', () => {
    const seen = seenStoreOf(recorder(true).store);
    expect(seen.settle).toBeUndefined();
    expect(seen.marksOf).toBeUndefined();
    expect(seen.takeOver).toBeUndefined();
  });
});
