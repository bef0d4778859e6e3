import type { Poll, RateLimitInfo, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import type { XPostOptions } from './post-options.js';
import { CreatePostResponseSchema, type XCreatedPost, type XProblem } from './schemas.js';

/** What one new post holds. */
export interface NewXPost {
  /** The text; may be empty when media is attached. */
  readonly text: string;
  /** Ids of uploaded, processed media, in display order. */
  readonly mediaIds?: readonly string[] | undefined;
  /** A poll. */
  readonly poll?: Poll | undefined;
  /** The post this one replies to (threads, first comments, replies). */
  readonly inReplyToId?: string | undefined;
  /** X's options that apply to this post. */
  readonly options?: XPostOptions | undefined;
}

/** A created post, the partial errors X reported with it, and the rate-limit state. */
export interface CreatedXPost {
  /** The post as X returned it (`id`, `text`). */
  readonly post: XCreatedPost;
  /**
   * A 201 may carry a partial `errors[]` (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
   */
  readonly partialErrors: readonly XProblem[];
  /** Rate-limit state reported with it. */
  readonly rateLimit: RateLimitInfo | undefined;
}

/**
 * Creates one post: `POST /2/tweets` with a JSON body (https://docs.x.com/x-api/posts/create-post;
 * `CreatePostsRequest` in https://api.x.com/2/openapi.json). This is the only place the adapter creates
 * posts. The request is marked as creating a resource, so a lost answer is an `AmbiguousOutcomeError`, never
 * retried blindly: X takes no idempotency key, and the publisher reconciles with `findRecentPosts` and X's
 * duplicate-content refusal.
 *
 * @param http - the adapter's HTTP client
 * @param post - what to post
 * @param request - the operation name (for errors) and the call's context
 * @returns the new post, partial errors and rate-limit state
 *
 * @example
 * ```ts
 * const { post } = await createXPost(http, { text: 'Hello' }, { operation: 'create post', context: ctx });
 * ```
 */
export async function createXPost(
  http: HttpClient,
  post: NewXPost,
  request: { readonly operation: string; readonly context: RequestContext },
): Promise<CreatedXPost> {
  const { data, rateLimit } = await http.request({
    method: 'POST',
    path: '/2/tweets',
    operation: request.operation,
    json: postBody(post),
    schema: CreatePostResponseSchema,
    context: request.context,
    createsResource: true,
  });
  return { post: data.data, partialErrors: data.errors ?? [], rateLimit };
}

/** The JSON body of `POST /2/tweets`, with only the fields that are set. */
function postBody(post: NewXPost): Record<string, unknown> {
  const options = post.options ?? {};
  const mediaIds = post.mediaIds ?? [];
  const tagged = options.tagged_user_ids ?? [];
  return {
    // Always sent, even empty: the spec defaults it to "" because X rejects an absent text
    // (`CreatePostsRequest.text` in https://api.x.com/2/openapi.json).
    text: post.text,
    ...(mediaIds.length === 0
      ? {}
      : { media: { media_ids: mediaIds, ...(tagged.length === 0 ? {} : { tagged_user_ids: tagged }) } }),
    ...(post.poll === undefined
      ? {}
      : { poll: { options: post.poll.options, duration_minutes: post.poll.durationMinutes } }),
    ...(post.inReplyToId === undefined ? {} : { reply: { in_reply_to_tweet_id: post.inReplyToId } }),
    ...(options.quote_tweet_id === undefined ? {} : { quote_tweet_id: options.quote_tweet_id }),
    ...(options.reply_settings === undefined ? {} : { reply_settings: options.reply_settings }),
    ...(options.made_with_ai === undefined ? {} : { made_with_ai: options.made_with_ai }),
    ...(options.paid_partnership === undefined ? {} : { paid_partnership: options.paid_partnership }),
  };
}
