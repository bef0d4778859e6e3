import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, textWithLink } from '@smmkit/core/adapter-kit';
import { countXText } from './count-text.js';
import type { XPostOptions } from './post-options.js';
import type { XAccessLevel } from './settings.js';
import { countCashtags } from './text/cashtags.js';

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
 *   `CreatePostsMedia` in https://api.x.com/2/openapi.json), rule `options.tagged_users_need_media`;
 * - with self-serve access, no quoted post (removed from self-serve tiers:
 *   https://docs.x.com/changelog, 16 April 2026), rule `options.quote_needs_enterprise`, and at most
 *   1 cashtag ("Posts created via the API are limited to a maximum of 1 cashtag",
 *   https://docs.x.com/x-api/posts/manage-tweets/integrate) in the text, each thread part and the
 *   first comment (each a post of its own), rule `text.cashtags`.
 *
 * Text is counted as X counts it ({@link countXText}: twitter-text's rules), synchronously.
 *
 * @param post - the post to check
 * @param options - its `options.x`, parsed with `XPostOptionsSchema` (the adapter reports their own problems)
 * @param capabilities - the adapter's capabilities (their text limit is the account's)
 * @param access - the app's X API access (default `self-serve`)
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
  access: XAccessLevel = 'self-serve',
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
  if (access === 'self-serve') problems.push(...selfServeProblems(post, hasQuote));
  return problems;
}

/**
 * What self-serve access may not post: a quote, more than 1 cashtag in any post it creates (the text,
 * each thread part, the first comment, which is posted as a reply: every one is a `POST /2/tweets`).
 */
function selfServeProblems(post: Post, hasQuote: boolean): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (hasQuote)
    problems.push({
      path: ['options', 'x', 'quote_tweet_id'],
      rule: 'options.quote_needs_enterprise',
      message:
        'X lets only Enterprise access quote posts through the API: post without quote_tweet_id, or set access: "enterprise" if the app has it',
    });
  const parts: [text: string, path: ValidationProblem['path']][] = [
    [textWithLink(post.text, post.link), ['text']],
    ...(post.thread ?? []).map((part, index): [string, ValidationProblem['path']] => [
      part.text ?? '',
      ['thread', index, 'text'],
    ]),
    [post.firstComment ?? '', ['firstComment']],
  ];
  for (const [text, path] of parts) {
    const tooMany = cashtagProblem(text, path);
    if (tooMany !== undefined) problems.push(tooMany);
  }
  return problems;
}

/**
 * The problem of a text with more than 1 cashtag, which self-serve access may not post
 * (https://docs.x.com/x-api/posts/manage-tweets/integrate), or `undefined`.
 *
 * @param text - the text of one post X creates
 * @param path - where the text sits
 */
export function cashtagProblem(text: string, path: ValidationProblem['path']): ValidationProblem | undefined {
  const cashtags = countCashtags(text);
  if (cashtags <= 1) return undefined;
  return {
    path,
    rule: 'text.cashtags',
    message: `X takes at most 1 cashtag in a post created through the API; this one has ${cashtags}`,
    limit: 1,
    actual: cashtags,
  };
}

function exclusive(path: readonly (string | number)[], what: string, other: string): ValidationProblem {
  return {
    path,
    rule: 'post.mutually_exclusive',
    message: `X cannot attach ${what} and ${other} to the same post (media, polls and quotes exclude each other)`,
  };
}
