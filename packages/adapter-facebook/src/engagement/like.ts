import { type Engagement, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema } from '@smmkit/graph-api';

/**
 * Likes a comment, reply or mention as the Page, or takes the like back:
 * `POST /{object-id}/likes` ("Like an object") and `DELETE /{object-id}/likes` ("Unlike an
 * object"), both answering `{success: true}`
 * (https://developers.facebook.com/docs/graph-api/reference/object/likes). The like is the
 * Page's because the request carries the Page access token (the context's tokens: the Page
 * token, or `facebookPageTokens` finding it from the user's token), which needs
 * `pages_manage_engagement` and the MODERATE task on the Page
 * (https://developers.facebook.com/docs/pages-api/comments-mentions, Before you start). A
 * comment or reply is liked under its own id, a mention (a post that tags the Page) under the
 * post's id. Graph answers a repeated like or unlike with success too, so both are safe to
 * repeat; an object the Page cannot see is `PlatformError('not_found')`.
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the comment, reply or mention
 * @param liked - `true` to like, `false` to take the like back
 * @param context - the Page, its token, signal and rate-limit listener
 * @throws UnsupportedCapabilityError for direct messages and reactions, before any request
 * @throws PlatformError (`platform_refused`) when Graph answers `success: false`
 *
 * @example
 * ```ts
 * await likeOnFacebook(http, comment, true, ctx);
 * ```
 */
export async function likeOnFacebook(
  http: HttpClient,
  engagement: Engagement,
  liked: boolean,
  context: RequestContext,
): Promise<void> {
  if (engagement.kind !== 'comment' && engagement.kind !== 'reply' && engagement.kind !== 'mention') {
    throw new UnsupportedCapabilityError(`engagement.like for ${engagement.kind} engagements`, {
      platform: 'facebook',
    });
  }
  const operation = liked ? 'like' : 'unlike';
  const { data } = await http.request({
    method: liked ? 'POST' : 'DELETE',
    path: `/${encodeURIComponent(engagement.id)}/likes`,
    operation: `${operation} ${engagement.kind}`,
    schema: GraphSuccessSchema,
    context,
  });
  assertGraphSuccess(data, 'facebook', `${operation} ${engagement.kind} ${engagement.id}`);
}
