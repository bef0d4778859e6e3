import { textDigest } from '../../content/text-digest.js';
import type { Engagement } from '../../models/engagement.js';
import type { SeenStore } from './seen-store.js';

/**
 * The {@link SeenStore} key of an engagement: its platform, account and id, and a digest of its
 * text when it has one. The account is part of it because one platform object can be an
 * engagement of two connected accounts (an X post that mentions both arrives once per subscribed
 * account), and each inbox should get it. The text is part of it because a platform delivers an
 * edit with the same id and the new text (Facebook's `feed` verb `edited`): a redelivery is a
 * duplicate, an edit is not, and the inbox takes its text. An edit's time (`editedAt`) is part
 * of it too, so an edit back to an earlier text is not taken for a redelivery of that text.
 * Parts are URI-encoded, so ids with colons (LinkedIn URNs) cannot run into each other.
 *
 * @param engagement - the engagement
 * @returns its key, `engagement:<platform>:<account>:<id>`, then `:<text digest>` for a text and
 *   `:<editedAt epoch ms>` for an edit
 *
 * @example
 * ```ts
 * engagementSeenKey({ platform: 'x', accountId: '42', id: '1790' }); // 'engagement:x:42:1790'
 * engagementSeenKey({ platform: 'x', accountId: '42', id: '1790', text: 'hi' }); // 'engagement:x:42:1790:' + 16 hex digits
 * ```
 */
export function engagementSeenKey(
  engagement: Pick<Engagement, 'platform' | 'accountId' | 'id'> & {
    readonly text?: string | undefined;
    readonly editedAt?: Date | undefined;
  },
): string {
  const text = engagement.text === undefined || engagement.text === '' ? [] : [textDigest(engagement.text)];
  const edited = engagement.editedAt === undefined ? [] : [String(engagement.editedAt.getTime())];
  return ['engagement', engagement.platform, engagement.accountId, engagement.id, ...text, ...edited]
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
  /** The engagements to hand on, in delivery order: new ones, and those taken over. */
  readonly fresh: readonly Engagement[];
  /** How many engagements were dropped as seen before (or repeated within the delivery). */
  readonly duplicates: number;
  /** The keys this claim took (marked now, or taken over): settle them once handed on, forget them if that fails. */
  readonly marked: readonly string[];
  /**
   * The keys marked before this claim that it did not take over (marked by an earlier delivery,
   * or by one still being handed on).
   */
  readonly seenBefore: readonly string[];
  /** Whether another attempt may still be handing some of these keys on: answer "retry later". */
  readonly running: boolean;
}

/** When {@link claimDelivery} takes its marks and which unsettled marks it takes over. */
export interface ClaimTiming {
  /** Now: when this claim marks its keys. */
  readonly at: Date;
  /**
   * Unsettled marks made before this instant, epoch ms, belong to an attempt that stopped
   * without settling or forgetting them (a process that died mid-way): this claim takes them
   * over. Later ones may still be handed on: the claim is `running`.
   */
  readonly takeOverBefore: number;
  /**
   * Whether an attempt of this process is still handing `key` on: its mark is never taken over,
   * however old (an attempt slower than the take-over time is slow, not stopped).
   */
  readonly runningHere?: ((key: string) => boolean) | undefined;
}

/**
 * Marks a verified delivery's keys as seen and keeps the engagements that are new. When the
 * delivery's own key was seen and settled before, the whole delivery is a redelivery and nothing
 * is fresh. With a store that settles keys (`settle`, `marksOf`, `takeOver`), a key marked before
 * but not settled is either still being handed on, or forgotten since by a failed attempt (both
 * `running`: answer "retry later"), or, marked before `takeOverBefore`, left by an attempt that
 * stopped: that mark is moved to now and the key taken over, as if new, by one claim only.
 *
 * @param seen - the store
 * @param engagements - the delivery's engagements
 * @param deliveryKey - the delivery's key, when the platform names deliveries
 * @param timing - when the marks are taken, and from when an unsettled mark is taken over
 * @returns the engagements to hand on, the duplicates dropped, the keys taken and whether an
 *   earlier attempt may be running
 *
 * @example
 * ```ts
 * const { fresh } = await claimDelivery(seen, handler.parse(request), undefined, { at, takeOverBefore });
 * ```
 */
export async function claimDelivery(
  seen: SeenStore,
  engagements: readonly Engagement[],
  deliveryKey: string | undefined,
  timing: ClaimTiming,
): Promise<ClaimedDelivery> {
  // One key per engagement, first occurrence kept: a delivery may repeat an item.
  const byKey = new Map<string, Engagement>();
  for (const engagement of engagements) {
    const key = engagementSeenKey(engagement);
    if (!byKey.has(key)) byKey.set(key, engagement);
  }
  const keys = [...(deliveryKey === undefined ? [] : [deliveryKey]), ...byKey.keys()];
  if (keys.length === 0) return { fresh: [], duplicates: 0, marked: [], seenBefore: [], running: false };
  const isNew = await seen.markSeen(keys, timing.at);
  const taken = new Set(keys.filter((_, index) => isNew[index] === true));
  const before = keys.filter((key) => !taken.has(key));
  const { running, takenOver } = await standingOf(seen, before, timing);
  for (const key of takenOver) taken.add(key);
  const redelivery = deliveryKey !== undefined && !taken.has(deliveryKey);
  const fresh = redelivery
    ? []
    : [...byKey].filter(([key]) => taken.has(key)).map(([, engagement]) => engagement);
  return {
    fresh,
    duplicates: engagements.length - fresh.length,
    marked: keys.filter((key) => taken.has(key)),
    seenBefore: before.filter((key) => !taken.has(key)),
    running,
  };
}

/**
 * Where keys marked before stand, for a store that settles keys: whether an attempt may still be
 * handing one on, and the stale ones this claim took over (none when one is running, since the
 * delivery is then answered "retry later" anyway).
 */
async function standingOf(
  seen: SeenStore,
  keys: readonly string[],
  timing: ClaimTiming,
): Promise<{ readonly running: boolean; readonly takenOver: readonly string[] }> {
  const { marksOf, takeOver } = seen;
  if (keys.length === 0 || seen.settle === undefined || marksOf === undefined || takeOver === undefined) {
    return { running: false, takenOver: [] };
  }
  const marks = await marksOf.call(seen, keys);
  const stale = new Map<string, number>();
  let running = false;
  keys.forEach((key, index) => {
    const mark = marks[index];
    if (mark === 'settled') return;
    // Unmarked since (a failed attempt forgot it; its retry comes back), marked recently, or
    // still handed on by an attempt of this process.
    if (mark === undefined || mark >= timing.takeOverBefore || timing.runningHere?.(key) === true) {
      running = true;
    } else stale.set(key, mark);
  });
  if (running || stale.size === 0) return { running, takenOver: [] };
  const takenOver = await takeOver.call(seen, stale, timing.at);
  // Another retry moved some first: it hands them on now.
  return { running: takenOver.length < stale.size, takenOver };
}
