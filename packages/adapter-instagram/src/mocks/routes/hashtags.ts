import {
  fieldNames,
  forwardPage,
  type GraphRequest,
  graphError,
  graphPage,
  invalidParameter,
  missingParameter,
  nonexistingField,
  pageLimit,
  pick,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { type InstagramContext, postExtra } from '../context.js';
import { isMedia, mediaJson, PUBLIC_MEDIA_FIELDS } from '../entities.js';
import * as limits from '../limits.js';

/** A hashtag in a caption: letters, digits and underscores after `#` (emoji are not hashtags). */
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;

/**
 * The hashtags of a caption, lower-cased and without `#` (Instagram hashtags ignore case).
 *
 * @example
 * ```ts
 * hashtagsIn('New roast #AcmeCoffee #acme'); // Set { 'acmecoffee', 'acme' }
 * ```
 */
export function hashtagsIn(caption: string): Set<string> {
  return new Set([...caption.matchAll(HASHTAG)].map((match) => (match[1] ?? '').toLowerCase()));
}

/**
 * The IG Hashtag id of a hashtag name. Meta's ids "are both static and global (i.e, the ID for
 * `#bluebottle` will always be `17843857450040591` for all apps and all app users)"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search),
 * so the simulator derives a 17-digit id from the lower-cased name, the same in every run.
 *
 * @example
 * ```ts
 * hashtagId('AcmeCoffee') === hashtagId('acmecoffee'); // true
 * ```
 */
export function hashtagId(name: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of name.toLowerCase()) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `178${(hash % 10n ** 14n).toString().padStart(14, '0')}`;
}

/**
 * The hashtag names that exist: those of every published media's caption. A hashtag nobody has
 * used has no IG Hashtag node (ASSUMED: Meta documents no answer for it; the simulator's lookup
 * then finds nothing).
 */
function knownHashtags(context: InstagramContext): Map<string, string> {
  const known = new Map<string, string>();
  for (const post of context.sim.posts.filter(isMedia))
    for (const name of hashtagsIn(post.text)) known.set(hashtagId(name), name);
  return known;
}

/**
 * The hashtags `accountId` has queried within the last 7 days, by name, with the instant of
 * each one's first query in that window: "Once you query a hashtag, it will count against this
 * limit for 7 days. Subsequent queries on the same hashtag within this time frame will not
 * count against your limit, and will not reset its initial query 7 day timer"
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search).
 */
export function searchedHashtags(
  context: InstagramContext,
  accountId: string,
  now: number,
): Map<string, number> {
  const searched = context.hashtagSearches.get(accountId) ?? new Map<string, number>();
  for (const [name, at] of searched) if (now - at >= limits.HASHTAG_QUERY_WINDOW_MS) searched.delete(name);
  context.hashtagSearches.set(accountId, searched);
  return searched;
}

/**
 * Counts a query of hashtag `name` by `accountId` against the 30 unique hashtags per rolling 7
 * days (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search,
 * Limitations): a hashtag already queried in the window is free; a new one is refused when 30
 * are counted. Meta documents no error body for that refusal: the simulator answers HTTP 400
 * with code 100 and says why (code and wording ASSUMED), which the adapter's error table reads
 * as a refusal (`PlatformError('platform_refused')`).
 *
 * @returns `undefined` when the query may go ahead (and is counted), else the refusal
 */
function countHashtagQuery(context: InstagramContext, { accountId, now }: GraphRequest, name: string) {
  const searched = searchedHashtags(context, accountId, now);
  if (searched.has(name)) return undefined;
  if (searched.size >= limits.HASHTAG_QUERY_LIMIT)
    return graphError({
      message: `(#100) This account has queried the maximum of ${limits.HASHTAG_QUERY_LIMIT} unique hashtags within 7 days`,
      code: 100,
    });
  searched.set(name, now);
  return undefined;
}

/**
 * Whether `post` shows in the `recent_media` of hashtag `name` at `now`: a published photo or
 * video (not a story: "Hashtags on Stories are not supported") whose caption carries the
 * hashtag, published "within 24 hours of query execution"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 */
function isRecentHashtagMedia(post: SimulatedPost, name: string, now: number): boolean {
  if (!isMedia(post) || postExtra(post.extra).productType === 'STORY') return false;
  return (
    post.createdAt <= now &&
    now - post.createdAt < limits.RECENT_MEDIA_WINDOW_MS &&
    hashtagsIn(post.text).has(name)
  );
}

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
  const facebookLogin = !context.instagramLogin;
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
    return countHashtagQuery(context, request, name) ?? Response.json({ data: [{ id: hashtagId(name) }] });
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
    const limit = pageLimit(
      request.params.get('limit'),
      RECENT_MEDIA_DEFAULT_PAGE,
      limits.RECENT_MEDIA_MAX_PAGE,
    );
    if (limit instanceof Response) return limit;
    const counted = countHashtagQuery(context, request, name);
    if (counted !== undefined) return counted;
    const media = sim.posts
      .filter((post) => isRecentHashtagMedia(post, name, request.now))
      .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    return forwardPage(media, request, limit, (post) => pick(mediaJson(context, post, request.now), fields));
  });

  context.route('GET', '/:version/:igUserId/recently_searched_hashtags', {}, (request) => {
    const userId = request.path.igUserId ?? '';
    if (!facebookLogin || userId !== request.accountId) return unsupportedRequest('GET', userId);
    const limit = Math.min(Number(request.params.get('limit') ?? 25), limits.RECENTLY_SEARCHED_MAX_PAGE);
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
