import { describe, expect, it } from 'vitest';
import { at, BRAND, type InboxStoreHarness, sampleEngagement } from './inbox-store-harness.js';

const ref = { ...BRAND, id: '1' } as const;

/** Cases for changing items, alone and racing. */
export function describeUpdateCases(h: InboxStoreHarness): void {
  describe('updating items', () => {
    const withItem = async () => {
      const store = await h.store();
      await store.add([sampleEngagement('1')], { receivedAt: at(1) });
      return store;
    };

    it('changes the status, only from the states given', async () => {
      const store = await withItem();
      expect((await store.update(ref, { status: 'seen', statusFrom: ['new'] }, at(2)))?.status).toBe('seen');
      expect((await store.update(ref, { status: 'resolved' }, at(3)))?.status).toBe('resolved');
      const kept = await store.update(ref, { status: 'replied', statusFrom: ['new', 'seen'] }, at(4));
      expect(kept?.status).toBe('resolved');
      expect(kept?.updatedAt).toEqual(at(4));
      expect((await store.get(ref))?.status).toBe('resolved');
    });

    it('sets and removes the assignee, adds tags once and removes them', async () => {
      const store = await withItem();
      await store.update(ref, { assignee: 'maria', addTags: ['billing', 'vip'] }, at(2));
      const tagged = await store.update(ref, { addTags: ['vip', 'urgent'], removeTags: ['billing'] }, at(3));
      expect(tagged).toMatchObject({ assignee: 'maria', tags: ['vip', 'urgent'] });
      const unassigned = await store.update(ref, { assignee: null }, at(4));
      expect(unassigned?.assignee).toBeUndefined();
      expect(await store.get(ref)).toEqual(unassigned);
    });

    it('keeps the first response and resolution times once set', async () => {
      const store = await withItem();
      await store.update(ref, { firstResponseAt: at(5), resolvedAt: at(6) }, at(6));
      const later = await store.update(ref, { firstResponseAt: at(9), resolvedAt: at(9) }, at(9));
      expect(later).toMatchObject({ firstResponseAt: at(5), resolvedAt: at(6), updatedAt: at(9) });
    });

    it('records hiding and deletion', async () => {
      const store = await withItem();
      await store.update(ref, { hidden: true }, at(2));
      expect(await store.get(ref)).toMatchObject({ hidden: true });
      await store.update(ref, { hidden: false, deletedAt: at(3) }, at(3));
      expect(await store.get(ref)).toMatchObject({ hidden: false, deletedAt: at(3) });
    });

    it('replaces the text of an edited item, keeping its state, and finds it by the new text', async () => {
      const store = await withItem();
      await store.update(ref, { status: 'seen', assignee: 'maria', addTags: ['vip'] }, at(2));
      const edited = await store.update(ref, { text: 'Ｗhere is my REFUND?' }, at(3));
      expect(edited).toMatchObject({
        text: 'Ｗhere is my REFUND?',
        editedAt: at(3),
        updatedAt: at(3),
        status: 'seen',
        assignee: 'maria',
        tags: ['vip'],
        receivedAt: at(1),
      });
      expect(await store.get(ref)).toEqual(edited);
      expect((await store.list({ text: 'refund' })).map((item) => item.id)).toEqual(['1']);
      expect(await store.list({ text: 'hello' })).toEqual([]);
      const same = await store.update(ref, { text: 'Ｗhere is my REFUND?' }, at(4));
      expect(same?.editedAt).toEqual(at(3));
    });

    it('answers undefined for an item it does not keep', async () => {
      const store = await withItem();
      expect(await store.update({ ...BRAND, id: 'nope' }, { status: 'seen' }, at(2))).toBeUndefined();
      expect(await store.list()).toHaveLength(1);
    });
  });

  describe('racing', () => {
    it('gives each engagement added from two handles at once to exactly one of them', async () => {
      const [one, two] = await h.pair();
      const batch = Array.from({ length: 20 }, (_, n) => sampleEngagement(String(n), n));
      const results = await Promise.all([
        one.add(batch, { receivedAt: at(30) }),
        two.add([...batch].reverse(), { receivedAt: at(30) }),
        one.add(batch.slice(5, 15), { receivedAt: at(30) }),
      ]);
      const handedOut = results.flat().map((item) => item.id);
      expect(handedOut.sort()).toEqual(batch.map((item) => item.id).sort());
      expect(await one.list()).toHaveLength(20);
    });

    it('keeps both of two changes made to one item at once', async () => {
      const [one, two] = await h.pair();
      await one.add([sampleEngagement('1')], { receivedAt: at(1) });
      await Promise.all([
        one.update(ref, { addTags: ['billing'] }, at(2)),
        two.update(ref, { addTags: ['vip'] }, at(2)),
        two.update(ref, { assignee: 'maria' }, at(2)),
      ]);
      const item = await two.get(ref);
      expect([...(item?.tags ?? [])].sort()).toEqual(['billing', 'vip']);
      expect(item?.assignee).toBe('maria');
    });

    it('keeps both an edit of the text and a change of state made at once', async () => {
      const [one, two] = await h.pair();
      await one.add([sampleEngagement('1')], { receivedAt: at(1) });
      await Promise.all([
        one.update(ref, { text: 'edited: still broken' }, at(2)),
        two.update(ref, { status: 'seen', addTags: ['vip'] }, at(2)),
      ]);
      expect(await one.get(ref)).toMatchObject({
        text: 'edited: still broken',
        status: 'seen',
        tags: ['vip'],
      });
    });
  });
}
