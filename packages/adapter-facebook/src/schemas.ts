import { GraphIdSchema, GraphPagingSchema } from '@smmkit/graph-api';
import * as z from 'zod/mini';

/** `{id}` as `POST /{page-id}/feed` and unpublished photo uploads answer (https://developers.facebook.com/docs/pages-api/posts). */
export const IdResponseSchema = z.looseObject({ id: GraphIdSchema });

/** `{id, post_id}` as `POST /{page-id}/photos` answers (https://developers.facebook.com/docs/graph-api/reference/page/photos/). */
export const PhotoResponseSchema = z.looseObject({ id: GraphIdSchema, post_id: z.optional(GraphIdSchema) });

/** One post of `GET /{page-id}/posts` (https://developers.facebook.com/docs/graph-api/reference/page/feed). */
const PagePostSchema = z.looseObject({
  id: GraphIdSchema,
  message: z.optional(z.string()),
  created_time: z.optional(z.string()),
  permalink_url: z.optional(z.string()),
});

/** A page of `GET /{page-id}/posts`. */
export const PagePostListSchema = z.looseObject({
  data: z.optional(z.array(PagePostSchema)),
  paging: GraphPagingSchema,
});

/**
 * `{summary: {total_count}}` of an edge read with `.summary(true)`: a post's comments and
 * reactions, a video's comments and likes (https://developers.facebook.com/docs/graph-api/reference/post/,
 * https://developers.facebook.com/docs/graph-api/reference/video/).
 */
export const EdgeSummarySchema = z.optional(
  z.looseObject({ summary: z.optional(z.looseObject({ total_count: z.optional(z.number()) })) }),
);

/**
 * One reel of `GET /{page-id}/video_reels`: a Video node (https://developers.facebook.com/docs/graph-api/reference/video/)
 * with the fields the adapter asks for.
 */
const PageReelSchema = z.looseObject({
  id: GraphIdSchema,
  description: z.optional(z.string()),
  created_time: z.optional(z.string()),
  permalink_url: z.optional(z.string()),
  post_id: z.optional(GraphIdSchema),
});

/** A page of `GET /{page-id}/video_reels` (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Get a List of Reels). */
export const PageReelListSchema = z.looseObject({
  data: z.optional(z.array(PageReelSchema)),
  paging: GraphPagingSchema,
});
