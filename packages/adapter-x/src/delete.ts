import { PlatformError, type PostRef, type RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { DeletePostResponseSchema } from './schemas.js';

/**
 * Deletes one of the account's posts: `DELETE /2/tweets/:id` → `{"data":{"deleted":true}}`
 * (https://docs.x.com/x-api/posts/manage-tweets/introduction). Deletions have their own budget of 50 per 15
 * minutes (https://docs.x.com/x-api/fundamentals/rate-limits). A post that is already gone fails with
 * `PlatformError('not_found')`; an answer of `deleted: false` with `PlatformError('platform_refused')`.
 *
 * @param http - the adapter's HTTP client
 * @param ref - the post to delete
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await deleteXPost(http, result.ref, ctx);
 * ```
 */
export async function deleteXPost(http: HttpClient, ref: PostRef, context: RequestContext): Promise<void> {
  const { data, status, rateLimit } = await http.request({
    method: 'DELETE',
    path: `/2/tweets/${encodeURIComponent(ref.platformPostId)}`,
    operation: 'delete post',
    schema: DeletePostResponseSchema,
    context,
  });
  if (!data.data.deleted) {
    throw new PlatformError(
      'platform_refused',
      `X did not delete post ${ref.platformPostId} (deleted: false).`,
      {
        platform: 'x',
        status,
        rateLimit,
      },
    );
  }
}
