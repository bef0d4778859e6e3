import { type Engagement, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { instagramPostRef } from './post-ref.js';
import { CommentSchema, MediaItemSchema } from './schemas.js';

/** `GET /{ig-user-id}?fields=mentioned_comment…,mentioned_media…` (IGUser.json fields). */
const MentionedSchema = z.looseObject({
  mentioned_comment: z.optional(CommentSchema),
  mentioned_media: z.optional(MediaItemSchema),
});

/** Sub-fields read of a mentioned comment (IGComment.json fields). */
const MENTIONED_COMMENT_FIELDS = 'id,text,timestamp,username,from,media{id,permalink}';
/** Sub-fields read of a mentioned media (IGMedia.json fields). */
const MENTIONED_MEDIA_FIELDS = 'id,caption,timestamp,username,permalink';

/**
 * Fills in a mention that says only where it is (a `mentions` webhook gives `media_id` and, for a
 * mention in a comment, `comment_id`; webhook-payload.ts) with its author, text and time, by
 * asking the mentioned account (`GET /{ig-user-id}?fields=mentioned_comment.comment_id(…)`;
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment; IGUser.json also has
 * `mentioned_media`):
 *
 * - in a comment (its id differs from its post's): `GET /{ig-user-id}?fields=mentioned_comment.comment_id({id}){id,text,timestamp,username,from,media{id,permalink}}`;
 * - in a caption: `GET /{ig-user-id}?fields=mentioned_media.media_id({id}){id,caption,timestamp,username,permalink}`.
 *
 * The engagement keeps its id and kind; `raw` becomes `{ delivery, lookup }` (what the webhook
 * said and what the lookup returned). Other kinds are refused with `UnsupportedCapabilityError`.
 *
 * @param http - the adapter's HTTP client
 * @param mention - the mention, usually from `webhooks.parse`
 * @param context - the mentioned account, tokens, signal and rate-limit listener
 * @returns the mention with author, text, time and post link
 *
 * @example
 * ```ts
 * for (const item of instagram.webhooks?.parse(request) ?? [])
 *   inbox.push(item.kind === 'mention' ? await instagram.resolveMention(item, ctx) : item);
 * ```
 */
export async function resolveInstagramMention(
  http: HttpClient,
  mention: Engagement,
  context: RequestContext,
): Promise<Engagement> {
  if (mention.kind !== 'mention') {
    throw new UnsupportedCapabilityError(`resolveMention for ${mention.kind} engagements`, {
      platform: 'instagram',
    });
  }
  const { accountId } = context.account;
  const mediaId = mention.postRef?.platformPostId ?? mention.id;
  const inComment = mention.id !== mediaId;
  const fields = inComment
    ? `mentioned_comment.comment_id(${mention.id}){${MENTIONED_COMMENT_FIELDS}}`
    : `mentioned_media.media_id(${mediaId}){${MENTIONED_MEDIA_FIELDS}}`;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(accountId)}`,
    operation: inComment ? 'read mentioned comment' : 'read mentioned media',
    searchParams: { fields },
    schema: MentionedSchema,
    context,
  });
  const raw = { delivery: mention.raw, lookup: data };
  if (inComment && data.mentioned_comment !== undefined) {
    const comment = data.mentioned_comment;
    const handle = comment.from?.username ?? comment.username;
    const media = comment.media as { id?: string; permalink?: unknown } | undefined;
    const permalink = typeof media?.permalink === 'string' ? media.permalink : undefined;
    return {
      ...mention,
      author: {
        id: comment.from?.id ?? handle ?? mention.author.id,
        ...(handle === undefined ? {} : { handle }),
      },
      text: comment.text ?? mention.text,
      createdAt: parseGraphTime(comment.timestamp) ?? mention.createdAt,
      postRef: instagramPostRef(media?.id ?? mediaId, mention.postRef?.accountId ?? accountId, permalink),
      raw,
    };
  }
  if (!inComment && data.mentioned_media !== undefined) {
    const media = data.mentioned_media;
    const handle = media.username;
    return {
      ...mention,
      author: {
        id: media.owner?.id ?? handle ?? mention.author.id,
        ...(handle === undefined ? {} : { handle }),
      },
      text: media.caption ?? mention.text,
      createdAt: parseGraphTime(media.timestamp) ?? mention.createdAt,
      postRef: instagramPostRef(media.id, mention.postRef?.accountId ?? accountId, media.permalink),
      raw,
    };
  }
  return { ...mention, raw };
}
