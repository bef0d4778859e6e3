import { describe, expect, it } from 'vitest';
import {
  claimDelivery,
  deliverySeenKey,
  engagementSeenKey,
} from '../../../src/inbox/webhooks/delivery-dedupe.js';
import { memorySeenStore } from '../../../src/inbox/webhooks/seen-store.js';
import type { Engagement } from '../../../src/models/engagement.js';
import { parseEngagement } from '../../../src/parse/parse-models.js';

function comment(id: string, accountId = 'page-1'): Engagement {
  return parseEngagement({
    platform: 'facebook',
    accountId,
    id,
    kind: 'comment',
    author: { id: 'fan' },
    text: `comment ${id}`,
    createdAt: new Date(0),
    raw: {},
  });
}

describe('seen keys', () => {
  it('keep ids with colons apart from the parts around them', () => {
    const a = engagementSeenKey({ platform: 'linkedin', accountId: 'urn:li:organization:1', id: '2' });
    const b = engagementSeenKey({ platform: 'linkedin', accountId: 'urn:li:organization', id: '1:2' });
    expect(a).not.toBe(b);
    expect(deliverySeenKey('x', 'a:b')).not.toBe(deliverySeenKey('x:a', 'b'));
  });
});

describe('claimDelivery', () => {
  it('hands on each engagement once, across deliveries and within one', async () => {
    const seen = memorySeenStore();
    const first = await claimDelivery(seen, [comment('1'), comment('2'), comment('1')]);
    expect(first.fresh.map((item) => item.id)).toEqual(['1', '2']);
    expect(first.duplicates).toBe(1);
    const second = await claimDelivery(seen, [comment('2'), comment('3')]);
    expect(second.fresh.map((item) => item.id)).toEqual(['3']);
    expect(second.duplicates).toBe(1);
  });

  it('keeps one platform object for each account it concerns', async () => {
    const seen = memorySeenStore();
    await claimDelivery(seen, [comment('1', 'page-1')]);
    const other = await claimDelivery(seen, [comment('1', 'page-2')]);
    expect(other.fresh).toHaveLength(1);
  });

  it('drops a whole redelivery by its id, even with engagements not seen before', async () => {
    const seen = memorySeenStore();
    await claimDelivery(seen, [comment('1')], deliverySeenKey('tiktok', 'evt-1'));
    const again = await claimDelivery(seen, [comment('9')], deliverySeenKey('tiktok', 'evt-1'));
    expect(again.fresh).toEqual([]);
    expect(again.duplicates).toBe(1);
  });

  it('reports the keys it marked, so they can be forgotten', async () => {
    const seen = memorySeenStore();
    await claimDelivery(seen, [comment('1')]);
    const claim = await claimDelivery(seen, [comment('1'), comment('2')], deliverySeenKey('x', 'd'));
    expect(claim.marked).toEqual([deliverySeenKey('x', 'd'), engagementSeenKey(comment('2'))]);
  });
});
