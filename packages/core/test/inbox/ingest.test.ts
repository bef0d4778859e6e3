import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { InboxStore } from '../../src/inbox/inbox-store.js';
import { emitted, START, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, xAna } = world;

describe('engagements pushed in (webhooks)', () => {
  it('stores them once, whether a webhook or a poll brings them first', async () => {
    const [early, late] = x.seedMentions(xAna.accountId, 2);
    const inbox = world.inbox({
      accounts: [xAna],
      rules: [{ type: 'keyword', name: 'hello', anyOf: ['mention'] }],
    });
    await inbox.poll();
    const [stored] = await world.store().list({ limit: 1 });
    if (stored === undefined || early === undefined || late === undefined) throw new Error('not polled');
    // The webhook delivers one item again and one that polling has not seen (from another account).
    const pushed = { ...stored, accountId: '42', id: 'from-webhook', author: { id: '7', handle: 'fan_7' } };
    const added = await inbox.ingest([stored, pushed, pushed]);
    expect(added.map((item) => item.id)).toEqual(['from-webhook']);
    expect(emitted(inbox, 'engagement').map((event) => [event.item.id, event.via])).toEqual([
      ...[early.id, late.id].map(() => [expect.any(String), 'poll']),
      ['from-webhook', 'ingest'],
    ]);
    expect(emitted(inbox, 'alert').map((alert) => alert.engagements.length)).toEqual([2, 1]);
  });

  it('tells of a batch’s new items even when taking an edit in the same batch fails, and takes the edit on the retry', async () => {
    const store = world.store();
    let failUpdate = true;
    const flaky: InboxStore = Object.assign(Object.create(store) as InboxStore, {
      update: async (...args: Parameters<InboxStore['update']>) => {
        if (failUpdate) {
          failUpdate = false;
          throw new Error('database is locked');
        }
        return store.update(...args);
      },
    });
    const inbox = world.inbox({ accounts: [], store: flaky });
    const comment = {
      platform: 'facebook',
      accountId: 'page-1',
      id: 'c1',
      kind: 'comment' as const,
      author: { id: '9' },
      text: 'Price is 10',
      createdAt: new Date(START),
      raw: {},
    };
    await inbox.ingest([comment]);
    // One webhook batch: an edit of c1 and a new comment c2; the edit's write fails.
    const batch = [
      { ...comment, text: 'Price is 20', editedAt: new Date(START + 60_000) },
      { ...comment, id: 'c2', text: 'URGENT: my order never came' },
    ];
    await expect(inbox.ingest(batch)).rejects.toThrow('database is locked');
    // The platform delivers the batch again.
    expect(await inbox.ingest(batch)).toEqual([]);
    expect(emitted(inbox, 'engagement').map((event) => event.item.id)).toEqual(['c1', 'c2']);
    expect((await inbox.get(comment))?.text).toBe('Price is 20');
  });

  it('leaves out the account’s own items and refuses a batch with an invalid one', async () => {
    const inbox = world.inbox();
    const own = {
      platform: 'x',
      accountId: xAna.accountId,
      id: '1',
      kind: 'reply' as const,
      author: { id: xAna.accountId },
      text: 'Our own reply',
      createdAt: new Date(),
      raw: {},
    };
    expect(await inbox.ingest([own])).toEqual([]);
    await expect(
      inbox.ingest([
        { ...own, id: '2', author: { id: '9' } },
        { ...own, id: '' },
      ]),
    ).rejects.toThrow(ValidationError);
    expect(await world.store().list()).toEqual([]);
  });
});
