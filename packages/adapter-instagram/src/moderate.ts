import { type Engagement, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';

/**
 * Hides a comment or reply from the public, or shows it again: `POST /{ig-comment-id}?hide=true|false`
 * (https://developers.facebook.com/docs/instagram-platform/comment-moderation; IGComment.json `POST (self) hide: bool`). Only comments and
 * replies can be hidden: a mention fails with `UnsupportedCapabilityError`.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the comment or reply
 * @param hidden - `true` to hide, `false` to show again
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await hideInstagramComment(http, comment, true, ctx);
 * ```
 */
export async function hideInstagramComment(
  http: HttpClient,
  engagement: Engagement,
  hidden: boolean,
  context: RequestContext,
): Promise<void> {
  assertComment(engagement, 'engagement.hide');
  await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(engagement.id)}`,
    operation: hidden ? 'hide comment' : 'unhide comment',
    searchParams: { hide: hidden },
    context,
  });
}

/**
 * Deletes a comment or reply on one of the account's posts: `DELETE /{ig-comment-id}`
 * (https://developers.facebook.com/docs/instagram-platform/comment-moderation; IGComment.json `DELETE (self)`). A comment that is already gone
 * fails with `PlatformError('not_found')`.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the comment or reply
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await deleteInstagramComment(http, comment, ctx);
 * ```
 */
export async function deleteInstagramComment(
  http: HttpClient,
  engagement: Engagement,
  context: RequestContext,
): Promise<void> {
  assertComment(engagement, 'engagement.delete');
  await http.request({
    method: 'DELETE',
    path: `/${encodeURIComponent(engagement.id)}`,
    operation: 'delete comment',
    context,
  });
}

function assertComment(engagement: Engagement, capability: string): void {
  if (engagement.kind !== 'comment' && engagement.kind !== 'reply') {
    throw new UnsupportedCapabilityError(`${capability} for ${engagement.kind} engagements`, {
      platform: 'instagram',
    });
  }
}
