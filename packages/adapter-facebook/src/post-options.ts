import * as z from 'zod/mini';

/**
 * Facebook's own options for a post, given as `post.options.facebook`. There are none yet: the
 * shared link is the post's `link` (Facebook's `link` parameter of `POST /{page-id}/feed`;
 * https://developers.facebook.com/docs/graph-api/reference/page/feed). The schema is strict, so
 * any option given here is a validation problem rather than silently ignored.
 *
 * @example
 * ```ts
 * const post = { text: 'Read this', link: 'https://example.com/article', options: { facebook: {} } };
 * ```
 */
export const FacebookPostOptionsSchema = z.strictObject({});

/** Facebook's options for a post; see {@link FacebookPostOptionsSchema}. */
export type FacebookPostOptions = z.output<typeof FacebookPostOptionsSchema>;
