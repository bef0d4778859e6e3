import type { WebhookRequest } from '../../adapter/webhooks.js';
import type { Engagement } from '../../models/engagement.js';
import { type CheckedDelivery, checkDeliveredEngagements } from './checked-delivery.js';
import { claimDelivery, deliverySeenKey } from './delivery-dedupe.js';
import { readDeliveryStamp } from './delivery-stamp.js';
import { isWithinReplayWindow } from './replay-window.js';
import type { SeenStore } from './seen-store.js';
import type { WebhookOutcomeKind } from './webhook-outcome.js';
import type { WebhookRoute } from './webhook-routes.js';

/** Where a delivery's engagements came from, passed to `onEngagements` with them. */
export interface WebhookDeliveryContext {
  /** The route it arrived on (`x`, or a record key). */
  readonly route: string;
  /** The adapter's platform id. */
  readonly platform: string;
  /** The platform's id for the delivery, when it names deliveries. */
  readonly deliveryId?: string | undefined;
}

/** Receives the new engagements of each verified delivery; see `WebhookRouterOptions.onEngagements`. */
export type EngagementSink = (
  engagements: readonly Engagement[],
  delivery: WebhookDeliveryContext,
) => void | Promise<void>;

/** What {@link takeDelivery} needs besides the delivery. */
export interface TakeDeliveryDeps {
  /** Where keys of deliveries and engagements already taken are kept. */
  readonly seen: SeenStore;
  /** The current time, epoch ms. */
  readonly now: () => number;
  /** How far a signed time may be from now. */
  readonly maxAgeMs: number;
  /** How long an unsettled mark may belong to a running attempt before a retry takes it over. */
  readonly takeOverAfterMs: number;
  /** Where new engagements go. */
  readonly onEngagements: EngagementSink;
  /** The keys this router is handing on right now (marked, `onEngagements` not yet done). */
  readonly inFlight: KeysInFlight;
}

/** What became of a delivery (a POST that was no challenge). */
export interface TakenDelivery {
  /** The outcome. */
  readonly kind: Extract<WebhookOutcomeKind, 'accepted' | 'forged' | 'stale' | 'unreadable' | 'failed'>;
  /** New engagements handed on. */
  readonly engagements: number;
  /** Engagements dropped as delivered before. */
  readonly duplicates: number;
  /** Parsed items left out as no valid engagement (`accepted` only, else 0). */
  readonly invalid: number;
  /**
   * What was thrown, for `unreadable` and `failed`; for `accepted`, the `ValidationError` that
   * names the items left out as invalid, when there were any.
   */
  readonly error?: unknown;
}

/** The counts of a delivery nothing was handed on from. */
const NONE = { engagements: 0, duplicates: 0, invalid: 0 } as const;

/**
 * Takes one delivery, in the order that keeps forged and replayed deliveries out of the inbox:
 * the adapter verifies the signature (nothing is parsed before), a signed timestamp must be
 * within `maxAgeMs`, the adapter parses the engagements, each is checked against the engagement
 * model (an invalid one is left out and reported, never handed on: it would fail the whole
 * delivery, and the platform's redelivery could not mend it), their keys (and the delivery's id) are
 * marked seen and only the new ones are handed on, then settled. When handing them on fails, the
 * keys just marked are forgotten, so the platform's retry is taken rather than dropped; a retry
 * that arrives while an earlier attempt is still handing the same engagements on (in this
 * process, or in any process sharing a seen store that settles keys) is `failed` (500, retry
 * later), not a duplicate, so that attempt's failure cannot lose them. Keys an attempt left
 * unsettled for `takeOverAfterMs` (its process stopped) are taken over by the next retry.
 *
 * @param route - the route it arrived on
 * @param request - the delivery, body read
 * @param deps - seen store, clock, replay window and sink
 * @returns the outcome and counts
 *
 * @example
 * ```ts
 * const taken = await takeDelivery(route, request, { seen, now: () => Date.now(), maxAgeMs, onEngagements });
 * ```
 */
export async function takeDelivery(
  route: WebhookRoute,
  request: WebhookRequest,
  deps: TakeDeliveryDeps,
): Promise<TakenDelivery> {
  const { handler } = route;
  if (!(await isVerified(route, request))) return { ...NONE, kind: 'forged' };
  let checked: CheckedDelivery;
  let deliveryId: string | undefined;
  try {
    const stamp = readDeliveryStamp(handler, request);
    if (stamp.signedAt !== undefined && !isWithinReplayWindow(stamp.signedAt, deps.now(), deps.maxAgeMs)) {
      return { ...NONE, kind: 'stale' };
    }
    deliveryId = stamp.id;
    checked = checkDeliveredEngagements(handler.parse(request), route.platform);
  } catch (error) {
    return { ...NONE, kind: 'unreadable', error };
  }
  const engagements: readonly Engagement[] = checked.valid;
  // Invalid items are reported with the outcome; the platform is answered for the rest.
  const invalid = {
    invalid: checked.invalid,
    ...(checked.error === undefined ? {} : { error: checked.error }),
  };
  const deliveryKey = deliveryId === undefined ? undefined : deliverySeenKey(route.name, deliveryId);
  let marked: readonly string[] = [];
  try {
    const now = deps.now();
    const claim = await claimDelivery(deps.seen, engagements, deliveryKey, {
      at: new Date(now),
      takeOverBefore: now - deps.takeOverAfterMs,
      runningHere: (key) => deps.inFlight.has(key),
    });
    marked = claim.marked;
    // A retry that arrives while this router still hands the first attempt's engagements on
    // must not be answered as a duplicate: if that attempt fails, the platform would never send
    // them again. "Retry later" instead; by then they are taken, or forgotten and taken anew.
    deps.inFlight.hold(marked);
    if (claim.running || claim.seenBefore.some((key) => deps.inFlight.has(key))) {
      throw new EarlierAttemptRunning();
    }
    if (claim.fresh.length > 0) {
      await deps.onEngagements(claim.fresh, { route: route.name, platform: route.platform, deliveryId });
    }
    await settle(deps.seen, claim.marked);
    return { kind: 'accepted', engagements: claim.fresh.length, duplicates: claim.duplicates, ...invalid };
  } catch (error) {
    if (marked.length > 0) await deps.seen.forget?.(marked).catch(() => undefined);
    return { ...NONE, kind: 'failed', error };
  } finally {
    // Only now, the marks forgotten when handing on failed: a retry in between must still be
    // told to come back later, not that it was delivered.
    deps.inFlight.release(marked);
  }
}

/**
 * The keys the attempts of one router are handing on, counted per attempt: an attempt that ends
 * releases its own hold only, never a later attempt's on the same key (a retry taken after the
 * first attempt forgot its marks, while that attempt was still finishing).
 */
export class KeysInFlight {
  readonly #holds = new Map<string, number>();

  /** Whether some attempt holds `key`. */
  has(key: string): boolean {
    return this.#holds.has(key);
  }

  /** One hold more on each key. */
  hold(keys: readonly string[]): void {
    for (const key of keys) this.#holds.set(key, (this.#holds.get(key) ?? 0) + 1);
  }

  /** One hold less on each key; a key with none left is no longer in flight. */
  release(keys: readonly string[]): void {
    for (const key of keys) {
      const left = (this.#holds.get(key) ?? 1) - 1;
      if (left > 0) this.#holds.set(key, left);
      else this.#holds.delete(key);
    }
  }
}

/**
 * Records the keys as handed on. Its failure is not the delivery's: the engagements are handed
 * on, and a retry meanwhile is answered "retry later", then taken over and handed on again
 * (the inbox drops what it keeps already).
 */
async function settle(seen: SeenStore, keys: readonly string[]): Promise<void> {
  if (keys.length === 0 || seen.settle === undefined) return;
  try {
    await seen.settle(keys);
  } catch {
    // Handed on all the same; see above.
  }
}

/** A delivery whose engagements an earlier attempt may still be handing on. */
class EarlierAttemptRunning extends Error {
  constructor() {
    super('An earlier attempt of this delivery is still being handed on; the platform retries it later.');
    this.name = 'EarlierAttemptRunning';
  }
}

/** Whether the adapter verifies the delivery; a verify that throws has not verified it. */
async function isVerified(route: WebhookRoute, request: WebhookRequest): Promise<boolean> {
  try {
    return await route.handler.verify(request);
  } catch {
    return false;
  }
}
