import { describe, expect, it } from 'vitest';
import {
  claimDelivery,
  deliverySeenKey,
  engagementSeenKey,
} from '../../../src/inbox/webhooks/delivery-dedupe.js';
import { memorySeenStore, type SeenStore } from '../../../src/inbox/webhooks/seen-store.js';
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

  it('tell an edit (same id, new text) from a redelivery (same id, same text)', async () => {
    const seen = memorySeenStore();
    const first = comment('1');
    const edit = { ...first, text: 'comment 1, edited' };
    const claims = [];
    for (const delivery of [first, first, edit, edit]) {
      claims.push(
        (await claimDelivery(seen, [delivery], undefined, { at: new Date(0), takeOverBefore: 0 })).fresh,
      );
    }
    expect(claims.map((fresh) => fresh.map((engagement) => engagement.text))).toEqual([
      ['comment 1'],
      [],
      ['comment 1, edited'],
      [],
    ]);
  });
});

describe('claimDelivery', () => {
  const NOW = Date.parse('2026-11-22T09:00:00Z');
  const MINUTE = 60_000;
  const timing = (at = NOW) => ({ at: new Date(at), takeOverBefore: at - MINUTE });
  /** Claims as the router does, settling what it took once handed on. */
  const handOn = async (seen: SeenStore, engagements: Engagement[], deliveryKey?: string) => {
    const claim = await claimDelivery(seen, engagements, deliveryKey, timing());
    await seen.settle?.(claim.marked);
    return claim;
  };

  it('hands on each engagement once, across deliveries and within one', async () => {
    const seen = memorySeenStore();
    const first = await handOn(seen, [comment('1'), comment('2'), comment('1')]);
    expect(first.fresh.map((item) => item.id)).toEqual(['1', '2']);
    expect(first.duplicates).toBe(1);
    const second = await handOn(seen, [comment('2'), comment('3')]);
    expect(second.fresh.map((item) => item.id)).toEqual(['3']);
    expect(second.duplicates).toBe(1);
    expect(second.running).toBe(false);
  });

  it('keeps one platform object for each account it concerns', async () => {
    const seen = memorySeenStore();
    await handOn(seen, [comment('1', 'page-1')]);
    const other = await handOn(seen, [comment('1', 'page-2')]);
    expect(other.fresh).toHaveLength(1);
  });

  it('drops a whole redelivery by its id, even with engagements not seen before', async () => {
    const seen = memorySeenStore();
    await handOn(seen, [comment('1')], deliverySeenKey('tiktok', 'evt-1'));
    const again = await handOn(seen, [comment('9')], deliverySeenKey('tiktok', 'evt-1'));
    expect(again.fresh).toEqual([]);
    expect(again.duplicates).toBe(1);
  });

  it('reports the keys it marked, so they can be forgotten', async () => {
    const seen = memorySeenStore();
    await handOn(seen, [comment('1')]);
    const claim = await handOn(seen, [comment('1'), comment('2')], deliverySeenKey('x', 'd'));
    expect(claim.marked).toEqual([deliverySeenKey('x', 'd'), engagementSeenKey(comment('2'))]);
  });

  it('says an attempt may still be running while marks are recent and unsettled', async () => {
    const seen = memorySeenStore();
    await claimDelivery(seen, [comment('1')], undefined, timing());
    const retry = await claimDelivery(seen, [comment('1')], undefined, timing(NOW + 30_000));
    expect(retry).toMatchObject({ running: true, fresh: [], marked: [] });
  });

  it('says an attempt may be running when a mark was forgotten between marking and looking', async () => {
    // The first attempt failed and forgot its marks after the retry found them, before it looked.
    const inner = memorySeenStore();
    const seen: SeenStore = {
      ...inner,
      markSeen: async (keys, at) => {
        const isNew = await inner.markSeen(keys, at);
        await inner.forget?.(keys.filter((_, index) => isNew[index] !== true));
        return isNew;
      },
    };
    await inner.markSeen([engagementSeenKey(comment('1'))], new Date(NOW));
    const retry = await claimDelivery(seen, [comment('1')], undefined, timing(NOW + 10_000));
    expect(retry).toMatchObject({ running: true, fresh: [] });
  });

  it('takes over marks left unsettled past the take-over time, the delivery’s own included', async () => {
    // The first attempt's process stopped after marking: nothing settled, nothing forgotten.
    const seen = memorySeenStore();
    const key = deliverySeenKey('tiktok', 'evt-2');
    await claimDelivery(seen, [comment('1')], key, timing());
    const retry = await claimDelivery(seen, [comment('1')], key, timing(NOW + 2 * MINUTE));
    expect(retry.running).toBe(false);
    expect(retry.fresh.map((item) => item.id)).toEqual(['1']);
    expect(retry.marked).toEqual([key, engagementSeenKey(comment('1'))]);
    // An attempt this process still runs is never taken over, however old its marks.
    const slow = await claimDelivery(seen, [comment('1')], key, {
      ...timing(NOW + 10 * MINUTE),
      runningHere: () => true,
    });
    expect(slow).toMatchObject({ running: true, fresh: [], marked: [] });
    // The marks are the taker's now: a retry right after it waits.
    const next = await claimDelivery(seen, [comment('1')], key, timing(NOW + 2 * MINUTE + 1_000));
    expect(next).toMatchObject({ running: true, fresh: [] });
  });
});
