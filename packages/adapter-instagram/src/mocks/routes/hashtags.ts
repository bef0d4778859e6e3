import {
  fieldNames,
  forwardPage,
  type GraphRequest,
  graphPage,
  invalidParameter,
  missingParameter,
  nonexistingField,
  pageLimit,
  pick,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { InstagramContext } from '../context.js';
import { mediaJson, PUBLIC_MEDIA_FIELDS } from '../entities.js';
import {
  countHashtagQuery,
  hashtagId,
  isRecentHashtagMedia,
  knownHashtags,
  searchedHashtags,
} from '../hashtags.js';
import { RECENT_MEDIA_MAX_PAGE, RECENT_MEDIA_WINDOW_MS, RECENTLY_SEARCHED_MAX_PAGE } from '../limits.js';

/**
 * The fields `recent_media` returns on a media: caption, children, comments_count, id,
 * like_count, media_type, media_url, permalink, timestamp — and "You cannot request the
 * `username` field on returned media objects"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 * Any other field is refused with code 100 (wording ASSUMED); without `fields`, `id` only (ASSUMED).
 */
const RECENT_MEDIA_FIELDS: ReadonlySet<string> = new Set(
  [...PUBLIC_MEDIA_FIELDS].filter((name) => name !== 'username' && name !== 'media_product_type'),
);

/** `recent_media` pages without `limit`: 25, Graph's usual default (ASSUMED). */
const RECENT_MEDIA_DEFAULT_PAGE = 25;

/**
 * The Hashtag Search API (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search),
 * "available for the Instagram API with Facebook Login": on a `graph.instagram.com` simulator
 * every route is Graph's "Unsupported request".
 *
 * - `GET /{v}/ig_hashtag_search?user_id&q` → `{data:[{id}]}`, the hashtag's static, global id
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search);
 *   `{data:[]}` for a hashtag no media carries (ASSUMED). `user_id` must be the IG user of the
 *   token (refusal ASSUMED). Counted against the user's 30 unique hashtags per 7 days.
 * - `GET /{v}/{ig-hashtag-id}/recent_media?user_id&fields&limit&after`: public photos and videos
 *   with the hashtag from the last 24 hours, newest first (Meta: "not always in chronological
 *   order"; the simulator keeps to it), at most 50 a page, with an `after` cursor and no `before`
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 *   Counted against the 30 hashtags too.
 * - `GET /{v}/{ig-user-id}/recently_searched_hashtags?limit&fields` → the hashtags the user
 *   queried in the last 7 days, `{data:[{id, name?}]}`, 25 a page, at most 30
 *   (https://developers.facebook.com/docs/instagram-api/reference/ig-user/recently_searched_hashtags;
 *   `name` on request, ASSUMED: it is a field of an IG Hashtag).
 *
 * Declared before the node routes: `GET /{v}/{id}` would match `ig_hashtag_search` too.
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerHashtagRoutes(context);
 * ```
 */
export function registerHashtagRoutes(context: InstagramContext): void {
  const { sim } = context;
  const facebookLogin = new URL(sim.baseUrl).hostname !== 'graph.instagram.com';
  /** The refusal of a request that names no `user_id`, or another user's; `undefined` when it is the token's. */
  const checkUser = ({ params, accountId }: GraphRequest): Response | undefined => {
    const userId = params.get('user_id');
    if (userId === undefined) return missingParameter('user_id');
    return userId === accountId
      ? undefined
      : invalidParameter('user_id must be the ID of the IG User performing the request');
  };

  context.route('GET', '/:version/ig_hashtag_search', {}, (request) => {
    if (!facebookLogin) return unsupportedRequest('GET', 'ig_hashtag_search');
    const refused = checkUser(request);
    if (refused !== undefined) return refused;
    const name = request.params.get('q')?.trim().replace(/^#/, '').toLowerCase();
    if (name === undefined || name === '') return missingParameter('q');
    if (!knownHashtags(context).has(hashtagId(name))) return Response.json({ data: [] });
    return (
      countHashtagQuery(context, request.accountId, name, request.now) ??
      Response.json({ data: [{ id: hashtagId(name) }] })
    );
  });

  context.route('GET', '/:version/:hashtagId/recent_media', {}, (request) => {
    const id = request.path.hashtagId ?? '';
    const name = knownHashtags(context).get(id);
    if (!facebookLogin || name === undefined) return unsupportedRequest('GET', id);
    const refused = checkUser(request);
    if (refused !== undefined) return refused;
    const fields = fieldNames(request.params.get('fields'));
    const unknown = nonexistingField(fields, RECENT_MEDIA_FIELDS);
    if (unknown !== undefined) return unknown;
    const limit = pageLimit(request.params, RECENT_MEDIA_DEFAULT_PAGE, RECENT_MEDIA_MAX_PAGE);
    if (limit instanceof Response) return limit;
    const counted = countHashtagQuery(context, request.accountId, name, request.now);
    if (counted !== undefined) return counted;
    const media = sim.posts
      .filter((post) => isRecentHashtagMedia(post, name, request.now, RECENT_MEDIA_WINDOW_MS))
      .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    return forwardPage(media, request, limit, (post) => pick(mediaJson(context, post, request.now), fields));
  });

  context.route('GET', '/:version/:igUserId/recently_searched_hashtags', {}, (request) => {
    const userId = request.path.igUserId ?? '';
    if (!facebookLogin || userId !== request.accountId) return unsupportedRequest('GET', userId);
    const limit = Math.min(Number(request.params.get('limit') ?? 25), RECENTLY_SEARCHED_MAX_PAGE);
    const fields = fieldNames(request.params.get('fields'));
    const searched = [...searchedHashtags(context, userId, request.now).keys()].map((name) => ({
      id: hashtagId(name),
      name,
    }));
    const paged = {
      params: {
        get: (key: string) => (key === 'limit' ? String(limit) : request.params.get(key)),
        file: () => undefined,
      },
      url: request.url,
    };
    return graphPage(searched, paged, 'newest', (hashtag) => pick(hashtag, fields));
  });
}
