import type { SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import {
  anything,
  arr,
  bool,
  int,
  isJsonObject,
  type JsonObject,
  obj,
  type RouteContext,
  type SchemaCheck,
  str,
} from '@smmkit/testkit/simulator-kit';
import { countXText } from '../../count-text.js';
import { editHistoryField, storeTweet, type XContext } from '../context.js';
import { DUPLICATE_WINDOW_MS } from '../limits.js';
import {
  DUPLICATE_CONTENT_DETAIL,
  forbidden,
  invalidParameter,
  invalidRequest,
  MEDIA_IDS_INVALID_MESSAGE,
  schemaErrors,
  TEXT_TOO_LONG_MESSAGE,
} from '../problems.js';
import { ID_PATTERN, readJsonObject } from '../request-params.js';
import { selfServeRefusal } from '../self-serve.js';

/**
 * POST /2/tweets (https://docs.x.com/x-api/posts/create-post; createPosts in
 * https://api.x.com/2/openapi.json), once the route has counted the 15-minute window and the daily cap
 * (every answer carries `x-user-limit-24hour-*`, as live answers do; not in the docs) and checked the
 * scopes, in the order the service checks things: the body against CreatePostsRequest, mutually
 * exclusive parts, text presence and weighted length, the reply target, the self-serve restrictions
 * (`selfServeRefusal`), the media, duplicates.
 */
export async function createTweet(
  { request, accountId, now }: RouteContext,
  context: XContext,
): Promise<Response> {
  const body = await readJsonObject(request);
  const problems = schemaErrors(CREATE_POST_REQUEST, body);
  if (problems.length > 0) return invalidRequest(problems);

  const present = EXCLUSIVE_PARTS.filter((part) => body[part] !== undefined);
  if (present.length > 1) {
    const parameters = Object.fromEntries(present.map((part) => [part, [JSON.stringify(body[part])]]));
    // The 400 message when media, poll, quote_tweet_id and card_uri are combined (mutually exclusive:
    // https://developer.x.com/en/docs/twitter-api/tweets/manage-tweets/api-reference/post-tweets). The
    // wording comes from a third-party X simulator and is ASSUMED.
    return invalidRequest([
      { parameters, message: 'You can only provide one of poll or quote_tweet_id or media or card_uri.' },
    ]);
  }
  if (body.edit_options !== undefined)
    return invalidParameter(
      'edit_options',
      body.edit_options,
      'smmkit X simulator: editing posts is not simulated',
    );

  const text = typeof body.text === 'string' ? body.text : '';
  const media = objectOf(body.media);
  const poll = objectOf(body.poll);
  // `CreatePostsRequest.text` in https://api.x.com/2/openapi.json: "Required unless media is provided"
  // (message ASSUMED).
  if (text.trim() === '' && media === undefined)
    return invalidParameter('text', text, 'Text is required unless media is provided.');
  // X's weighted count (https://docs.x.com/fundamentals/counting-characters): the adapter's own
  // counter, which agrees with twitter-text's parseTweet on the test corpus and counts emoji newer
  // than twitter-text's data as 2, as X's docs say; the limit is a setting, compared here.
  if (countXText(text) > context.maxWeightedLength)
    return invalidParameter('text', text, TEXT_TOO_LONG_MESSAGE);

  const reply = objectOf(body.reply);
  let parent: SimulatedPost | undefined;
  if (reply !== undefined) {
    parent = context.sim.posts.get(String(reply.in_reply_to_tweet_id));
    // The 403 for a reply to a deleted or invisible post (v1.1 code 385; the v2 answer carries it as
    // `detail`, as chatgpt-twitter-bot reads `err.error.detail` on 403).
    if (parent === undefined)
      return forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.');
  }
  const restricted = selfServeRefusal(context, accountId, body, parent);
  if (restricted !== undefined) return restricted;

  const attached = media === undefined ? [] : attachableMedia(context, strings(media.media_ids), accountId);
  if (attached === undefined)
    return invalidParameter('media.media_ids', media?.media_ids, MEDIA_IDS_INVALID_MESSAGE);

  if (text !== '' && isDuplicate(context, accountId, text, now)) return forbidden(DUPLICATE_CONTENT_DETAIL);

  const stored = storeTweet(context, {
    accountId,
    text,
    media: attached,
    inReplyTo: parent,
    pollOptions: poll === undefined ? undefined : strings(poll.options),
    createdAt: now,
    extra: {
      pollDurationMinutes: poll === undefined ? undefined : Number(poll.duration_minutes),
      ...(typeof body.quote_tweet_id === 'string' ? { quoteTweetId: body.quote_tweet_id } : {}),
      ...(typeof body.reply_settings === 'string' ? { replySettings: body.reply_settings } : {}),
      ...(typeof body.card_uri === 'string' ? { cardUri: body.card_uri } : {}),
      taggedUserIds: media === undefined ? [] : strings(media.tagged_user_ids),
      excludeReplyUserIds: reply === undefined ? [] : strings(reply.exclude_reply_user_ids),
      madeWithAi: body.made_with_ai === true,
      paidPartnership: body.paid_partnership === true,
    },
  });
  // 201 {"data":{"id","text","edit_history_tweet_ids":[id]}} (https://docs.x.com/x-api/posts/create-post;
  // https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
  return Response.json(
    { data: { id: stored.id, text: stored.text, [editHistoryField(context)]: [stored.id] } },
    { status: 201 },
  );
}

/**
 * The media to attach, or `undefined` when X would say "Your media IDs are invalid.": an id that
 * is unknown, someone else's, a subtitle file (it belongs to a video, through `POST /2/media/subtitles`:
 * https://docs.x.com/x-api/media/create-media-subtitles; ASSUMED refused like an unknown id), still
 * processing or failed, already attached to a post, or a mix X refuses (a GIF or video with anything else: https://docs.x.com/x-api/media/quickstart/best-practices;
 * more than 4 ids, "up to 4 photos", never get here: `media_ids` has at most 4 items in the schema).
 */
function attachableMedia(
  context: XContext,
  ids: readonly string[],
  accountId: string,
): SimulatedMedia[] | undefined {
  const found: SimulatedMedia[] = [];
  for (const id of new Set(ids)) {
    const media = context.sim.media.get(id);
    if (media === undefined || media.accountId !== accountId || media.kind === 'document') return undefined;
    if (context.sim.refreshMedia(media).state !== 'ready') return undefined;
    if (context.sim.posts.filter((post) => post.media.some((item) => item.id === id)).length > 0)
      return undefined;
    found.push(media);
  }
  if (found.length > 1 && found.some((media) => media.kind !== 'image')) return undefined;
  return found;
}

/**
 * X refuses a post whose text equals one of the same account's recent posts (a 403, seen on live answers).
 * ASSUMED: "recent" is {@link DUPLICATE_WINDOW_MS} (24 h), texts are compared exactly, and deleted
 * posts no longer count.
 */
function isDuplicate(context: XContext, accountId: string, text: string, now: number): boolean {
  return (
    context.sim.posts.filter(
      (post) =>
        post.accountId === accountId && post.text === text && now - post.createdAt < DUPLICATE_WINDOW_MS,
    ).length > 0
  );
}

function objectOf(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const id = str({ pattern: ID_PATTERN });

/**
 * `reply_settings` values (the `CreatePostsRequest.reply_settings` enum in https://api.x.com/2/openapi.json).
 */
const replySettings = str({ values: ['following', 'mentionedUsers', 'subscribers', 'verified'] });

/**
 * `CreatePostsRequest` of https://api.x.com/2/openapi.json (the body of POST /2/tweets), property by
 * property, with `additionalProperties: false` at every level as the spec declares.
 */
const CREATE_POST_REQUEST: SchemaCheck = obj({
  card_uri: str(),
  community_id: id,
  direct_message_deep_link: str(),
  edit_options: obj({ previous_post_id: id }, ['previous_post_id']),
  for_super_followers_only: bool,
  geo: obj({ place_id: str() }, ['place_id']),
  made_with_ai: bool,
  media: obj(
    {
      call_to_actions: anything,
      description: str(),
      embeddable: bool,
      media_ids: arr(id, 1, 4),
      preview_media_id: id,
      tagged_user_ids: arr(id, 0, 10),
      title: str(),
    },
    ['media_ids'],
  ),
  nullcast: bool,
  paid_partnership: bool,
  // `CreatePostsPoll`: 2 to 4 options of 1 to 25 characters, duration_minutes 5 to 10080.
  poll: obj(
    {
      duration_minutes: int(5, 10_080),
      options: arr(str({ minLength: 1, maxLength: 25 }), 2, 4),
      reply_settings: replySettings,
    },
    ['options', 'duration_minutes'],
  ),
  quote_tweet_id: id,
  reply: obj(
    { auto_populate_reply_metadata: bool, exclude_reply_user_ids: arr(str()), in_reply_to_tweet_id: id },
    ['in_reply_to_tweet_id'],
  ),
  reply_settings: replySettings,
  share_with_followers: bool,
  text: str(),
});

/**
 * The parts of a post that exclude each other: media, poll, quote_tweet_id and card_uri (`card_uri`
 * "is mutually exclusive from Quote Tweet Id, Poll, Media":
 * https://developer.x.com/en/docs/twitter-api/tweets/manage-tweets/api-reference/post-tweets).
 */
const EXCLUSIVE_PARTS = ['media', 'poll', 'quote_tweet_id', 'card_uri'] as const;
