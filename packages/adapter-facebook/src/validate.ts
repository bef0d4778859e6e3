import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules } from '@smmkit/core/adapter-kit';
import type { FacebookPostOptions } from './post-options.js';

/**
 * Every problem that stops `post` from being published to a Facebook Page, with no I/O: core's
 * checks against the capabilities (message ≤ 63,206 code points, photos JPEG/PNG/GIF/BMP/TIFF
 * ≤ 4 MB from a public URL, 1–10 photos), then Facebook's own rules:
 *
 * - a post with only a `link` is a valid feed post (`message` or `link` is required;
 *   https://developers.facebook.com/docs/graph-api/reference/page/feed), so core's `post.empty`
 *   is dropped when the post has a `link`;
 * - photo posts take no `link` (`/{page-id}/photos` has no such parameter;
 *   https://developers.facebook.com/docs/graph-api/reference/page/photos/), rule `link.with_media`.
 *
 * @param post - the post to check
 * @param _options - its `options.facebook`, parsed with `FacebookPostOptionsSchema` (none yet)
 * @param capabilities - the adapter's capabilities
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateFacebookPost({ text: '' }, {}, caps); // [{ path: [], rule: 'post.empty', … }]
 * ```
 */
export function validateFacebookPost(
  post: Post,
  _options: FacebookPostOptions,
  capabilities: Capabilities,
): ValidationProblem[] {
  const problems = checkPostRules(post, capabilities, { platformName: 'Facebook', format: 'feed' }).filter(
    (problem) => !(post.link !== undefined && problem.rule === 'post.empty'),
  );
  if (post.link !== undefined && (post.media ?? []).length > 0) {
    problems.push({
      path: ['link'],
      rule: 'link.with_media',
      message: 'a Facebook photo post takes no link; put the URL in the text instead',
    });
  }
  return problems;
}
