import type {
  CheckedPost,
  Media,
  Poll,
  PublishContext,
  PublishResult,
  PublishWarning,
  RateLimitInfo,
} from '@smmkit/core';
import { type HttpClient, publishFollowUps, systemClock, textWithLink } from '@smmkit/core/adapter-kit';
import { createXPost } from './create-post.js';
import { uploadXMedia, type XMediaUploadOptions } from './media-upload.js';
import type { XPostOptions } from './post-options.js';
import { xPostRef, xPostUrl } from './post-ref.js';
import type { XCreatedPost, XProblem } from './schemas.js';

/** What a publish needs beyond the post and the context. */
export interface XPublishOptions extends XMediaUploadOptions {
  /** The account's username for post URLs, when set in the adapter settings. */
  readonly username?: string | undefined;
}

/** One post of a publish: the post itself, a thread part, or the first comment. */
interface Part {
  readonly text: string;
  readonly media: readonly Media[];
  readonly poll?: Poll | undefined;
  readonly inReplyToId?: string | undefined;
  readonly options: XPostOptions;
  readonly operation: string;
}

/**
 * Publishes a post on X (https://docs.x.com/x-api/posts/manage-tweets/introduction):
 *
 * 1. uploads the post's media in chunks and waits for processing (media-upload.ts), then creates
 *    the post (`POST /2/tweets`) with the link appended to the text, its poll, and
 *    `options.x` (`reply_settings`, `quote_tweet_id`, `made_with_ai`, `paid_partnership`,
 *    `tagged_user_ids`);
 * 2. posts each thread part, with its own media, as a reply (`reply.in_reply_to_tweet_id`) to the
 *    part before, keeping `reply_settings`, `made_with_ai` and `paid_partnership`;
 * 3. posts the first comment as a self-reply to the post, keeping `reply_settings`.
 *
 * Once the first post exists the post is published: a failing (or aborted) thread part stops
 * the thread and a failing first comment is skipped, each reported as a warning
 * (`thread_incomplete`, `first_comment_failed`; `thread_part_unknown`, `first_comment_unknown`
 * when the answer was lost and the part may exist) rather than thrown, so a retry never posts the
 * post twice. Partial `errors[]` on a 201 become `partial_error` warnings with X's message, and
 * alt text X would not take becomes `alt_text_failed`.
 *
 * The URL is `https://x.com/{username}/status/{id}` with the settings' username, else the
 * account's handle, else `https://x.com/i/web/status/{id}`. X's create answer has no creation
 * time, so `publishedAt` is when the answer arrived (on the context's clock).
 *
 * @param http - the adapter's HTTP client
 * @param options - upload and URL settings
 * @param checked - a post that passed the adapter's checks, with its `options.x` parsed
 * @param context - tokens, signal, clock and progress listener
 * @returns where the post is, its thread parts and first comment, warnings and rate-limit state
 *
 * @example
 * ```ts
 * const result = await publishToX(http, { chunkBytes: 1 << 20, pollTimeoutMs: 300_000 }, checked, ctx);
 * console.log(result.url, result.warnings);
 * ```
 */
export async function publishToX(
  http: HttpClient,
  options: XPublishOptions,
  { post, options: xOptions }: CheckedPost<XPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const clock = context.clock ?? systemClock;
  const accountId = context.account.accountId;
  const username = options.username ?? context.account.handle;
  const warnings: PublishWarning[] = [];
  let rateLimit: RateLimitInfo | undefined;

  const postPart = async (part: Part): Promise<XCreatedPost> => {
    const mediaIds: string[] = [];
    for (const [index, media] of part.media.entries()) {
      const uploaded = await uploadXMedia(http, media, index, options, context);
      mediaIds.push(uploaded.mediaId);
      warnings.push(...uploaded.warnings);
    }
    context.onProgress?.({ stage: 'publish' });
    const created = await createXPost(
      http,
      { text: part.text, mediaIds, poll: part.poll, inReplyToId: part.inReplyToId, options: part.options },
      { operation: part.operation, context },
    );
    rateLimit = created.rateLimit ?? rateLimit;
    warnings.push(...created.partialErrors.map(partialErrorWarning));
    return created.post;
  };

  // Until this post exists, any failure is the publish's failure: let it throw.
  const first = await postPart({
    text: textWithLink(post.text, post.link),
    media: post.media ?? [],
    poll: post.poll,
    options: xOptions,
    operation: 'create post',
  });
  const publishedAt = new Date(clock.now());

  const { reply_settings, made_with_ai, paid_partnership } = xOptions;
  const partOptions: XPostOptions = {
    ...(reply_settings === undefined ? {} : { reply_settings }),
    ...(made_with_ai === undefined ? {} : { made_with_ai }),
    ...(paid_partnership === undefined ? {} : { paid_partnership }),
  };
  const thread = post.thread ?? [];
  const followUps = await publishFollowUps({
    firstId: first.id,
    thread,
    firstComment: post.firstComment,
    createThreadPart: async (part, _index, previousId, label) =>
      (
        await postPart({
          text: part.text,
          media: part.media ?? [],
          inReplyToId: previousId,
          options: partOptions,
          operation: `create thread part ${label}`,
        })
      ).id,
    createFirstComment: async (text, firstId) =>
      (
        await postPart({
          text,
          media: [],
          inReplyToId: firstId,
          options: reply_settings === undefined ? {} : { reply_settings },
          operation: 'create first comment',
        })
      ).id,
  });
  const threadRefs = followUps.threadIds.map((id) => xPostRef(id, accountId, username));
  const { firstCommentId } = followUps;
  warnings.push(...followUps.warnings);

  return {
    ref: xPostRef(first.id, accountId, username),
    url: xPostUrl(first.id, username),
    publishedAt,
    ...(thread.length === 0 ? {} : { threadRefs }),
    ...(firstCommentId === undefined ? {} : { firstCommentId }),
    warnings,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  };
}

/**
 * A partial error of a 201 (a success may carry `errors[]`:
 * https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
 */
function partialErrorWarning(problem: XProblem): PublishWarning {
  const message = problem.detail ?? problem.message ?? problem.title ?? 'X reported a partial error.';
  const platformCode = problem.type ?? problem.code;
  return platformCode === undefined
    ? { code: 'partial_error', message }
    : { code: 'partial_error', message, platformCode };
}
