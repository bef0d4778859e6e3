import * as z from 'zod/mini';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';

/**
 * Points at a published post: enough to delete it, read its metrics or reply under it.
 * `platformPostId` is the platform's own id (X post id, LinkedIn `urn:li:share:…` or
 * `urn:li:ugcPost:…`, Facebook `{page-id}_{post-id}`, Instagram media id, TikTok
 * `publish_id` until the public id is known; shared platform facts).
 *
 * @example
 * ```ts
 * const ref: PostRef = { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000' };
 * ```
 */
export const PostRefSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Platform id (`x`, `linkedin`, …). */
    platform: PlatformIdSchema,
    /** The account that published the post. */
    accountId: NonEmptyStringSchema,
    /** The platform's id for the post. */
    platformPostId: NonEmptyStringSchema,
    /** Public URL of the post, when known. */
    url: z.optional(HttpUrlSchema),
  }))();

/** A reference to a published post. */
export interface PostRef extends z.output<typeof PostRefSchema> {}
