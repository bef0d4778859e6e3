import { describe, expect, it } from 'vitest';
import { at, BRAND, BRAND_SOURCE, type InboxStoreHarness, sampleEngagement } from './inbox-store-harness.js';

/** Cases for polling cursors and seen ids. */
export function describeCursorCases(h: InboxStoreHarness): void {
  describe('cursors', () => {
    it('keeps a cursor per account and listing, with its instants', async () => {
      const store = await h.store();
      expect(await store.getCursor(BRAND_SOURCE)).toBeUndefined();
      const walking = { since: at(1), walk: { since: at(-4), newest: at(9), cursor: 'mention:5:0:185:' } };
      await store.setCursor(BRAND_SOURCE, walking);
      await store.setCursor({ ...BRAND, source: 'post:185' }, { since: at(2) });
      expect(await store.getCursor(BRAND_SOURCE)).toEqual(walking);
      expect(await store.getCursor({ ...BRAND, source: 'post:185' })).toEqual({ since: at(2) });
      expect(await store.getCursor({ ...BRAND, accountId: '783214', source: 'account' })).toBeUndefined();
      await store.setCursor(BRAND_SOURCE, undefined);
      expect(await store.getCursor(BRAND_SOURCE)).toBeUndefined();
      expect(await store.getCursor({ ...BRAND, source: 'post:185' })).toEqual({ since: at(2) });
    });

    it('saves the cursor with the page it follows, even when the page holds only duplicates', async () => {
      const store = await h.store();
      await store.add([sampleEngagement('1')], {
        receivedAt: at(1),
        cursor: { source: BRAND_SOURCE, cursor: { walk: { cursor: 'p2' } } },
      });
      expect(await store.getCursor(BRAND_SOURCE)).toEqual({ walk: { cursor: 'p2' } });
      const again = await store.add([sampleEngagement('1')], {
        receivedAt: at(2),
        cursor: { source: BRAND_SOURCE, cursor: { since: at(0) } },
      });
      expect(again).toEqual([]);
      expect(await store.getCursor(BRAND_SOURCE)).toEqual({ since: at(0) });
    });

    it('saves neither page nor cursor when the page is refused', async () => {
      const store = await h.store();
      const bad = { ...sampleEngagement('bad'), kind: 'shout' } as unknown as ReturnType<
        typeof sampleEngagement
      >;
      await expect(
        store.add([sampleEngagement('1'), bad], {
          receivedAt: at(1),
          cursor: { source: BRAND_SOURCE, cursor: { since: at(5) } },
        }),
      ).rejects.toThrow();
      expect(await store.getCursor(BRAND_SOURCE)).toBeUndefined();
      expect(await store.list()).toEqual([]);
    });
  });

  describe('seen ids', () => {
    it('returns only the ids not seen before in the scope, and forgets old ones', async () => {
      const store = await h.store();
      expect(await store.markSeenIds('x:webhook', ['a', 'b', 'a'], at(1))).toEqual(['a', 'b']);
      expect(await store.markSeenIds('x:webhook', ['b', 'c'], at(5))).toEqual(['c']);
      expect(await store.markSeenIds('instagram:webhook', ['a'], at(5))).toEqual(['a']);
      expect(await store.forgetSeenIds(at(5))).toBe(2);
      expect(await store.markSeenIds('x:webhook', ['a', 'c'], at(6))).toEqual(['a']);
    });

    it('forgets ids it is told to, in their scope only', async () => {
      const store = await h.store();
      await store.markSeenIds('x:webhook', ['a', 'b'], at(1));
      await store.markSeenIds('instagram:webhook', ['a'], at(1));
      await store.unmarkSeenIds('x:webhook', ['a', 'never-seen']);
      expect(await store.markSeenIds('x:webhook', ['a', 'b'], at(2))).toEqual(['a']);
      expect(await store.markSeenIds('instagram:webhook', ['a'], at(2))).toEqual([]);
    });

    it('says when each id was first seen in its scope, and forgets that with the id', async () => {
      const store = await h.store();
      await store.markSeenIds('x:webhook', ['a'], at(1));
      await store.markSeenIds('x:webhook', ['a', 'b'], at(3));
      await store.markSeenIds('instagram:webhook', ['c'], at(2));
      expect(await store.seenIdsAt('x:webhook', ['b', 'c', 'a'])).toEqual([at(3), undefined, at(1)]);
      expect(await store.seenIdsAt('x:webhook', [])).toEqual([]);
      await store.unmarkSeenIds('x:webhook', ['a']);
      expect(await store.seenIdsAt('x:webhook', ['a', 'b'])).toEqual([undefined, at(3)]);
    });

    it('moves a record only while it is still at the time given', async () => {
      const store = await h.store();
      await store.markSeenIds('x:webhook', ['a', 'b'], at(1));
      const moves = [
        { id: 'a', from: at(1) },
        { id: 'b', from: at(2) },
        { id: 'never', from: at(1) },
      ];
      expect(await store.moveSeenIds('x:webhook', moves, at(5))).toEqual(['a']);
      expect(await store.moveSeenIds('x:webhook', [{ id: 'a', from: at(1) }], at(6))).toEqual([]);
      expect(await store.seenIdsAt('x:webhook', ['a', 'b'])).toEqual([at(5), at(1)]);
      expect(await store.moveSeenIds('instagram:webhook', [{ id: 'a', from: at(5) }], at(6))).toEqual([]);
    });

    it('moves a record from two handles at once for exactly one of them', async () => {
      const [one, two] = await h.pair();
      const ids = Array.from({ length: 30 }, (_, n) => `delivery-${n}`);
      await one.markSeenIds('x:webhook', ids, at(1));
      const moves = ids.map((id) => ({ id, from: at(1) }));
      const results = await Promise.all([
        one.moveSeenIds('x:webhook', moves, at(2)),
        two.moveSeenIds('x:webhook', [...moves].reverse(), at(3)),
      ]);
      expect(results.flat().sort()).toEqual([...ids].sort());
    });

    it('gives an id marked from two handles at once to exactly one of them', async () => {
      const [one, two] = await h.pair();
      const ids = Array.from({ length: 30 }, (_, n) => `delivery-${n}`);
      const results = await Promise.all([
        one.markSeenIds('x:webhook', ids, at(1)),
        two.markSeenIds('x:webhook', [...ids].reverse(), at(1)),
      ]);
      expect(results.flat().sort()).toEqual([...ids].sort());
    });
  });
}
