import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, textWithLink } from '@smmkit/core/adapter-kit';
import { countXText } from './count-text.js';
import type { XPostOptions } from './post-options.js';

/**
 * Every problem that stops `post` from being published on X, with no I/O: core's checks against
 * the capabilities (weighted length of every part and the first comment, media kinds, counts,
 * sizes, durations, dimensions, frame rates, alt text, polls, threads), then X's own rules:
 *
 * - media, a poll and a quoted post exclude each other (media "is mutually exclusive from Quote
 *   Tweet ID and Poll":
 *   https://developer.x.com/en/docs/twitter-api/tweets/manage-tweets/api-reference/post-tweets), rule
 *   `post.mutually_exclusive`;
 * - a poll or a quote needs text: `text` is "Required unless media is provided"
 *   (`CreatePostsRequest.text` in https://api.x.com/2/openapi.json), rule `text.required`;
 * - `tagged_user_ids` tag people in media, so they need media (`media{media_ids, tagged_user_ids}`,
 *   `CreatePostsMedia` in https://api.x.com/2/openapi.json), rule `options.tagged_users_need_media`.
 *
 * Text is counted as X counts it ({@link countXText}: twitter-text's rules), synchronously.
 *
 * @param post - the post to check
 * @param options - its `options.x`, parsed with `XPostOptionsSchema` (the adapter reports their own problems)
 * @param capabilities - the adapter's capabilities (their text limit is the account's)
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateXPost({ text: 'Pick one', poll: { options: ['a', 'b'], durationMinutes: 60 }, media: [image] }, {}, caps);
 * // [{ path: ['poll'], rule: 'post.mutually_exclusive', … }]
 * ```
 */
export function validateXPost(
  post: Post,
  options: XPostOptions,
  capabilities: Capabilities,
): ValidationProblem[] {
  const problems = checkPostRules(post, capabilities, { platformName: 'X', countText: countXText });

  const hasMedia = (post.media ?? []).length > 0;
  const hasPoll = post.poll !== undefined;
  const hasQuote = options.quote_tweet_id !== undefined;
  if (hasMedia && hasPoll) {
    problems.push(exclusive(['poll'], 'a poll', 'media'));
  }
  if (hasQuote && (hasMedia || hasPoll)) {
    problems.push(
      exclusive(['options', 'x', 'quote_tweet_id'], 'a quoted post', hasMedia ? 'media' : 'a poll'),
    );
  }
  if ((hasPoll || hasQuote) && !hasMedia && textWithLink(post.text, post.link).trim() === '') {
    problems.push({
      path: ['text'],
      rule: 'text.required',
      message: `X needs text with ${hasPoll ? 'a poll' : 'a quoted post'} (text is required unless media is attached)`,
    });
  }
  if ((options.tagged_user_ids ?? []).length > 0 && !hasMedia) {
    problems.push({
      path: ['options', 'x', 'tagged_user_ids'],
      rule: 'options.tagged_users_need_media',
      message: 'X tags users in media: tagged_user_ids needs media',
    });
  }
  return problems;
}

function exclusive(path: readonly (string | number)[], what: string, other: string): ValidationProblem {
  return {
    path,
    rule: 'post.mutually_exclusive',
    message: `X cannot attach ${what} and ${other} to the same post (media, polls and quotes exclude each other)`,
  };
}
