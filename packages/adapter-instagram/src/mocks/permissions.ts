import { type GraphRequest, requirePermissions } from '@smmkit/graph-api/mocks';
import type { InstagramContext } from './context.js';

/**
 * What an endpoint needs under each login's permission names: Instagram API with Facebook Login
 * (`instagram_basic`, …, on graph.facebook.com) and with Instagram Login
 * (`instagram_business_basic`, …, on graph.instagram.com).
 */
interface LoginPermissions {
  /** With Facebook Login. */
  readonly facebookLogin: readonly string[];
  /** With Instagram Login. */
  readonly instagramLogin: readonly string[];
}

/**
 * Creating a container and reading the publishing quota: "instagram_basic,
 * instagram_content_publish, pages_read_engagement", or "instagram_business_basic,
 * instagram_business_content_publish"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
 * A story container too: stories came with "no new endpoints or permissions"
 * (https://developers.facebook.com/blog/post/2023/05/16/introducing-stories-publishing-to-the-content-publishing-api-on-instagram/).
 */
export const CONTENT_PUBLISHING: LoginPermissions = {
  facebookLogin: ['instagram_basic', 'instagram_content_publish', 'pages_read_engagement'],
  instagramLogin: ['instagram_business_basic', 'instagram_business_content_publish'],
};

/**
 * Publishing a container: `instagram_basic` and `instagram_content_publish`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish),
 * or Instagram Login's publishing pair.
 */
export const MEDIA_PUBLISH: LoginPermissions = {
  facebookLogin: ['instagram_basic', 'instagram_content_publish'],
  instagramLogin: CONTENT_PUBLISHING.instagramLogin,
};

/**
 * Listing an account's media: `instagram_basic` beside "pages_read_engagement or
 * pages_show_list" (either will do, so the simulator asks for neither), or
 * `instagram_business_basic`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
 */
export const MEDIA_LIST: LoginPermissions = {
  facebookLogin: ['instagram_basic'],
  instagramLogin: ['instagram_business_basic'],
};

/**
 * Listing an account's stories: "A Facebook User access token with the following permissions:
 * instagram_basic, pages_read_engagement" — `pages_read_engagement` without the `media` edge's
 * alternative (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories).
 * That reference names no Instagram Login permission; `instagram_business_basic`, what lists the
 * account's media, is ASSUMED.
 */
export const STORIES_LIST: LoginPermissions = {
  facebookLogin: ['instagram_basic', 'pages_read_engagement'],
  instagramLogin: MEDIA_LIST.instagramLogin,
};

/**
 * Reading, writing, hiding and deleting comments and replies: "instagram_basic,
 * instagram_manage_comments, pages_read_engagement", or "instagram_business_basic,
 * instagram_business_manage_comments"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments,
 * https://developers.facebook.com/docs/instagram-platform/comment-moderation).
 */
export const COMMENTS: LoginPermissions = {
  facebookLogin: ['instagram_basic', 'instagram_manage_comments', 'pages_read_engagement'],
  instagramLogin: ['instagram_business_basic', 'instagram_business_manage_comments'],
};

/**
 * Media and account insights: "instagram_basic, instagram_manage_insights,
 * pages_read_engagement", or "instagram_business_basic, instagram_business_manage_insights"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/insights,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/insights).
 */
export const INSIGHTS: LoginPermissions = {
  facebookLogin: ['instagram_basic', 'instagram_manage_insights', 'pages_read_engagement'],
  instagramLogin: ['instagram_business_basic', 'instagram_business_manage_insights'],
};

/**
 * Refuses the call unless its token was granted what the endpoint needs under the simulator's
 * login: Instagram Login on graph.instagram.com, Facebook Login elsewhere (the hosts of
 * https://developers.facebook.com/docs/instagram-platform/overview). A token issued without
 * scopes (an account's own token of `addAccount`) may do everything.
 *
 * @param context - the simulator, whose host tells the login
 * @param request - the request, with its token's scopes
 * @param needs - the endpoint's permissions under each login
 * @throws Response Graph's permission error (`missingPermission`) naming the first one missing
 *
 * @example
 * ```ts
 * requireLoginPermissions(context, request, COMMENTS);
 * ```
 */
export function requireLoginPermissions(
  context: Pick<InstagramContext, 'instagramLogin'>,
  request: Pick<GraphRequest, 'scopes'>,
  needs: LoginPermissions,
): void {
  requirePermissions(
    request.scopes.length === 0 ? undefined : request.scopes,
    context.instagramLogin ? needs.instagramLogin : needs.facebookLogin,
  );
}
