import type { Engagement } from '../../models/engagement.js';
import type { SeenStore } from './seen-store.js';

/**
 * The {@link SeenStore} key of an engagement: its platform, account and id. The account is part
 * of it because one platform object can be an engagement of two connected accounts (an X post
 * that mentions both arrives once per subscribed account), and each inbox should get it. Parts
 * are URI-encoded, so ids with colons (LinkedIn URNs) cannot run into each other.
 *
 * @param engagement - the engagement
 * @returns its key, `engagement:<platform>:<account>:<id>`
 *
 * @example
 * ```ts
 * engagementSeenKey({ platform: 'x', accountId: '42', id: '1790' }); // 'engagement:x:42:1790'
 * ```
 */
export function engagementSeenKey(engagement: Pick<Engagement, 'platform' | 'accountId' | 'id'>): string {
  return ['engagement', engagement.platform, engagement.accountId, engagement.id]
    .map(encodeURIComponent)
    .join(':');
}

/**
 * The {@link SeenStore} key of a delivery the platform names with an id of its own.
 *
 * @param route - the router's route it arrived on (`tiktok`)
 * @param deliveryId - the platform's id for it
 * @returns its key, `delivery:<route>:<id>`
 *
 * @example
 * ```ts
 * deliverySeenKey('tiktok', 'evt_1'); // 'delivery:tiktok:evt_1'
 * ```
 */
export function deliverySeenKey(route: string, deliveryId: string): string {
  return ['delivery', route, deliveryId].map(encodeURIComponent).join(':');
}

/** What {@link claimDelivery} took from a delivery. */
export interface ClaimedDelivery {
  /** The engagements not seen before, in delivery order: hand these on. */
  readonly fresh: readonly Engagement[];
  /** How many engagements were dropped as seen before (or repeated within the delivery). */
  readonly duplicates: number;
  /** The keys this claim marked, to `forget` when handing `fresh` on fails. */
  readonly marked: readonly string[];
  /** The keys that were marked before this claim (by an earlier delivery, or one still being handed on). */
  readonly seenBefore: readonly string[];
}

/**
 * Marks a verified delivery's keys as seen and keeps the engagements that are new. When the
 * delivery's own key was seen before, the whole delivery is a redelivery and nothing is fresh.
 *
 * @param seen - the store
 * @param engagements - the delivery's engagements
 * @param deliveryKey - the delivery's key, when the platform names deliveries
 * @returns the fresh engagements, the duplicates dropped and the keys marked
 *
 * @example
 * ```ts
 * const { fresh } = await claimDelivery(seen, handler.parse(request));
 * ```
 */
export async function claimDelivery(
  seen: SeenStore,
  engagements: readonly Engagement[],
  deliveryKey?: string | undefined,
): Promise<ClaimedDelivery> {
  // One key per engagement, first occurrence kept: a delivery may repeat an item.
  const byKey = new Map<string, Engagement>();
  for (const engagement of engagements) {
    const key = engagementSeenKey(engagement);
    if (!byKey.has(key)) byKey.set(key, engagement);
  }
  const keys = [...(deliveryKey === undefined ? [] : [deliveryKey]), ...byKey.keys()];
  if (keys.length === 0) return { fresh: [], duplicates: 0, marked: [], seenBefore: [] };
  const isNew = await seen.markSeen(keys);
  const marked = keys.filter((_, index) => isNew[index] === true);
  const seenBefore = keys.filter((_, index) => isNew[index] !== true);
  const redelivery = deliveryKey !== undefined && isNew[0] !== true;
  const offset = deliveryKey === undefined ? 0 : 1;
  const fresh = redelivery ? [] : [...byKey.values()].filter((_, index) => isNew[index + offset] === true);
  return { fresh, duplicates: engagements.length - fresh.length, marked, seenBefore };
}
