import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, countText } from '@smmkit/core/adapter-kit';
import { commentaryOf, documentTitleOf, linkIsInText, pollQuestionOf } from './commentary.js';
import { mentionsInText } from './little-text.js';
import type { LinkedInPostOptions } from './post-options.js';
import { isOrganizationUrn } from './urn.js';

/**
 * Longest poll question: 140 characters
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/poll-post-api).
 */
export const POLL_QUESTION_MAX_LENGTH = 140;

/**
 * Every problem that stops `post` from being published on LinkedIn, with no I/O: core's checks
 * against the capabilities (length, media kinds, types, sizes, durations, counts, alt text,
 * poll options and durations, no threads), then LinkedIn's own rules:
 *
 * - a poll and media exclude each other: a post's `content` is one of `media`, `multiImage`,
 *   `article` or `poll` (Posts API), rule `post.mutually_exclusive`;
 * - a poll needs a question of 1–140 characters (Poll API), rule `poll.question`;
 * - a document needs a title, its own or the post's (Posts API `media.title`), rule `media.title`;
 * - with media or a poll the link is appended to the text, which must still fit, rule `text.max_length`;
 * - each mention's `@name` must be in the text, or it could not be rendered, rule `options.mention_not_in_text`;
 * - `CONNECTIONS` is a member's audience: an organization posts `PUBLIC` or `LOGGED_IN`
 *   (Posts API `visibility`), rule `options.visibility`.
 *
 * A post with only a link is not empty: it is an article post.
 *
 * @param post - the post to check
 * @param options - its `options.linkedin`, parsed with `LinkedInPostOptionsSchema`
 * @param capabilities - the adapter's capabilities
 * @param defaultAuthor - the adapter's `author` setting, when set
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateLinkedInPost({ text: 'Pick one', poll: { options: ['a', 'b'], durationMinutes: 1440 }, media: [image] }, { visibility: 'PUBLIC' }, caps);
 * // [{ path: ['poll'], rule: 'post.mutually_exclusive', … }]
 * ```
 */
export function validateLinkedInPost(
  post: Post,
  options: LinkedInPostOptions,
  capabilities: Capabilities,
  defaultAuthor?: string | undefined,
): ValidationProblem[] {
  const problems = checkPostRules(post, capabilities, { platformName: 'LinkedIn' }).filter(
    (problem) => !(problem.rule === 'post.empty' && post.link !== undefined),
  );
  const media = post.media ?? [];

  if (post.poll !== undefined) {
    if (media.length > 0) {
      problems.push({
        path: ['poll'],
        rule: 'post.mutually_exclusive',
        message: 'LinkedIn cannot attach a poll and media to the same post (a post has one kind of content)',
      });
    }
    const question = pollQuestionOf(post, options.pollQuestion);
    const length = countText(question, 'code_points');
    if (length === 0 || length > POLL_QUESTION_MAX_LENGTH) {
      problems.push({
        path: options.pollQuestion === undefined ? ['poll'] : ['options', 'linkedin', 'pollQuestion'],
        rule: 'poll.question',
        message: `the poll's question (options.linkedin.pollQuestion, else the title, else the text) is ${length} characters long; LinkedIn needs 1 to ${POLL_QUESTION_MAX_LENGTH}`,
        limit: POLL_QUESTION_MAX_LENGTH,
        actual: length,
      });
    }
  }
  media.forEach((item, index) => {
    if (item.kind === 'document' && documentTitleOf(post, index) === '') {
      problems.push({
        path: ['media', index, 'title'],
        rule: 'media.title',
        message: 'LinkedIn shows a document with a title: give the media item or the post a title',
      });
    }
  });
  if (linkIsInText(post)) {
    const max = capabilities.text.maxLength;
    const withLink = countText(commentaryOf(post), 'code_points');
    const alone = countText(post.text ?? '', 'code_points');
    if (withLink > max && alone <= max) {
      problems.push({
        path: ['text'],
        rule: 'text.max_length',
        message: `is ${withLink} characters long with the link appended (a post with media or a poll has no article); LinkedIn allows ${max}`,
        limit: max,
        actual: withLink,
      });
    }
  }
  const text = commentaryOf(post);
  (options.mentions ?? []).forEach((mention, index) => {
    if (!mentionsInText(text, mention)) {
      problems.push({
        path: ['options', 'linkedin', 'mentions', index, 'name'],
        rule: 'options.mention_not_in_text',
        message: `"@${mention.name}" is not in the text, so the mention cannot be placed`,
      });
    }
  });
  const author = options.author ?? defaultAuthor;
  if (options.visibility === 'CONNECTIONS' && author !== undefined && isOrganizationUrn(author)) {
    problems.push({
      path: ['options', 'linkedin', 'visibility'],
      rule: 'options.visibility',
      message: 'an organization has no connections: it posts PUBLIC or LOGGED_IN',
      actual: options.visibility,
    });
  }
  return problems;
}
