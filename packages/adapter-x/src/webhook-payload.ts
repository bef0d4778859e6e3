import { type Engagement, type PostRef, parseEngagement } from '@smmkit/core';
import { parseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

// Account Activity deliveries (https://docs.x.com/x-api/account-activity/introduction) carry v1.1
// objects: posts as in `tweet_create_events`, messages as `message_create` events.

/** A user as embedded in a v1.1 post. */
const ActivityUserSchema = z.looseObject({
  id_str: z.string(),
  screen_name: z.optional(z.string()),
  name: z.optional(z.string()),
});

/**
 * A user in the `users` map of a DM delivery: DM user objects carry their id as the string `id`,
 * with no `id_str` (developer.x.com: Account Activity data objects, direct_message_events).
 */
const ActivityDmUserSchema = z.looseObject({
  id: z.optional(z.string()),
  screen_name: z.optional(z.string()),
  name: z.optional(z.string()),
});

/** The entities of a v1.1 post: the users it mentions, by `id_str`. */
const ActivityEntitiesSchema = z.looseObject({
  user_mentions: z.optional(z.array(z.looseObject({ id_str: z.optional(z.string()) }))),
});

/**
 * A v1.1 post in `tweet_create_events`, in compatibility mode: a post over 140 characters has
 * `truncated: true`, the start of its text in `text` and, in `entities`, only the entities within
 * that start; its whole text and every entity are in `extended_tweet` (`full_text`, `entities`:
 * https://developer.x.com/en/docs/tweets/tweet-updates, "Compatibility with additional
 * extended_tweet in payload", the default of X's premium and enterprise APIs, Account Activity
 * among them, and of its streaming APIs).
 */
const ActivityPostSchema = z.looseObject({
  id_str: z.string(),
  created_at: z.optional(z.string()),
  timestamp_ms: z.optional(z.string()),
  text: z.optional(z.string()),
  full_text: z.optional(z.string()),
  extended_tweet: z.optional(
    z.looseObject({ full_text: z.optional(z.string()), entities: z.optional(ActivityEntitiesSchema) }),
  ),
  user: ActivityUserSchema,
  in_reply_to_status_id_str: z.nullish(z.string()),
  in_reply_to_user_id_str: z.nullish(z.string()),
  retweeted_status: z.optional(z.unknown()),
  entities: z.optional(ActivityEntitiesSchema),
});

/** A `message_create` event in `direct_message_events` (developer.x.com: Message Create Object). */
const ActivityMessageSchema = z.looseObject({
  type: z.string(),
  id: z.string(),
  created_timestamp: z.optional(z.string()),
  message_create: z.optional(
    z.looseObject({
      sender_id: z.string(),
      target: z.optional(z.looseObject({ recipient_id: z.optional(z.string()) })),
      message_data: z.optional(z.looseObject({ text: z.optional(z.string()) })),
    }),
  ),
});

/**
 * An Account Activity delivery: `for_user_id` (the subscribed account) and the event arrays this
 * adapter reads; other events (likes, follows, …) are ignored. Unknown fields are kept.
 */
export const AccountActivitySchema = z.looseObject({
  for_user_id: z.string().check(z.minLength(1)),
  tweet_create_events: z.optional(z.array(ActivityPostSchema)),
  direct_message_events: z.optional(z.array(ActivityMessageSchema)),
  // Ids to users: an object whose every key holds a user (a record, without zod's record schema).
  users: z.optional(z.catchall(z.object({}), ActivityDmUserSchema)),
});

/**
 * A subscription revoke, sent when a user removes the app's authorization and X deletes their
 * subscription: `{"user_event": {"revoke": {"date_time", "target": {"app_id"}, "source":
 * {"user_id"}}}}`, the one Account Activity delivery without `for_user_id`
 * (https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/account-activity-data-objects,
 * `user_event`; "Subscription revokes (by user)" in https://docs.x.com/x-api/account-activity/introduction).
 */
const UserEventDeliverySchema = z.looseObject({
  user_event: z.looseObject({
    revoke: z.optional(
      z.looseObject({
        date_time: z.optional(z.string()),
        target: z.optional(z.looseObject({ app_id: z.optional(z.string()) })),
        source: z.looseObject({ user_id: z.string().check(z.minLength(1)) }),
      }),
    ),
  }),
});

/** An Account Activity delivery; see {@link AccountActivitySchema}. */
export type XAccountActivity = z.output<typeof AccountActivitySchema>;

/**
 * The engagements in an Account Activity delivery:
 *
 * - each post in `tweet_create_events` written by someone else that replies to the account
 *   (`reply`, about the account's post) or mentions it (`mention`: anywhere in a long post, whose
 *   whole text and mentions are read from `extended_tweet`); retweets are left out;
 * - each `message_create` in `direct_message_events` the account received (`direct_message`).
 *
 * A subscription revoke (`user_event`, which has no `for_user_id`) is a valid delivery with no
 * engagement: it gives none, so a webhook router answers it 200 and X stops sending it.
 *
 * @param payload - the parsed JSON body of a verified delivery
 * @returns the engagements, in delivery order
 * @throws ValidationError when the payload is not an Account Activity delivery
 *
 * @example
 * ```ts
 * accountActivityEngagements(JSON.parse(rawBody));
 * ```
 */
export function accountActivityEngagements(payload: unknown): Engagement[] {
  if (isUserEvent(payload)) {
    parseModel(UserEventDeliverySchema, payload, 'X Account Activity payload');
    return [];
  }
  const activity = parseModel(AccountActivitySchema, payload, 'X Account Activity payload');
  const accountId = activity.for_user_id;
  const items: Engagement[] = [];
  for (const post of activity.tweet_create_events ?? []) {
    const item = postEngagement(post, accountId);
    if (item !== undefined) items.push(parseEngagement(item));
  }
  for (const event of activity.direct_message_events ?? []) {
    const item = messageEngagement(event, accountId, activity.users ?? {});
    if (item !== undefined) items.push(parseEngagement(item));
  }
  return items;
}

/** Whether the payload is a `user_event` delivery: it names no subscribed user (`for_user_id`). */
function isUserEvent(payload: unknown): boolean {
  return (
    typeof payload === 'object' && payload !== null && 'user_event' in payload && !('for_user_id' in payload)
  );
}

function postEngagement(
  post: z.output<typeof ActivityPostSchema>,
  accountId: string,
): Engagement | undefined {
  if (post.user.id_str === accountId || post.retweeted_status !== undefined) return undefined;
  const repliesToAccount =
    post.in_reply_to_user_id_str === accountId && post.in_reply_to_status_id_str != null;
  // A long post's top-level entities stop at its 140th character: the whole set is in `extended_tweet`.
  const entities = post.extended_tweet?.entities ?? post.entities;
  const mentions = (entities?.user_mentions ?? []).some((mention) => mention.id_str === accountId);
  if (!repliesToAccount && !mentions) return undefined;
  const parentId = post.in_reply_to_status_id_str ?? undefined;
  const postRef: PostRef | undefined =
    repliesToAccount && parentId !== undefined
      ? { platform: 'x', accountId, platformPostId: parentId }
      : undefined;
  return {
    platform: 'x',
    accountId,
    id: post.id_str,
    kind: repliesToAccount ? 'reply' : 'mention',
    ...(postRef === undefined ? {} : { postRef }),
    ...(parentId === undefined ? {} : { parentId }),
    author: author(post.user),
    // Long posts carry their whole text in `extended_tweet.full_text` (see ActivityPostSchema).
    text: post.extended_tweet?.full_text ?? post.full_text ?? post.text ?? '',
    createdAt: instant(post.timestamp_ms, post.created_at),
    raw: post,
  };
}

function messageEngagement(
  event: z.output<typeof ActivityMessageSchema>,
  accountId: string,
  users: Readonly<Record<string, z.output<typeof ActivityDmUserSchema>>>,
): Engagement | undefined {
  const message = event.message_create;
  if (event.type !== 'message_create' || message === undefined || message.sender_id === accountId)
    return undefined;
  const sender = users[message.sender_id];
  return {
    platform: 'x',
    accountId,
    id: event.id,
    kind: 'direct_message',
    author: author({
      id_str: message.sender_id,
      screen_name: sender?.screen_name,
      name: sender?.name,
    }),
    text: message.message_data?.text ?? '',
    createdAt: instant(event.created_timestamp, undefined),
    raw: event,
  };
}

function author(user: {
  readonly id_str: string;
  readonly screen_name?: string | undefined;
  readonly name?: string | undefined;
}) {
  return {
    id: user.id_str,
    ...(user.screen_name === undefined || user.screen_name === '' ? {} : { handle: user.screen_name }),
    ...(user.name === undefined || user.name === '' ? {} : { name: user.name }),
  };
}

/**
 * When an event happened: epoch milliseconds (`timestamp_ms`, `created_timestamp`), else a v1.1
 * date (`Wed Oct 10 20:19:24 +0000 2018`). Without either it is an invalid date, which
 * `parseEngagement` refuses with a `ValidationError`.
 */
function instant(epochMs: string | undefined, date: string | undefined): Date {
  if (epochMs !== undefined && /^\d+$/.test(epochMs)) return new Date(Number(epochMs));
  const parsed = date === undefined ? Number.NaN : Date.parse(date);
  return new Date(parsed);
}
