import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { emitted, useInboxWorld } from './support/world.js';

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
