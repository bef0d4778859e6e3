import type { Engagement } from '@smmkit/core';
import {
  GraphIdSchema,
  type GraphWebhookChange,
  parseGraphTime,
  readGraphWebhookChanges,
} from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { facebookAuthor } from './engagement/comment-engagement.js';
import { facebookPostRef } from './post-ref.js';

/** A time in a webhook value: Unix seconds (`feed`), or a Graph time string. */
const WebhookTimeSchema = z.optional(z.union([z.number(), z.string()]));

/** Just enough of a `feed` value to know what changed (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed). */
const FeedChangeSchema = z.looseObject({ item: z.optional(z.string()), verb: z.optional(z.string()) });

/**
 * A `feed` value for a comment: `{from{id,name}, post_id, comment_id, parent_id, message,
 * created_time, item:'comment', verb}`; `parent_id` is the post for a top-level comment and the
 * comment answered for a reply (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed).
 */
const FeedCommentSchema = z.looseObject({
  comment_id: GraphIdSchema,
  post_id: GraphIdSchema,
  parent_id: z.optional(GraphIdSchema),
  from: z.optional(z.looseObject({ id: z.optional(GraphIdSchema), name: z.optional(z.string()) })),
  message: z.optional(z.string()),
  created_time: WebhookTimeSchema,
});

/**
 * A `mention` value: `{post_id, comment_id?, item:'post'|'comment', sender_id, sender_name,
 * verb, message?, created_time?}` — the Page was named in someone's post, or in a comment on a
 * post (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#mention).
 */
const MentionSchema = z.looseObject({
  post_id: GraphIdSchema,
  comment_id: z.optional(GraphIdSchema),
  sender_id: z.optional(GraphIdSchema),
  sender_name: z.optional(z.string()),
  message: z.optional(z.string()),
  created_time: WebhookTimeSchema,
});

/** Verbs of a new or changed item; `remove`, `hide` and `unhide` carry no new engagement. */
const NEW_OR_CHANGED: ReadonlySet<string> = new Set(['add', 'edited', 'edit']);
/** Verbs of an edit (`feed` says `edited`, `mention` says `edit`). */
const EDITS: ReadonlySet<string> = new Set(['edited', 'edit']);

/**
 * `{ editedAt }` for an edit: the entry's `time`, "the time Meta sent the notification"
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started), the nearest Meta
 * gives to when the comment was edited. ASSUMED: a retried delivery keeps its entry's `time`, so
 * edits keep their order (Meta does not say). Nothing for other verbs.
 */
function editedAtOf(verb: string | undefined, change: GraphWebhookChange): { editedAt?: Date } {
  return EDITS.has(verb ?? '') && change.time !== undefined ? { editedAt: change.time } : {};
}

/** A webhook time as an instant: Unix seconds or a Graph time string. */
function webhookTime(value: number | string | undefined): Date | undefined {
  if (typeof value === 'number') return new Date(value * 1000);
  return parseGraphTime(value);
}

/**
 * The engagements in a Facebook Page webhook delivery (read with `@smmkit/graph-api`'s
 * `readGraphWebhookChanges`; fields as https://developers.facebook.com/docs/graph-api/webhooks/reference/page/
 * documents them), validated with zod:
 *
 * - field `feed`, `item: 'comment'`, verb `add` or `edited` → a `comment`, or a `reply` (with
 *   `parentId`) when `parent_id` is another comment rather than the post; its `postRef` is the
 *   Page post `post_id`; an edited comment comes again with its new text (same id), and
 *   `editedAt`, the entry's `time`;
 * - field `mention`, verb `add` or `edit` → a `mention`: its id is the comment's when the Page
 *   was named in a comment, else the post's; its author is `sender_id` / `sender_name`; an
 *   edit has `editedAt`, the entry's `time`.
 *
 * Other items (posts, reactions, shares) and verbs (`remove`, `hide`, `unhide`) give nothing.
 * Each engagement belongs to the entry's Page (`entry[].id`); `createdAt` is the value's
 * `created_time`, else the entry's `time`.
 *
 * @param payload - the parsed JSON body of a verified delivery
 * @returns the engagements
 * @throws ValidationError when the payload, or a comment or mention value, is malformed
 *
 * @example
 * ```ts
 * facebookWebhookEngagements({ object: 'page', entry: [{ id: '1', time: 1796000000, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', post_id: '1_2', comment_id: '2_3', parent_id: '1_2', message: 'Hi', from: { id: '9', name: 'Ana' }, created_time: 1796000000 } }] }] });
 * ```
 */
export function facebookWebhookEngagements(payload: unknown): Engagement[] {
  return readGraphWebhookChanges(payload, 'facebook').flatMap((change): Engagement[] => {
    if (change.field === 'feed') return feedComment(change);
    if (change.field === 'mention') return mention(change);
    return [];
  });
}

function feedComment(change: GraphWebhookChange): Engagement[] {
  const { item, verb } = change.parseValue(FeedChangeSchema);
  if (item !== 'comment' || !NEW_OR_CHANGED.has(verb ?? '')) return [];
  const comment = change.parseValue(FeedCommentSchema);
  const pageId = change.objectId;
  const parentId = comment.parent_id === comment.post_id ? undefined : comment.parent_id;
  return [
    {
      platform: 'facebook',
      accountId: pageId,
      id: comment.comment_id,
      kind: parentId === undefined ? 'comment' : 'reply',
      postRef: facebookPostRef(comment.post_id, pageId),
      ...(parentId === undefined ? {} : { parentId }),
      author: facebookAuthor(comment.from),
      text: comment.message ?? '',
      createdAt: webhookTime(comment.created_time) ?? change.time ?? new Date(0),
      ...editedAtOf(verb, change),
      raw: change.value,
    },
  ];
}

function mention(change: GraphWebhookChange): Engagement[] {
  const { verb } = change.parseValue(FeedChangeSchema);
  if (!NEW_OR_CHANGED.has(verb ?? '')) return [];
  const value = change.parseValue(MentionSchema);
  // The post belongs to whoever wrote it: the part of `{owner-id}_{post-id}` before the underscore.
  const owner = value.post_id.includes('_')
    ? (value.post_id.split('_')[0] ?? change.objectId)
    : change.objectId;
  return [
    {
      platform: 'facebook',
      accountId: change.objectId,
      id: value.comment_id ?? value.post_id,
      kind: 'mention',
      postRef: facebookPostRef(value.post_id, owner),
      author: facebookAuthor({ id: value.sender_id, name: value.sender_name }),
      text: value.message ?? '',
      createdAt: webhookTime(value.created_time) ?? change.time ?? new Date(0),
      ...editedAtOf(verb, change),
      raw: change.value,
    },
  ];
}
