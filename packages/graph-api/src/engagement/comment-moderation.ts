import { type Engagement, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema } from '../graph-success.js';
import type { GraphPlatform } from '../platform.js';

/**
 * Hides a comment or reply from the public, or shows it again, on the Graph node of the comment:
 * - Facebook: `POST /{comment-id} {is_hidden: true|false}` → `{success:true}`; a hidden comment
 *   stays visible to its author and their friends
 *   (https://developers.facebook.com/docs/graph-api/reference/comment/, Updating);
 * - Instagram: `POST /{ig-comment-id}?hide=true|false`
 *   (https://developers.facebook.com/docs/instagram-platform/comment-moderation; IGComment
 *   `POST (self) hide: bool`).
 *
 * Only comments and replies can be hidden: a mention fails with `UnsupportedCapabilityError`. An
 * answer of `{success: false}` fails with `PlatformError('platform_refused')`.
 *
 * @param http - the adapter's HTTP client
 * @param platform - whose dialect the request speaks
 * @param engagement - the comment or reply
 * @param hidden - `true` to hide, `false` to show again
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await hideGraphComment(http, 'instagram', comment, true, ctx);
 * ```
 */
export async function hideGraphComment(
  http: HttpClient,
  platform: GraphPlatform,
  engagement: Engagement,
  hidden: boolean,
  context: RequestContext,
): Promise<void> {
  assertComment(platform, engagement, 'engagement.hide');
  const operation = hidden ? 'hide comment' : 'unhide comment';
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(engagement.id)}`,
    operation,
    ...(platform === 'facebook' ? { json: { is_hidden: hidden } } : { searchParams: { hide: hidden } }),
    schema: GraphSuccessSchema,
    context,
  });
  assertGraphSuccess(data, platform, `${operation} ${engagement.id}`);
}

/**
 * Deletes a comment or reply: `DELETE /{comment-id}` → `{success:true}` on Facebook (a comment
 * under one of the Page's posts, or one the Page wrote:
 * https://developers.facebook.com/docs/graph-api/reference/comment/, Deleting), `DELETE
 * /{ig-comment-id}` on Instagram (a comment on one of the account's posts:
 * https://developers.facebook.com/docs/instagram-platform/comment-moderation; IGComment
 * `DELETE (self)`). A comment that is already gone fails with `PlatformError('not_found')`, and
 * `{success: false}` with `PlatformError('platform_refused')`.
 *
 * @param http - the adapter's HTTP client
 * @param platform - whose comment it is (for the error a mention gets)
 * @param engagement - the comment or reply
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await deleteGraphComment(http, 'facebook', comment, ctx);
 * ```
 */
export async function deleteGraphComment(
  http: HttpClient,
  platform: GraphPlatform,
  engagement: Engagement,
  context: RequestContext,
): Promise<void> {
  assertComment(platform, engagement, 'engagement.delete');
  const { data } = await http.request({
    method: 'DELETE',
    path: `/${encodeURIComponent(engagement.id)}`,
    operation: 'delete comment',
    schema: GraphSuccessSchema,
    context,
  });
  assertGraphSuccess(data, platform, `delete comment ${engagement.id}`);
}

function assertComment(platform: GraphPlatform, engagement: Engagement, capability: string): void {
  if (engagement.kind !== 'comment' && engagement.kind !== 'reply') {
    throw new UnsupportedCapabilityError(`${capability} for ${engagement.kind} engagements`, { platform });
  }
}
