import { ValidationError } from '@smmkit/core';
import { safeParseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { type GraphPlatform, platformName } from '../platform.js';
import { GraphIdSchema } from '../schemas.js';

/** One change of a webhook delivery, with the object it concerns. */
export interface GraphWebhookChange {
  /** `entry[].id`: the Page or Instagram account the change concerns. */
  readonly objectId: string;
  /** `entry[].time` (Unix seconds) as an instant, when the entry has one. */
  readonly time: Date | undefined;
  /** The subscribed field (`feed`, `comments`, `mentions`, …). */
  readonly field: string;
  /** The field's payload, unchecked. */
  readonly value: unknown;
  /** Where `value` is in the delivery: `['entry', 0, 'changes', 1, 'value']`. */
  readonly path: readonly (string | number)[];
  /**
   * `value` checked against `schema` (zod or zod/mini); a `ValidationError` names each problem
   * by its path in the delivery.
   */
  parseValue<S extends z.core.$ZodType>(schema: S): z.output<S>;
}

/** One change of a delivery: `{field, value}`. */
const ChangeSchema = z.looseObject({ field: z.string(), value: z.optional(z.unknown()) });

/** A delivery: `{object, entry:[{id, time, changes:[…]}]}`. */
const DeliverySchema = z.looseObject({
  object: z.optional(z.string()),
  entry: z.array(
    z.looseObject({
      id: GraphIdSchema,
      time: z.optional(z.number()),
      changes: z.optional(z.array(ChangeSchema)),
    }),
  ),
});

/**
 * The changes of a Graph webhook delivery, `{object, entry:[{id, time, changes:[{field, value}]}]}`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, Event Notifications;
 * Meta batches up to 1,000 changes in one delivery), in order, validated with zod. Each platform
 * turns the fields it subscribes to into engagements and ignores the rest.
 *
 * @param payload - the parsed JSON body of a verified delivery
 * @param platform - the platform problems are reported for
 * @returns every change, with its entry's object id and time
 * @throws ValidationError when the payload is not a delivery (`Instagram webhook payload`, …)
 *
 * @example
 * ```ts
 * for (const change of readGraphWebhookChanges(payload, 'facebook')) {
 *   if (change.field === 'feed') engagements.push(toEngagement(change.objectId, change.parseValue(FeedValue)));
 * }
 * ```
 */
export function readGraphWebhookChanges(payload: unknown, platform: GraphPlatform): GraphWebhookChange[] {
  const delivery = parse(DeliverySchema, payload, [], platform);
  return delivery.entry.flatMap((entry, entryIndex) =>
    (entry.changes ?? []).map((change, changeIndex) => {
      const path = ['entry', entryIndex, 'changes', changeIndex, 'value'] as const;
      return {
        objectId: entry.id,
        time: entry.time === undefined ? undefined : new Date(entry.time * 1000),
        field: change.field,
        value: change.value,
        path,
        parseValue: <S extends z.core.$ZodType>(schema: S) => parse(schema, change.value, path, platform),
      };
    }),
  );
}

function parse<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  at: readonly (string | number)[],
  platform: GraphPlatform,
): z.output<S> {
  const result = safeParseModel(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.problems.map((problem) => ({ ...problem, path: [...at, ...problem.path] })),
    `${platformName(platform)} webhook payload`,
    { platform },
  );
}
