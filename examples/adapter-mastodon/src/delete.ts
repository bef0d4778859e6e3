import type { PostRef, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';

/**
 * Deletes one of the account's statuses: `DELETE /api/v1/statuses/:id`
 * (docs.joinmastodon.org: methods/statuses#delete). Deletions have their own budget of 30 per
 * 30 minutes (api/rate-limits). A status that is already gone fails with
 * `PlatformError('not_found')`.
 *
 * @param http - the adapter's HTTP client
 * @param ref - the status to delete
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await deleteStatus(http, result.ref, ctx);
 * ```
 */
export async function deleteStatus(http: HttpClient, ref: PostRef, context: RequestContext): Promise<void> {
  await http.request({
    method: 'DELETE',
    path: `/api/v1/statuses/${encodeURIComponent(ref.platformPostId)}`,
    operation: 'delete status',
    context,
  });
}
