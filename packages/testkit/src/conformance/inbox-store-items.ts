import { describe, expect, it } from 'vitest';
import { at, BRAND, type InboxStoreHarness, sampleEngagement } from './inbox-store-harness.js';

/** An engagement with every optional field set, to check that a store keeps all of them. */
const fullEngagement = () =>
  sampleEngagement('full', 5, {
    platform: 'instagram',
    accountId: '17841400000000000',
    kind: 'reply',
    postRef: { platform: 'instagram', accountId: '17841400000000000', platformPostId: '17900000000000000' },
    parentId: '17890000000000001',
    conversationId: '17890000000000001',
    author: { id: '17850000000000000', handle: 'fan', name: 'A Fan' },
    text: 'Où est ma commande ? 😡',
    reaction: 'LOVE',
    hidden: true,
    raw: { id: 'full', nested: { list: [1, 'two', null], flag: false } },
  });

/** Cases for adding, reading and listing items. */
export function describeItemCases(h: InboxStoreHarness): void {
  describe('adding and reading items', () => {
    it('adds engagements as new items and gives back every field, instants as Dates', async () => {
      const store = await h.store();
      const engagement = fullEngagement();
      const [added] = await store.add([engagement], { receivedAt: at(10) });
      const expected = { ...engagement, status: 'new', tags: [], receivedAt: at(10), updatedAt: at(10) };
      expect(added).toEqual(expected);
      const account = { platform: 'instagram', accountId: '17841400000000000' };
      expect(await store.get({ ...account, id: 'full' })).toEqual(expected);
      expect(await store.get({ ...BRAND, id: 'full' })).toBeUndefined();
      expect(await store.get({ ...account, accountId: '17841400000000001', id: 'full' })).toBeUndefined();
    });

    it('drops duplicates by platform, account and id, within a call and across calls', async () => {
      const store = await h.store();
      const first = await store.add([sampleEngagement('1'), sampleEngagement('1')], { receivedAt: at(1) });
      expect(first.map((item) => item.id)).toEqual(['1']);
      const again = await store.add(
        [
          sampleEngagement('1', 0, { text: 'edited' }),
          sampleEngagement('2'),
          sampleEngagement('1', 0, { platform: 'mastodon' }),
        ],
        { receivedAt: at(2) },
      );
      expect(again.map((item) => [item.platform, item.id])).toEqual([
        ['x', '2'],
        ['mastodon', '1'],
      ]);
      expect((await store.get({ ...BRAND, id: '1' }))?.text).toBe('@brand hello 1');
    });

    it('keeps one engagement of two accounts as two items, each changed on its own', async () => {
      // An X post that mentions two of the app's accounts is a mention of each.
      const store = await h.store();
      const other = { platform: 'x', accountId: '783214' };
      const added = await store.add([sampleEngagement('1'), sampleEngagement('1', 0, other)], {
        receivedAt: at(1),
      });
      expect(added.map((item) => item.accountId)).toEqual([BRAND.accountId, other.accountId]);
      expect(await store.add([sampleEngagement('1', 0, other)], { receivedAt: at(2) })).toEqual([]);
      await store.update({ ...other, id: '1' }, { status: 'replied', addTags: ['answered'] }, at(3));
      expect(await store.get({ ...BRAND, id: '1' })).toMatchObject({ status: 'new', tags: [] });
      expect(await store.get({ ...other, id: '1' })).toMatchObject({ status: 'replied', tags: ['answered'] });
      const listed = await store.list();
      expect(listed.map((item) => item.accountId)).toEqual([other.accountId, BRAND.accountId]);
      // Paging after the first of the two gives the second: the account is part of the position.
      expect((await store.list({ after: listed[0] })).map((item) => item.accountId)).toEqual([
        BRAND.accountId,
      ]);
      expect(await store.list({ accounts: [other] })).toHaveLength(1);
    });

    it('refuses an invalid engagement and stores nothing of the call', async () => {
      const store = await h.store();
      const bad = { ...sampleEngagement('bad'), createdAt: new Date(Number.NaN) };
      await expect(store.add([sampleEngagement('good'), bad], { receivedAt: at(1) })).rejects.toThrow();
      expect(await store.list()).toEqual([]);
    });

    it('hands out copies: changing an item it returned never changes the store', async () => {
      const store = await h.store();
      const [added] = await store.add([sampleEngagement('1')], { receivedAt: at(1) });
      if (added === undefined) throw new Error('not added');
      added.tags.push('changed');
      (added.raw as { id: string }).id = 'changed';
      const read = await store.get(added);
      expect(read?.tags).toEqual([]);
      expect(read?.raw).toEqual({ id: '1' });
    });
  });

  describe('listing', () => {
    const seeded = async () => {
      const store = await h.store();
      await store.add(
        [
          sampleEngagement('a', 1),
          sampleEngagement('b', 3, { kind: 'direct_message', text: 'ÉCHEC de paiement' }),
          sampleEngagement('c', 2, { platform: 'mastodon', accountId: '109' }),
          sampleEngagement('d', 3, { text: 'Great #launch' }),
          sampleEngagement('e', 3, { platform: 'mastodon', accountId: '109', kind: 'reply' }),
        ],
        { receivedAt: at(10) },
      );
      return store;
    };
    const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

    it('lists newest first, then by platform, account and id descending', async () => {
      const store = await seeded();
      expect(ids(await store.list())).toEqual(['d', 'b', 'e', 'c', 'a']);
    });

    it('narrows by platform, account, kind, time and text (ignoring case)', async () => {
      const store = await seeded();
      expect(ids(await store.list({ platforms: ['mastodon'] }))).toEqual(['e', 'c']);
      expect(ids(await store.list({ accounts: [BRAND] }))).toEqual(['d', 'b', 'a']);
      expect(ids(await store.list({ kinds: ['direct_message', 'reply'] }))).toEqual(['b', 'e']);
      expect(ids(await store.list({ from: at(2), to: at(3) }))).toEqual(['c']);
      expect(ids(await store.list({ text: 'échec' }))).toEqual(['b']);
      expect(ids(await store.list({ text: 'LAUNCH' }))).toEqual(['d']);
      expect(ids(await store.list({ platforms: ['x'], kinds: ['mention'], from: at(2) }))).toEqual(['d']);
    });

    it('narrows by status, assignee (null for nobody), tag and deletion', async () => {
      const store = await seeded();
      await store.update(
        { ...BRAND, id: 'a' },
        { status: 'seen', assignee: 'maria', addTags: ['vip'] },
        at(11),
      );
      await store.update({ ...BRAND, id: 'b' }, { assignee: 'li', deletedAt: at(12) }, at(12));
      expect(ids(await store.list({ statuses: ['seen'] }))).toEqual(['a']);
      expect(ids(await store.list({ statuses: ['new'] }))).toEqual(['d', 'b', 'e', 'c']);
      expect(ids(await store.list({ assignee: 'maria' }))).toEqual(['a']);
      expect(ids(await store.list({ assignee: null }))).toEqual(['d', 'e', 'c']);
      expect(ids(await store.list({ tag: 'vip' }))).toEqual(['a']);
      expect(ids(await store.list({ deleted: true }))).toEqual(['b']);
      expect(ids(await store.list({ deleted: false }))).toEqual(['d', 'e', 'c', 'a']);
    });

    it('pages with limit and after, each item once', async () => {
      const store = await seeded();
      const first = await store.list({ limit: 2 });
      const last = first.at(-1);
      if (last === undefined) throw new Error('empty page');
      const second = await store.list({ limit: 2, after: last });
      const third = await store.list({ limit: 2, after: second.at(-1) ?? last });
      expect([ids(first), ids(second), ids(third)]).toEqual([['d', 'b'], ['e', 'c'], ['a']]);
      expect(await store.list({ limit: 0 })).toEqual([]);
    });
  });
}
