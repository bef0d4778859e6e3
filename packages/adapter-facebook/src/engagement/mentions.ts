import type { Engagement } from '@smmkit/core';
import { GraphIdSchema, GraphPagingSchema, parseGraphTime } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { facebookPostRef } from '../post-ref.js';
import { type EngagementWhere, facebookAuthor } from './comment-engagement.js';

/** Fields read of a post that tags the Page (https://developers.facebook.com/docs/graph-api/reference/post/). */
export const TAGGED_FIELDS = 'id,message,created_time,from,permalink_url';

/** A post that tags the Page, only the fields read. */
const TaggedPostSchema = z.looseObject({
  id: GraphIdSchema,
  message: z.optional(z.string()),
  created_time: z.optional(z.string()),
  from: z.optional(z.looseObject({ id: z.optional(GraphIdSchema), name: z.optional(z.string()) })),
  permalink_url: z.optional(z.string()),
});

/** A page of `GET /{page-id}/tagged` (https://developers.facebook.com/docs/graph-api/reference/page/tagged/). */
export const TaggedListSchema = z.looseObject({
  data: z.optional(z.array(TaggedPostSchema)),
  paging: GraphPagingSchema,
});

/**
 * A post that tags the Page (`GET /{page-id}/tagged`) as a `mention`: its id and `postRef` are
 * the post's (which belongs to its author: the part of a `{owner-id}_{post-id}` id before the
 * underscore), its text the post's message, its author `from`.
 *
 * @param post - the post as Meta returned it
 * @param where - the Page and the read time
 * @returns the engagement
 *
 * @example
 * ```ts
 * facebookTaggedEngagement({ id: '42_9', message: 'Thanks @acme', from: { id: '42', name: 'Ana' } }, { pageId, now: new Date() });
 * ```
 */
export function facebookTaggedEngagement(
  post: z.output<typeof TaggedPostSchema>,
  where: EngagementWhere,
): Engagement {
  const owner = post.from?.id ?? post.id.split('_')[0] ?? where.pageId;
  const ref = facebookPostRef(post.id, owner);
  return {
    platform: 'facebook',
    accountId: where.pageId,
    id: post.id,
    kind: 'mention',
    postRef: post.permalink_url === undefined ? ref : { ...ref, url: post.permalink_url },
    author: facebookAuthor(post.from),
    text: post.message ?? '',
    createdAt: parseGraphTime(post.created_time) ?? where.now,
    raw: post,
  };
}
