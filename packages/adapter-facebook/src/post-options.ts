import * as z from 'zod/mini';

/**
 * Facebook's own options for a post, given as `post.options.facebook`. The names are the
 * parameters of `POST /{page-id}/feed` (https://developers.facebook.com/docs/graph-api/reference/page/feed):
 *
 * - `link`: a URL shared with the post, shown as a link preview (text posts only: a photo post
 *   takes no `link`).
 *
 * Strict: a misspelt option is a validation problem, not silently ignored.
 *
 * @example
 * ```ts
 * const post = { text: 'Read this', options: { facebook: { link: 'https://example.com/article' } } };
 * ```
 */
export const FacebookPostOptionsSchema = z.strictObject({
  /** A URL to share with the post. */
  link: z.optional(z.url({ protocol: /^https?$/ })),
});

/** Facebook's options for a post; see {@link FacebookPostOptionsSchema}. */
export type FacebookPostOptions = z.output<typeof FacebookPostOptionsSchema>;
