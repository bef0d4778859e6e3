import {
  fieldNames,
  graphPage,
  listParam,
  pick,
  timeBounds,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { InstagramContext } from '../context.js';
import { isMedia, isStory, mediaJson } from '../entities.js';
import { mediaInsights } from '../insights.js';
import { STORY_LIFETIME_MS } from '../limits.js';
import { INSIGHTS, MEDIA_LIST, requireLoginPermissions, STORIES_LIST } from '../permissions.js';

/**
 * Media edges, the IG User's `media`, `stories` and `tags` and the IG Media's `insights`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference):
 * `GET /{v}/{ig-user-id}/media` (published media but stories, newest first, cursor paging and
 * `since`/`until`; the permissions of `MEDIA_LIST`), `GET /{v}/{ig-user-id}/stories` (the stories of
 * the last 24 hours, the same way), `GET /{v}/{ig-user-id}/tags` (media of others that tag the user; its
 * reference names no permission, so none is checked),
 * `GET /{v}/{ig-media-id}/insights?metric=…&breakdown=…` (owner only, the permissions of
 * `INSIGHTS`; an id that is no media is passed on to the IG User's insights; see `mediaInsights`).
 *
 * @example
 * ```ts
 * registerMediaRoutes(context);
 * ```
 */
export function registerMediaRoutes(context: InstagramContext): void {
  const { sim } = context;
  context.route('GET', '/:version/:igUserId/media', {}, (request) => {
    const account = sim.accounts.get(request.path.igUserId ?? '');
    if (account === undefined) return unsupportedRequest('GET', request.path.igUserId ?? '');
    requireLoginPermissions(context, request, MEDIA_LIST);
    const fields = fieldNames(request.params.get('fields'));
    // "This endpoint supports time-based pagination. Include since and until"; "Story IG Media not
    // supported, use the GET /<IG_USER_ID>/stories endpoint instead"
    // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
    const { since, until } = timeBounds(request.params);
    const media = sim.posts.filter(
      (post) =>
        post.accountId === account.id &&
        isMedia(post) &&
        !isStory(post) &&
        post.createdAt >= since &&
        post.createdAt <= until,
    );
    return graphPage(media, request, 'newest', (post) => pick(mediaJson(context, post, request.now), fields));
  });

  // "Stories are only available for 24 hours"; the permissions of `STORIES_LIST`
  // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories).
  context.route('GET', '/:version/:igUserId/stories', {}, (request) => {
    const account = sim.accounts.get(request.path.igUserId ?? '');
    if (account === undefined) return unsupportedRequest('GET', request.path.igUserId ?? '');
    requireLoginPermissions(context, request, STORIES_LIST);
    const fields = fieldNames(request.params.get('fields'));
    const stories = sim.posts.filter(
      (post) =>
        post.accountId === account.id && isStory(post) && request.now - post.createdAt < STORY_LIFETIME_MS,
    );
    return graphPage(stories, request, 'newest', (post) =>
      pick(mediaJson(context, post, request.now), fields),
    );
  });

  context.route('GET', '/:version/:igUserId/tags', {}, (request) => {
    const { path, accountId } = request;
    if (path.igUserId !== accountId) return unsupportedRequest('GET', path.igUserId ?? '');
    const fields = fieldNames(request.params.get('fields'));
    const ids = new Set(
      sim.engagements
        .filter((item) => item.kind === 'mention' && item.accountId === accountId)
        .flatMap((item) => (item.postId === undefined ? [] : [item.postId])),
    );
    const media = sim.posts.filter((post) => ids.has(post.id) && isMedia(post));
    return graphPage(media, request, 'newest', (post) => pick(mediaJson(context, post, request.now), fields));
  });

  context.route('GET', '/:version/:mediaId/insights', {}, (request) => {
    const { path, params, accountId, now } = request;
    const post = sim.posts.get(path.mediaId ?? '');
    // Not a media: an IG User's insights (routes/user-insights.ts) or nothing.
    if (!isMedia(post)) return undefined;
    if (post.accountId !== accountId) return unsupportedRequest('GET', path.mediaId ?? '');
    requireLoginPermissions(context, request, INSIGHTS);
    return mediaInsights(
      context,
      post,
      { metrics: listParam(params, 'metric'), breakdowns: listParam(params, 'breakdown') },
      now,
    );
  });
}
