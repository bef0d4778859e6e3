import { graphError } from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { type InstagramContext, postExtra } from './context.js';
import { isMedia } from './entities.js';
import { HASHTAG_QUERY_LIMIT, HASHTAG_QUERY_WINDOW_MS } from './limits.js';

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
export function knownHashtags(context: InstagramContext): Map<string, string> {
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
  for (const [name, at] of searched) if (now - at >= HASHTAG_QUERY_WINDOW_MS) searched.delete(name);
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
export function countHashtagQuery(
  context: InstagramContext,
  accountId: string,
  name: string,
  now: number,
): Response | undefined {
  const searched = searchedHashtags(context, accountId, now);
  if (searched.has(name)) return undefined;
  if (searched.size >= HASHTAG_QUERY_LIMIT)
    return graphError({
      message: `(#100) This account has queried the maximum of ${HASHTAG_QUERY_LIMIT} unique hashtags within 7 days`,
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
export function isRecentHashtagMedia(
  post: SimulatedPost,
  name: string,
  now: number,
  windowMs: number,
): boolean {
  if (!isMedia(post) || postExtra(post.extra).productType === 'STORY') return false;
  return post.createdAt <= now && now - post.createdAt < windowMs && hashtagsIn(post.text).has(name);
}
