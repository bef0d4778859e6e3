import { ValidationError } from '../errors/validation-error.js';
import { type Engagement, EngagementSchema } from '../models/engagement.js';
import { safeParseModel } from '../parse/parse-model.js';
import type { EngagementRef } from './inbox-item.js';
import type { InboxSource } from './inbox-store.js';

/** Longest item id quoted in an error: enough to find the item, never a whole payload. */
const MAX_ID_SHOWN = 100;

/** An item of a polled page that is not a valid engagement, and why. */
export interface InvalidPageItem {
  /** The item, named by the listing's account and the item's own id when it has a readable one. */
  readonly item: EngagementRef | undefined;
  /** Every problem of the item (paths and rules only: never its payload). */
  readonly error: ValidationError;
}

/** A polled page split into the items the inbox can keep and the ones it cannot. */
export interface CheckedPage {
  /** The valid items, parsed (`createdAt` as `Date`), in the page's order. */
  readonly valid: Engagement[];
  /** The items that break the engagement model, in the page's order. */
  readonly invalid: InvalidPageItem[];
}

/**
 * Checks each item of a page an adapter returned on its own, with the schema `ingest` uses
 * (`EngagementSchema`), so one broken item (an adapter bug, a platform change) does not stop
 * the valid items of its page, nor the cursor after them, from being stored.
 *
 * @param items - the page's items as the adapter returned them
 * @param source - the listing they came from, named in each invalid item's error
 * @returns the valid items and the invalid ones
 */
export function checkPageItems(items: readonly unknown[], source: InboxSource): CheckedPage {
  const valid: Engagement[] = [];
  const invalid: InvalidPageItem[] = [];
  for (const input of items) {
    const result = safeParseModel(EngagementSchema, input);
    if (result.success) {
      valid.push(result.data);
      continue;
    }
    const id = readableId(input);
    const named = id === undefined ? '(without a readable id)' : JSON.stringify(shortened(id));
    const subject = `engagement ${named} of the ${source.platform} listing "${source.source}" of account ${source.accountId}`;
    invalid.push({
      item: id === undefined ? undefined : { platform: source.platform, accountId: source.accountId, id },
      error: new ValidationError(result.problems, subject, {
        platform: source.platform,
        hint: "The adapter returned an item that is not a valid engagement: it was skipped and the rest of its page stored. Report it to the adapter's maintainers; a later round that reads it again reports it again.",
      }),
    });
  }
  return { valid, invalid };
}

/** The id cut to {@link MAX_ID_SHOWN} characters, for a message. */
function shortened(id: string): string {
  return id.length > MAX_ID_SHOWN ? `${id.slice(0, MAX_ID_SHOWN)}…` : id;
}

/** The item's own `id`, when it is a non-empty string. */
function readableId(input: unknown): string | undefined {
  try {
    const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  } catch {
    return undefined; // a getter or Proxy that throws: the item has no readable id
  }
}
