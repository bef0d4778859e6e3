import { ValidationError, type ValidationProblem } from '../../errors/validation-error.js';
import { type Engagement, EngagementSchema } from '../../models/engagement.js';
import { safeParseModel } from '../../parse/parse-model.js';

/** Longest engagement id quoted in an error: enough to find the item, never a whole payload. */
const MAX_ID_SHOWN = 100;

/** A verified delivery's parsed engagements, split into those the inbox can take and the rest. */
export interface CheckedDelivery {
  /** The engagements that fit the engagement model, parsed, in delivery order. */
  readonly valid: readonly Engagement[];
  /** How many did not. */
  readonly invalid: number;
  /**
   * What was wrong with them, when any was: each problem's path starts with the item's index in
   * the delivery, and the subject names the items by id. Paths, rules and schema wording only:
   * never a value from the payload but the ids.
   */
  readonly error?: ValidationError | undefined;
}

/**
 * Checks each engagement a webhook handler parsed from a verified delivery with the schema
 * `inbox.ingest` uses (`EngagementSchema`). An adapter whose parser lets a broken item through
 * (a platform change, an empty id) would otherwise make `ingest` throw for the whole delivery:
 * the router would answer 500, the platform would redeliver the same batch for ever, and its
 * valid items would never reach the inbox. The invalid ones are left out instead and reported;
 * redelivering cannot mend them.
 *
 * @param items - what the handler's `parse` returned
 * @param platform - the adapter's platform id, for the error
 * @returns the valid engagements, how many were not, and why
 *
 * @example
 * ```ts
 * const { valid, invalid, error } = checkDeliveredEngagements(handler.parse(request), 'linkedin');
 * ```
 */
export function checkDeliveredEngagements(items: Iterable<unknown>, platform: string): CheckedDelivery {
  const valid: Engagement[] = [];
  const problems: ValidationProblem[] = [];
  const ids: string[] = [];
  let invalid = 0;
  let index = 0;
  for (const item of items) {
    const result = safeParseModel(EngagementSchema, item);
    if (result.success) valid.push(result.data);
    else {
      invalid += 1;
      ids.push(readableId(item) ?? `#${index} (without a readable id)`);
      // `actual` is left out: it could quote the payload.
      for (const { path, rule, message, limit } of result.problems) {
        problems.push({ path: [index, ...path], rule, message, ...(limit === undefined ? {} : { limit }) });
      }
    }
    index += 1;
  }
  if (invalid === 0) return { valid, invalid };
  const subject = `${invalid === 1 ? 'engagement' : `${invalid} engagements`} of a ${platform} webhook delivery (${ids.join(', ')})`;
  const error = new ValidationError(problems, subject, {
    platform,
    hint: "The adapter parsed items that are not valid engagements: they were left out, the rest of the delivery was handed on and the platform was answered 200, since redelivering cannot mend them. Report it to the adapter's maintainers.",
  });
  return { valid, invalid, error };
}

/** The item's own `id`, quoted and cut to {@link MAX_ID_SHOWN} characters, when it is a non-empty string. */
function readableId(item: unknown): string | undefined {
  try {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id === '') return undefined;
    return JSON.stringify(id.length > MAX_ID_SHOWN ? `${id.slice(0, MAX_ID_SHOWN)}…` : id);
  } catch {
    return undefined; // a getter or Proxy that throws: the item has no readable id
  }
}
