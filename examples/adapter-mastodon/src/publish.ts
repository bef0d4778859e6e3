import type {
  CheckedPost,
  Media,
  Poll,
  PostRef,
  PublishContext,
  PublishResult,
  RateLimitInfo,
} from '@smmkit/core';
import { type HttpClient, type MediaPolling, publishFollowUps, textWithLink } from '@smmkit/core/adapter-kit';
import { createStatus } from './create-status.js';
import { uploadMedia } from './media-upload.js';
import type { MastodonPostOptions } from './post-options.js';
import type { MastodonStatus } from './schemas.js';
import { statusRef, statusUrl } from './status-ref.js';

/** One status of a publish: the post itself, a thread part, or the first comment. */
interface StatusPart {
  readonly text: string;
  readonly media: readonly Media[];
  readonly poll?: Poll | undefined;
  readonly inReplyToId?: string | undefined;
  readonly idempotencyKey?: string | undefined;
  readonly operation: string;
}

/**
 * Publishes a post on Mastodon (docs.joinmastodon.org: methods/statuses#create):
 *
 * 1. uploads the post's media and waits for processing (methods/media), then creates the
 *    status with the link appended to the text, sending `ctx.idempotencyKey` as `Idempotency-Key`;
 * 2. posts each thread part as a reply (`in_reply_to_id`) to the part before, with its own
 *    media, keyed `${key}:thread:${i}` (`i` its index in `post.thread`);
 * 3. posts the first comment as a reply to the first status, keyed `${key}:first-comment`.
 *
 * `options.mastodon` (visibility, content warning, sensitivity, language) applies to every
 * status. Once the first status exists the post is published: a failing (or aborted) thread
 * part stops the thread and a failing first comment is skipped, each reported as a warning
 * (`thread_incomplete`, `first_comment_failed`; `thread_part_unknown`, `first_comment_unknown`
 * when the answer was lost and the part may exist) rather than thrown, so the post is never
 * reported as failed, nor published again by a retry.
 *
 * @param http - the adapter's HTTP client
 * @param polling - how to wait for media processing
 * @param checked - a post that passed the adapter's checks, with its `options.mastodon` parsed
 * @param context - tokens, signal, clock, progress listener and idempotency key
 * @returns where the post is, its thread parts and first comment, warnings and rate-limit state
 *
 * @example
 * ```ts
 * const result = await publishToMastodon(http, { intervalMs: 1000, timeoutMs: 60_000 }, checked, ctx);
 * console.log(result.url, result.warnings);
 * ```
 */
export async function publishToMastodon(
  http: HttpClient,
  polling: MediaPolling,
  { post, options }: CheckedPost<MastodonPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const accountId = context.account.accountId;
  const key = context.idempotencyKey;
  let rateLimit: RateLimitInfo | undefined;

  const postStatus = async (part: StatusPart): Promise<MastodonStatus> => {
    const mediaIds: string[] = [];
    for (const [index, media] of part.media.entries()) {
      mediaIds.push(await uploadMedia(http, media, index, polling, context));
    }
    context.onProgress?.({ stage: 'publish' });
    const created = await createStatus(
      http,
      { ...part, mediaIds, options },
      {
        operation: part.operation,
        context,
        idempotencyKey: part.idempotencyKey,
      },
    );
    rateLimit = created.rateLimit ?? rateLimit;
    return created.status;
  };

  // Until this status exists, any failure is the publish's failure: let it throw.
  const first = await postStatus({
    text: textWithLink(post.text, post.link),
    media: post.media ?? [],
    poll: post.poll,
    idempotencyKey: key,
    operation: 'create status',
  });

  // The refs of the thread parts published, in order: exactly the parts in followUps.threadIds.
  const threadRefs: PostRef[] = [];
  const thread = post.thread ?? [];
  const followUps = await publishFollowUps({
    firstId: first.id,
    thread,
    firstComment: post.firstComment,
    createThreadPart: async (part, index, previousId, label) => {
      const status = await postStatus({
        text: part.text,
        media: part.media ?? [],
        inReplyToId: previousId,
        idempotencyKey: key === undefined ? undefined : `${key}:thread:${index}`,
        operation: `create thread part ${label}`,
      });
      threadRefs.push(statusRef(status, accountId));
      return status.id;
    },
    createFirstComment: async (text, firstId) =>
      (
        await postStatus({
          text,
          media: [],
          inReplyToId: firstId,
          idempotencyKey: key === undefined ? undefined : `${key}:first-comment`,
          operation: 'create first comment',
        })
      ).id,
  });
  const { firstCommentId } = followUps;
  const warnings = [...followUps.warnings];

  return {
    ref: statusRef(first, accountId),
    url: statusUrl(first),
    publishedAt: new Date(first.created_at),
    ...(thread.length === 0 ? {} : { threadRefs }),
    ...(firstCommentId === undefined ? {} : { firstCommentId }),
    warnings,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  };
}
