import type { InstagramContext } from '../context.js';
import { isMedia, mediaJson } from '../entities.js';
import { unsupportedRequest } from '../errors.js';
import { mediaInsights } from '../insights.js';
import { graphPage } from '../paging.js';
import { fieldsParam, listParam, pick } from '../params.js';
import { instagramRoute } from '../route.js';

/**
 * Media edges (IGUser.json `GET media`, `GET tags`; IGMedia.json `GET insights`):
 * `GET /{v}/{ig-user-id}/media` (published media, newest first, cursor paging),
 * `GET /{v}/{ig-user-id}/tags` (media of others that mention the user — instagram.md "Mentions"),
 * `GET /{v}/{ig-media-id}/insights?metric=…` (owner only).
 *
 * @example
 * ```ts
 * registerMediaRoutes(context);
 * ```
 */
export function registerMediaRoutes(context: InstagramContext): void {
  const { sim } = context;
  instagramRoute(context, 'GET', '/:version/:igUserId/media', {}, ({ path, params, url, now }) => {
    const account = sim.accounts.get(path.igUserId ?? '');
    if (account === undefined) return unsupportedRequest('GET', path.igUserId ?? '');
    const fields = fieldsParam(params);
    const media = sim.posts.filter((post) => post.accountId === account.id && isMedia(post)).reverse();
    return graphPage(media, params, url, (post) => pick(mediaJson(context, post, now), fields));
  });

  instagramRoute(context, 'GET', '/:version/:igUserId/tags', {}, ({ path, params, url, accountId, now }) => {
    if (path.igUserId !== accountId) return unsupportedRequest('GET', path.igUserId ?? '');
    const fields = fieldsParam(params);
    const ids = new Set(
      sim.engagements
        .filter((item) => item.kind === 'mention' && item.accountId === accountId)
        .flatMap((item) => (item.postId === undefined ? [] : [item.postId])),
    );
    const media = sim.posts.filter((post) => ids.has(post.id) && isMedia(post)).reverse();
    return graphPage(media, params, url, (post) => pick(mediaJson(context, post, now), fields));
  });

  instagramRoute(context, 'GET', '/:version/:mediaId/insights', {}, ({ path, params, accountId, now }) => {
    const post = sim.posts.get(path.mediaId ?? '');
    if (!isMedia(post) || post.accountId !== accountId) return unsupportedRequest('GET', path.mediaId ?? '');
    return mediaInsights(context, post, listParam(params, 'metric'), now);
  });
}
