import type { Post } from '@smmkit/core';
import { documentTitleOf, linkIsInText, pollQuestionOf } from './commentary.js';
import type { LinkedInPostOptions } from './post-options.js';

/** Poll durations by minutes (Poll API `settings.duration`). */
const POLL_DURATIONS: Readonly<Record<number, string>> = {
  1440: 'ONE_DAY',
  4320: 'THREE_DAYS',
  10080: 'SEVEN_DAYS',
  20160: 'FOURTEEN_DAYS',
};

/**
 * The `content` of a new post, or `undefined` for a text post
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api):
 *
 * - one image, GIF, video or document: `{media:{id, altText?, title?}}` (a document's title is
 *   required, a video's optional, an image's alt text optional);
 * - 2–20 images: `{multiImage:{images:[{id, altText?}]}}`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api);
 * - a poll: `{poll:{question, options:[{text}], settings:{duration}}}`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/poll-post-api);
 * - a link with nothing else: `{article:{source, title, description?}}`, titled with the post's
 *   title, else the link.
 *
 * @param post - the checked post
 * @param options - its `options.linkedin`
 * @param assets - the URNs of its uploaded media, in order
 * @returns the content, or `undefined`
 *
 * @example
 * ```ts
 * postContent({ text: 'Deck', media: [pdf], title: 'Q3 results' }, { visibility: 'PUBLIC' }, ['urn:li:document:D1']);
 * // { media: { id: 'urn:li:document:D1', title: 'Q3 results' } }
 * ```
 */
export function postContent(
  post: Post,
  options: LinkedInPostOptions,
  assets: readonly string[],
): Record<string, unknown> | undefined {
  const media = post.media ?? [];
  if (media.length > 1) {
    return {
      multiImage: {
        images: media.map((item, index) => ({ id: assets[index], ...altText(item.altText) })),
      },
    };
  }
  const [item] = media;
  if (item !== undefined) {
    const title = item.kind === 'image' || item.kind === 'gif' ? '' : documentTitleOf(post, 0);
    return {
      media: {
        id: assets[0],
        ...(item.kind === 'image' || item.kind === 'gif' ? altText(item.altText) : {}),
        ...(title === '' ? {} : { title }),
      },
    };
  }
  if (post.poll !== undefined) {
    return {
      poll: {
        question: pollQuestionOf(post, options.pollQuestion),
        options: post.poll.options.map((text) => ({ text })),
        settings: { duration: POLL_DURATIONS[post.poll.durationMinutes] },
      },
    };
  }
  if (post.link !== undefined && !linkIsInText(post)) {
    const description = options.articleDescription;
    return {
      article: {
        source: post.link,
        title: post.title?.trim() || post.link,
        ...(description === undefined || description === '' ? {} : { description }),
      },
    };
  }
  return undefined;
}

function altText(text: string | undefined): { altText?: string } {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? {} : { altText: trimmed };
}
