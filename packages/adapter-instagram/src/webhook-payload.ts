import { type Engagement, UNKNOWN_AUTHOR_ID } from '@smmkit/core';
import { GraphIdSchema, readGraphWebhookChanges } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { instagramCommentEngagement } from './comment-engagement.js';
import { CommentSchema } from './schemas.js';

/**
 * `mentions` value: the media and, for a mention in a comment, the comment
 * (https://developers.facebook.com/docs/instagram-platform/webhooks).
 */
const MentionValueSchema = z.looseObject({
  media_id: GraphIdSchema,
  comment_id: z.optional(GraphIdSchema),
});

/**
 * The engagements in an Instagram webhook delivery (read with `@smmkit/graph-api`'s
 * `readGraphWebhookChanges`; fields as https://developers.facebook.com/docs/instagram-platform/webhooks
 * documents them), validated with zod:
 *
 * - field `comments` → a `comment`, or a `reply` when the value has `parent_id`; the value is
 *   an IG comment (`id`, `text`, `from{id, username}`, `media{id}`, `parent_id`);
 * - field `mentions` → a `mention`: `{media_id, comment_id?}`; its id is the comment id when the
 *   mention is in a comment, else the media id. The delivery names no author (`author.id` is
 *   `unknown`): the adapter's `resolveMention` reads it with
 *   `GET /{ig-user-id}?fields=mentioned_comment.comment_id(…)` or `mentioned_media.media_id(…)` (mentions.ts).
 *
 * Each engagement belongs to the entry's account (`entry[].id`); `createdAt` is the comment's
 * timestamp, else the entry's `time` (Unix seconds). Other fields are ignored.
 *
 * @param payload - the parsed JSON body of a verified delivery
 * @returns the engagements
 * @throws ValidationError when the payload or a comments / mentions value is malformed
 *
 * @example
 * ```ts
 * instagramWebhookEngagements({ object: 'instagram', entry: [{ id: '1784', time: 1777000000, changes: [{ field: 'comments', value: { id: '1', text: 'Hi', from: { id: '2', username: 'fan' }, media: { id: '3' } } }] }] });
 * ```
 */
export function instagramWebhookEngagements(payload: unknown): Engagement[] {
  return readGraphWebhookChanges(payload, 'instagram').flatMap((change): Engagement[] => {
    const accountId = change.objectId;
    const now = change.time ?? new Date(0);
    if (change.field === 'comments') {
      return [instagramCommentEngagement(change.parseValue(CommentSchema), { accountId, now })];
    }
    if (change.field !== 'mentions') return [];
    const mention = change.parseValue(MentionValueSchema);
    return [
      {
        platform: 'instagram',
        accountId,
        id: mention.comment_id ?? mention.media_id,
        kind: 'mention',
        postRef: { platform: 'instagram', accountId, platformPostId: mention.media_id },
        author: { id: UNKNOWN_AUTHOR_ID },
        text: '',
        createdAt: now,
        raw: change.value,
      },
    ];
  });
}
