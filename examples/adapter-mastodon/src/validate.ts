import type { Capabilities, Post, ValidationProblem } from '@smmkit/core';
import { checkPostRules, countText, textWithLink } from '@smmkit/core/adapter-kit';
import { countStatusLength } from './count-status-length.js';
import type { MastodonPostOptions } from './post-options.js';

/**
 * Every problem that stops `post` from being published on Mastodon, with no I/O: core's
 * checks against the capabilities (length, media kinds, counts, sizes, polls, threads), then
 * Mastodon's own rules:
 * - the content warning counts toward every status's length, as Mastodon adds `spoiler_text`
 *   to the text when it counts (github.com/mastodon/mastodon app/validators/status_length_validator.rb);
 * - a poll cannot go with media, and needs text: `media_ids` and `poll` exclude each other and
 *   `status` is only optional with media (docs.joinmastodon.org: methods/statuses#create).
 *
 * @param post - the post to check
 * @param options - its `options.mastodon`, parsed with `MastodonPostOptionsSchema`
 * @param capabilities - the adapter's capabilities (their text limit is the server's)
 * @returns every problem found; empty when the post can be published
 *
 * @example
 * ```ts
 * validateMastodonPost({ text: 'Pick one', poll: { options: ['a', 'b'], durationMinutes: 60 }, media: [image] }, {}, caps);
 * // [{ path: ['poll'], rule: 'poll.with_media', … }]
 * ```
 */
export function validateMastodonPost(
  post: Post,
  options: MastodonPostOptions,
  capabilities: Capabilities,
): ValidationProblem[] {
  const spoilerLength = countText(options.spoiler_text ?? '', 'graphemes');
  const problems = checkPostRules(post, capabilities, {
    platformName: 'Mastodon',
    countText: (text) => spoilerLength + countStatusLength(text),
  });

  if (post.poll !== undefined) {
    if ((post.media ?? []).length > 0) {
      problems.push({
        path: ['poll'],
        rule: 'poll.with_media',
        message: 'Mastodon cannot attach a poll and media to the same status',
      });
    }
    if (textWithLink(post.text, post.link).trim() === '') {
      problems.push({ path: ['text'], rule: 'text.required', message: 'Mastodon needs text with a poll' });
    }
  }
  return problems;
}
