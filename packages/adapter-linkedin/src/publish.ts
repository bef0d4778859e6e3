import type { CheckedPost, PublishContext, PublishResult } from '@smmkit/core';
import { type HttpClient, type MediaPolling, publishFollowUps, systemClock } from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { commentaryOf } from './commentary.js';
import { createLinkedInComment } from './create-comment.js';
import { createLinkedInPost } from './create-post.js';
import { renderLittleText } from './little-text.js';
import { uploadLinkedInMedia } from './media-upload.js';
import { postContent } from './post-content.js';
import type { LinkedInPostOptions } from './post-options.js';
import { linkedInPostRef, linkedInPostUrl } from './urn.js';

/** What a publish needs beyond the post and the context. */
export interface LinkedInPublishOptions {
  /** The adapter's `author` setting, when set. */
  readonly author: string | undefined;
  /** The API origin, trusted with the token for upload URLs on it. */
  readonly baseUrl: string;
  /** How long to wait for media processing. */
  readonly polling: MediaPolling;
}

/**
 * Publishes a post on LinkedIn, as a member or an organization:
 *
 * 1. resolves the author (`options.linkedin.author`, the `author` setting, else the account);
 * 2. uploads each media item and waits until LinkedIn has processed it (media-upload.ts);
 * 3. creates the post (`POST /rest/posts`) with the text rendered in the little format (every
 *    reserved character escaped, `#hashtags` and `options.linkedin.mentions` rendered), the
 *    visibility, and the content (media, multi-image, poll or article), reading the URN from
 *    `x-restli-id` (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api);
 * 4. adds the first comment under the post (Comments API) as the same author.
 *
 * Once the post exists it is published: a failing first comment is a warning
 * (`first_comment_failed`, or `first_comment_unknown` when its answer was lost), never a thrown
 * error, so a retry never posts twice. LinkedIn's create answer has no body, so `publishedAt` is
 * when the answer arrived (on the context's clock).
 *
 * @param adapterHttp - the adapter's HTTP client (role refusals are read for the author, see `httpActingAs`)
 * @param options - default author, API origin and polling
 * @param checked - a post that passed the adapter's checks, with its `options.linkedin` parsed
 * @param context - tokens, signal, clock and progress listener
 * @returns where the post is, its first comment and warnings
 *
 * @example
 * ```ts
 * const result = await publishToLinkedIn(http, { author: undefined, baseUrl, polling }, checked, ctx);
 * console.log(result.url); // https://www.linkedin.com/feed/update/urn:li:share:…/
 * ```
 */
export async function publishToLinkedIn(
  adapterHttp: HttpClient,
  options: LinkedInPublishOptions,
  { post, options: linkedIn }: CheckedPost<LinkedInPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const author = resolveAuthor(context, linkedIn.author, options.author);
  const http = httpActingAs(adapterHttp, author);
  const upload = { owner: author, baseUrl: options.baseUrl, polling: options.polling };
  const assets: string[] = [];
  for (const [index, media] of (post.media ?? []).entries()) {
    assets.push(await uploadLinkedInMedia(http, media, index, upload, context));
  }

  context.onProgress?.({ stage: 'publish' });
  const created = await createLinkedInPost(
    http,
    {
      author,
      commentary: renderLittleText(commentaryOf(post), linkedIn.mentions),
      visibility: linkedIn.visibility,
      content: postContent(post, linkedIn, assets),
      disableReshare: linkedIn.disableReshare,
    },
    context,
  );
  const publishedAt = new Date((context.clock ?? systemClock).now());

  const { firstCommentId, warnings } = await publishFollowUps({
    firstId: created.urn,
    firstComment: post.firstComment,
    createThreadPart: () => Promise.reject(new Error('LinkedIn has no threads')),
    createFirstComment: async (text, postUrn) =>
      (
        await createLinkedInComment(
          http,
          { actor: author, object: postUrn, text },
          context,
          'create first comment',
        )
      ).urn,
  });

  return {
    ref: linkedInPostRef(created.urn, context.account.accountId),
    url: linkedInPostUrl(created.urn),
    publishedAt,
    ...(firstCommentId === undefined ? {} : { firstCommentId }),
    warnings: [...warnings],
    ...(created.rateLimit === undefined ? {} : { rateLimit: created.rateLimit }),
  };
}
