import { type Engagement, ValidationError } from '@smmkit/core';
import { safeParseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { instagramCommentEngagement } from './comment-engagement.js';
import { CommentSchema, GraphIdSchema } from './schemas.js';

/** One change of a delivery: `{field, value}` (meta-common.md, Webhooks). */
const ChangeSchema = z.looseObject({ field: z.string(), value: z.optional(z.unknown()) });

/** A delivery: `{object:"instagram", entry:[{id, time, changes:[…]}]}` (meta-common.md, Webhooks). */
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

/** `mentions` value: the media and, for a mention in a comment, the comment (instagram.md, Engagement). */
const MentionValueSchema = z.looseObject({
  media_id: GraphIdSchema,
  comment_id: z.optional(GraphIdSchema),
});

/**
 * The engagements in an Instagram webhook delivery (meta-common.md, Webhooks; instagram.md,
 * Engagement), validated with zod:
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
  const delivery = parse(DeliverySchema, payload, []);
  const engagements: Engagement[] = [];
  delivery.entry.forEach((entry, entryIndex) => {
    const accountId = entry.id;
    const now = entry.time === undefined ? new Date(0) : new Date(entry.time * 1000);
    (entry.changes ?? []).forEach((change, changeIndex) => {
      const at = ['entry', entryIndex, 'changes', changeIndex, 'value'];
      if (change.field === 'comments') {
        const comment = parse(CommentSchema, change.value, at);
        engagements.push(instagramCommentEngagement(comment, { accountId, now }));
      } else if (change.field === 'mentions') {
        const mention = parse(MentionValueSchema, change.value, at);
        engagements.push({
          platform: 'instagram',
          accountId,
          id: mention.comment_id ?? mention.media_id,
          kind: 'mention',
          postRef: { platform: 'instagram', accountId, platformPostId: mention.media_id },
          author: { id: 'unknown' },
          text: '',
          createdAt: now,
          raw: change.value,
        });
      }
    });
  });
  return engagements;
}

function parse<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  at: readonly (string | number)[],
): z.output<S> {
  const result = safeParseModel(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.problems.map((problem) => ({ ...problem, path: [...at, ...problem.path] })),
    'Instagram webhook payload',
    { platform: 'instagram' },
  );
}
