import { describeInboxStore } from '@smmkit/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';
import { parseEngagement } from '../../src/parse/parse-models.js';

describeInboxStore('memoryInboxStore', memoryInboxStore);

describe('memoryInboxStore and a reply of unknown outcome', () => {
  it('keeps it on the item (a copy: changing what it got changes nothing) until a patch clears it', async () => {
    const store = memoryInboxStore();
    const engagement = parseEngagement({
      platform: 'x',
      accountId: '2244994945',
      id: '1850000000000000001',
      kind: 'mention',
      author: { id: '1001', handle: 'fan' },
      text: '@brand hello',
      createdAt: '2026-05-01T07:00:00Z',
      raw: {},
    });
    await store.add([engagement], { receivedAt: new Date('2026-05-01T07:01:00Z') });
    const sentAt = new Date('2026-05-01T07:05:00Z');
    const marked = await store.update(
      engagement,
      { uncertainReply: { at: sentAt, text: '@fan hi' } },
      sentAt,
    );
    marked?.uncertainReply?.at.setTime(0);
    expect((await store.get(engagement))?.uncertainReply).toEqual({ at: sentAt, text: '@fan hi' });
    await store.update(engagement, { addTags: ['billing'] }, new Date('2026-05-01T07:06:00Z'));
    expect((await store.get(engagement))?.uncertainReply).toEqual({ at: sentAt, text: '@fan hi' });
    await store.update(engagement, { uncertainReply: null }, new Date('2026-05-01T07:07:00Z'));
    expect(await store.get(engagement)).not.toHaveProperty('uncertainReply');
  });
});
