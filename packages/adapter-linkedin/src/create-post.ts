import { AmbiguousOutcomeError, type RateLimitInfo, type RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { decodeRestliKey, POST_URN } from './urn.js';

/** What one new post holds, in the Posts API's terms. */
export interface NewLinkedInPost {
  /** The member or organization URN posting. */
  readonly author: string;
  /** The commentary, already in the little format. */
  readonly commentary: string;
  /** `PUBLIC`, `CONNECTIONS` or `LOGGED_IN`. */
  readonly visibility: string;
  /** Media, multi-image, poll or article content, when not a text post. */
  readonly content?: Record<string, unknown> | undefined;
  /** Stop others from resharing. */
  readonly disableReshare?: boolean | undefined;
}

/** A created post: its URN and the rate-limit state of the answer. */
export interface CreatedLinkedInPost {
  /** `urn:li:share:…` or `urn:li:ugcPost:…`. */
  readonly urn: string;
  /** Rate-limit state reported with it (LinkedIn sends none; kept for the contract). */
  readonly rateLimit: RateLimitInfo | undefined;
}

/**
 * Creates one post: `POST /rest/posts` with `{author, commentary, visibility, distribution:
 * {feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: []},
 * lifecycleState: 'PUBLISHED', isReshareDisabledByAuthor, content?}`. LinkedIn answers 201 with
 * an empty body and the post's URN in the `x-restli-id` header
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * Marked as creating a resource: a lost answer is an `AmbiguousOutcomeError`, never retried
 * blindly, and so is a 201 without a post URN in `x-restli-id` (the post exists, its URN is
 * unknown: reconcile with `findRecentPosts`).
 *
 * @param http - the adapter's HTTP client
 * @param post - what to post
 * @param context - tokens, signal and clock
 * @returns the post's URN
 *
 * @example
 * ```ts
 * const { urn } = await createLinkedInPost(http, { author, commentary: 'Hello', visibility: 'PUBLIC' }, ctx);
 * ```
 */
export async function createLinkedInPost(
  http: HttpClient,
  post: NewLinkedInPost,
  context: RequestContext,
): Promise<CreatedLinkedInPost> {
  const { headers, status, rateLimit } = await http.request({
    method: 'POST',
    path: '/rest/posts',
    operation: 'create post',
    json: {
      author: post.author,
      commentary: post.commentary,
      visibility: post.visibility,
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: post.disableReshare ?? false,
      ...(post.content === undefined ? {} : { content: post.content }),
    },
    context,
    createsResource: true,
  });
  const urn = decodeRestliKey(headers.get('x-restli-id') ?? '');
  if (!POST_URN.test(urn)) {
    throw new AmbiguousOutcomeError(
      `create post (POST /rest/posts → ${status}): LinkedIn answered without a post URN in x-restli-id; the post may exist.`,
      { platform: 'linkedin', status, rateLimit, operation: 'create post' },
    );
  }
  return { urn, rateLimit };
}
