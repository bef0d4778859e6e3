import type { Engagement } from '../models/engagement.js';
import { engagementRefKey, type InboxItem } from './inbox-item.js';
import type { InboxStore } from './inbox-store.js';

/**
 * Takes the edits among engagements pushed into the inbox: each one with `editedAt` (the
 * platform delivered it as an edit: Facebook's `feed` change with verb `edited`,
 * https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed) that the store
 * already kept (not just added by this batch) and whose text differs from the kept item's gets
 * the new text and that `editedAt`, by the store's atomic `update`; its status, assignee, tags
 * and times stay. One with the kept text but a later `editedAt` (an edit back to it) moves the
 * item's `editedAt` on. An edit older than the one kept is left out (the store compares the times),
 * and a delivery that is not an edit (a late redelivery of the original comment) never
 * overwrites the text. One the inbox never kept was added as a new item by the same batch.
 *
 * @param store - the inbox's store
 * @param inbound - the batch, as given to the store's `add`
 * @param added - what `add` returned for it (the first of each repeated engagement)
 * @param at - when the edits are taken
 *
 * @example
 * ```ts
 * const added = await store.add(inbound, { receivedAt: now });
 * await takeEdits(store, inbound, added, now);
 * ```
 */
export async function takeEdits(
  store: InboxStore,
  inbound: readonly Engagement[],
  added: readonly InboxItem[],
  at: Date,
): Promise<void> {
  const justAdded = new Set(added.map(engagementRefKey));
  for (const engagement of inbound) {
    // The first of this engagement in the batch is the item just added, text and all.
    if (justAdded.delete(engagementRefKey(engagement))) continue;
    const { editedAt } = engagement;
    if (editedAt === undefined) continue;
    const kept = await store.get(engagement);
    if (kept === undefined) continue;
    // The same text and no later edit: a redelivery, or what polling read already. The same text
    // edited later still counts: its time is what an older edit arriving late is compared with.
    const later = kept.editedAt === undefined || editedAt.getTime() > kept.editedAt.getTime();
    if (kept.text === engagement.text && !later) continue;
    await store.update(engagement, { text: engagement.text, editedAt }, at);
  }
}
