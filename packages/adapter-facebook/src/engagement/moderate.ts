import { type Engagement, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';

/**
 * Hides a comment or reply under one of the Page's posts from everyone but its author and
 * their friends, or shows it again: `POST /{comment-id} {is_hidden: true|false}` → `{success:true}`
 * (https://developers.facebook.com/docs/graph-api/reference/comment/, Updating). Only comments
 * and replies can be hidden: a mention fails with `UnsupportedCapabilityError`.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the comment or reply
 * @param hidden - `true` to hide, `false` to show again
 * @param context - the Page, its token, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await hideFacebookComment(http, comment, true, ctx);
 * ```
 */
export async function hideFacebookComment(
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
    json: { is_hidden: hidden },
    context,
  });
}

/**
 * Deletes a comment or reply under one of the Page's posts (or one the Page wrote):
 * `DELETE /{comment-id}` → `{success:true}` (https://developers.facebook.com/docs/graph-api/reference/comment/,
 * Deleting). A comment that is already gone fails with `PlatformError('not_found')`.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the comment or reply
 * @param context - the Page, its token, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await deleteFacebookComment(http, comment, ctx);
 * ```
 */
export async function deleteFacebookComment(
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
      platform: 'facebook',
    });
  }
}
