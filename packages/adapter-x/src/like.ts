import {
  type Engagement,
  PlatformError,
  type RequestContext,
  UnsupportedCapabilityError,
} from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { LikeResponseSchema } from './schemas.js';

/**
 * Likes a post (a mention or reply) as the account, or takes the like back
 * (https://docs.x.com/x-api/posts/likes/quickstart/manage-likes):
 *
 * - like: `POST /2/users/:id/likes` `{"tweet_id": "…"}` → `{data:{liked:true}}`;
 * - unlike: `DELETE /2/users/:id/likes/:tweet_id` → `{data:{liked:false}}`;
 *
 * `:id` being the account's own user id. Both need the scopes `like.write`, `tweet.read` and
 * `users.read` (`likePost`, `unlikePost` in https://api.x.com/2/openapi.json) and allow 50 requests per 15
 * minutes and 1,000 per 24 hours per user (https://docs.x.com/x-api/fundamentals/rate-limits). Liking twice
 * or unliking a post that is not liked answers the same as the first time. X answers a like of a post that is
 * gone or not visible with a 400 ("This tweet cannot be found."), a `PlatformError('platform_refused')`, and so
 * is an answer whose `liked` ("Whether the User likes the Post": `LikePostResponseData`,
 * `UnlikePostResponseData` in https://api.x.com/2/openapi.json) is not what was asked. Only
 * posts can be liked: a direct message (or a reaction) fails with `UnsupportedCapabilityError` before any
 * request.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the mention or reply to like
 * @param liked - `true` to like, `false` to take the like back
 * @param context - the account, tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await likeOnX(http, mention, true, ctx);
 * ```
 */
export async function likeOnX(
  http: HttpClient,
  engagement: Engagement,
  liked: boolean,
  context: RequestContext,
): Promise<void> {
  if (engagement.kind === 'direct_message' || engagement.kind === 'reaction') {
    throw new UnsupportedCapabilityError(`engagement.like for ${engagement.kind} engagements`, {
      platform: 'x',
    });
  }
  const user = `/2/users/${encodeURIComponent(context.account.accountId)}/likes`;
  const { data, status, rateLimit } = await http.request(
    liked
      ? {
          method: 'POST',
          path: user,
          operation: 'like post',
          json: { tweet_id: engagement.id },
          schema: LikeResponseSchema,
          context,
        }
      : {
          method: 'DELETE',
          path: `${user}/${encodeURIComponent(engagement.id)}`,
          operation: 'unlike post',
          schema: LikeResponseSchema,
          context,
        },
  );
  const answered = data.data.liked;
  if (answered !== undefined && answered !== liked) {
    throw new PlatformError(
      'platform_refused',
      `X did not ${liked ? 'like' : 'unlike'} post ${engagement.id} (liked: ${answered}).`,
      { platform: 'x', status, rateLimit },
    );
  }
}
