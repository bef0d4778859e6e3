import type { Engagement, PostRef } from '@smmkit/core';
import { GraphIdSchema, GraphPagingSchema, parseGraphTime } from '@smmkit/graph-api';
import * as z from 'zod/mini';

/**
 * Comment fields the adapter asks for (https://developers.facebook.com/docs/graph-api/reference/comment/):
 * `parent{id}` tells a reply from a top-level comment.
 */
export const COMMENT_FIELDS = 'id,message,created_time,from,parent{id},is_hidden,permalink_url';

/** Who wrote a comment or post: `from{id, name}` (absent when Meta withholds the person). */
const FromSchema = z.optional(z.looseObject({ id: z.optional(GraphIdSchema), name: z.optional(z.string()) }));

/** A Facebook comment (https://developers.facebook.com/docs/graph-api/reference/comment/), only the fields read. */
export const CommentSchema = z.looseObject({
  id: GraphIdSchema,
  message: z.optional(z.string()),
  created_time: z.optional(z.string()),
  from: FromSchema,
  parent: z.optional(z.looseObject({ id: GraphIdSchema })),
  is_hidden: z.optional(z.boolean()),
  permalink_url: z.optional(z.string()),
});

/** A comment as read. */
export type FacebookComment = z.output<typeof CommentSchema>;

/** A page of `GET /{object-id}/comments` (https://developers.facebook.com/docs/graph-api/reference/object/comments). */
export const CommentListSchema = z.looseObject({
  data: z.optional(z.array(CommentSchema)),
  paging: GraphPagingSchema,
});

/** Where an engagement was read. */
export interface EngagementWhere {
  /** The Page whose inbox it is. */
  readonly pageId: string;
  /** When it was read, for items without a time. */
  readonly now: Date;
  /** The post it is under, when known. */
  readonly postRef?: PostRef | undefined;
}

/** The author of a comment or post: `from`, or `unknown` when Meta leaves it out. */
export function facebookAuthor(from: z.output<typeof FromSchema>): Engagement['author'] {
  return { id: from?.id ?? 'unknown', ...(from?.name === undefined ? {} : { name: from.name }) };
}

/**
 * A Facebook comment as an engagement: a `reply` when it has a `parent` comment (its
 * `parentId`), else a `comment` on the post. Facebook gives a name, no handle; the whole
 * comment is kept as `raw`.
 *
 * @param comment - the comment as Meta returned it
 * @param where - the Page, the read time and the post
 * @returns the engagement
 *
 * @example
 * ```ts
 * facebookCommentEngagement({ id: '456_789', message: 'Nice', from: { id: '1', name: 'Ana' } }, { pageId, now: new Date(), postRef });
 * ```
 */
export function facebookCommentEngagement(comment: FacebookComment, where: EngagementWhere): Engagement {
  const parentId = comment.parent?.id;
  return {
    platform: 'facebook',
    accountId: where.pageId,
    id: comment.id,
    kind: parentId === undefined ? 'comment' : 'reply',
    ...(where.postRef === undefined ? {} : { postRef: where.postRef }),
    ...(parentId === undefined ? {} : { parentId }),
    author: facebookAuthor(comment.from),
    text: comment.message ?? '',
    createdAt: parseGraphTime(comment.created_time) ?? where.now,
    ...(comment.is_hidden === undefined ? {} : { hidden: comment.is_hidden }),
    raw: comment,
  };
}
