import type { Adapter } from '../adapter/adapter.js';
import type { RequestContext } from '../adapter/context.js';
import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Engagement } from '../models/engagement.js';
import type { Publisher } from '../publisher/publisher.js';
import type { Clock } from '../time/clock.js';
import { type EngagementRef, engagementOf, type InboxItem, type InboxItemPatch } from './inbox-item.js';
import type { InboxStore } from './inbox-store.js';

/** What the inbox's actions need. */
export interface ActionContext {
  readonly store: InboxStore;
  readonly publisher: Publisher;
  readonly adapters: ReadonlyMap<string, Adapter>;
  readonly clock: Clock;
  /** Told when the store could not record what the platform did on `item`. */
  readonly onRecordFailed: (error: unknown, item: EngagementRef) => void;
}

/** What an action does around the platform call besides its patch. */
export interface ActSteps {
  /** Checks the stored item before anything is sent; throws to refuse. */
  readonly check?: ((item: InboxItem) => void) | undefined;
  /**
   * The change to store when the platform call ends in an `AmbiguousOutcomeError` (it may have
   * happened); the error is thrown all the same.
   */
  readonly ambiguous?: ((at: Date) => InboxItemPatch) | undefined;
}

/** An adapter operation on one engagement, or `undefined` when the adapter lacks it. */
type Operation<T> = ((engagement: Engagement, context: RequestContext) => Promise<T>) | undefined;

/**
 * The stored item `ref` names.
 *
 * @throws ValidationError (`inbox.unknown_item`) when the store does not keep it
 */
export async function storedItem(store: InboxStore, ref: EngagementRef): Promise<InboxItem> {
  const item = await store.get({ platform: ref.platform, accountId: ref.accountId, id: ref.id });
  if (item !== undefined) return item;
  throw new ValidationError(
    [
      {
        path: ['id'],
        rule: 'inbox.unknown_item',
        message: `the inbox keeps no ${ref.platform} engagement "${ref.id.slice(0, 80)}" of account "${ref.accountId.slice(0, 80)}"`,
      },
    ],
    'inbox action',
    { platform: ref.platform },
  );
}

/**
 * The publisher budget each inbox action is run on: likes and hides have their own (X allows 50
 * of each per 15 minutes; an adapter that declares no `hide` buckets spends `reply`'s); replies
 * and deletes share the `reply` one.
 */
const BUDGET_OF = {
  'engagement.reply': 'reply',
  'engagement.hide': 'hide',
  'engagement.delete': 'reply',
  'engagement.like': 'like',
} as const;

/** The capability an inbox action needs, by its name in refusals (`engagement.reply`, …). */
export type ActionCapability = keyof typeof BUDGET_OF;

/**
 * Runs an adapter operation on a stored item through the publisher's queue of its account, on
 * the capability's budget ({@link BUDGET_OF}), then applies `patch` to the item.
 *
 * @param context - store, publisher, adapters, clock
 * @param ref - the item
 * @param capability - the capability's name for the refusal (`engagement.reply`, …)
 * @param pick - the adapter's operation, bound to the adapter, or `undefined` when it has none
 * @param patch - the change to store once the platform did it
 * @param steps - a check of the stored item before sending, and the change to store when the
 *   outcome is unknown (its store failure goes to `onRecordFailed` too)
 * @returns the operation's result and the item as stored after it; when the store fails to record
 *   it, the result all the same with the item as it was (the failure goes to `onRecordFailed`):
 *   the platform did it, and an error would invite a retry that does it twice
 * @throws UnsupportedCapabilityError when the adapter lacks the operation (nothing sent); the
 *   adapter's error when the platform refuses (the item is left as it was, unless
 *   `steps.ambiguous` changes it for an `AmbiguousOutcomeError`); what `steps.check` throws
 *   (nothing sent)
 */
export async function act<T>(
  context: ActionContext,
  ref: EngagementRef,
  capability: ActionCapability,
  pick: (adapter: Adapter) => Operation<T>,
  patch: (at: Date) => InboxItemPatch,
  steps: ActSteps = {},
): Promise<{ readonly result: T; readonly item: InboxItem }> {
  const item = await storedItem(context.store, ref);
  const adapter = context.adapters.get(item.platform);
  const operation = adapter === undefined ? undefined : pick(adapter);
  if (operation === undefined) {
    throw new UnsupportedCapabilityError(capability, { platform: item.platform });
  }
  steps.check?.(item);
  const engagement = engagementOf(item);
  let result: T;
  try {
    result = await context.publisher.run(
      { platform: item.platform, accountId: item.accountId },
      BUDGET_OF[capability],
      (requestContext) => operation(engagement, requestContext),
    );
  } catch (error) {
    if (steps.ambiguous !== undefined && AmbiguousOutcomeError.isInstance(error)) {
      await record(context, item, steps.ambiguous);
    }
    throw error;
  }
  return { result, item: (await record(context, item, patch)) ?? item };
}

/**
 * Stores what the platform did (or may have done) on `item`: the item as stored after it, or
 * `undefined` when the store failed (told to `onRecordFailed`, never thrown: the platform call's
 * answer or error is what the caller must see).
 */
async function record(
  context: ActionContext,
  item: InboxItem,
  patch: (at: Date) => InboxItemPatch,
): Promise<InboxItem | undefined> {
  const at = new Date(context.clock.now());
  try {
    return await context.store.update(item, patch(at), at);
  } catch (error) {
    context.onRecordFailed(error, { platform: item.platform, accountId: item.accountId, id: item.id });
    return undefined;
  }
}
