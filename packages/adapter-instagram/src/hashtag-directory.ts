import { PlatformError, RateLimitError, type RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { INSTAGRAM_HASHTAG_BUDGET } from './capabilities.js';
import { HashtagSearchSchema, RecentlySearchedHashtagsSchema } from './schemas.js';

const { bucket: BUCKET, limit: LIMIT } = INSTAGRAM_HASHTAG_BUDGET;
const WINDOW_MS = INSTAGRAM_HASHTAG_BUDGET.windowSec * 1000;

/**
 * The IG Hashtag ids an adapter has looked up, and the hashtags it has queried for each account
 * in the current 7 days; one per adapter instance, so it lives as long as the adapter.
 *
 * Ids are kept for good and shared by every account: they "are both static and global (i.e, the
 * ID for `#bluebottle` will always be `17843857450040591` for all apps and all app users)"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search),
 * so a hashtag is looked up once per adapter.
 *
 * Each account may query 30 unique hashtags within a rolling 7 days; "Subsequent queries on the
 * same hashtag within this time frame will not count against your limit"
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search),
 * and reading a hashtag's media counts as querying it
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 * Before the first query of a hashtag this adapter has not queried for the account this week,
 * it reads the account's `recently_searched_hashtags` — the hashtags it queried within 7 days
 * through any app
 * (https://developers.facebook.com/docs/instagram-api/reference/ig-user/recently_searched_hashtags)
 * — and refuses, before any lookup, a search that would take the account past 30.
 */
export class InstagramHashtagDirectory {
  /** IG Hashtag id by lower-case name. */
  readonly #ids = new Map<string, string>();
  /** For each account, the hashtags this adapter queried in the last 7 days, with when it first did. */
  readonly #queried = new Map<string, Map<string, number>>();

  /**
   * The IG Hashtag id of each name (`undefined` for a hashtag Instagram does not know), looking
   * up those not known yet with `GET /ig_hashtag_search?user_id&q`, and counting each as queried
   * by the account from now.
   *
   * @param http - the adapter's HTTP client
   * @param names - lower-case hashtag names without `#`, each once
   * @param context - the account (its IG user id is `user_id`), tokens, clock and signal
   * @returns the id of each name
   * @throws RateLimitError (`quota_exceeded`, bucket `ig_hashtag_search`) when the hashtags not
   *   queried this week would take the account past 30; `resetAt` is when enough of them free at
   *   the latest
   */
  async ids(
    http: HttpClient,
    names: readonly string[],
    context: RequestContext,
  ): Promise<Map<string, string | undefined>> {
    const now = (context.clock ?? systemClock).now();
    const queried = this.#window(context.account.accountId, now);
    const fresh = names.filter((name) => !queried.has(name));
    if (fresh.length > 0) await this.#checkRoom(http, fresh, context, now);
    const ids = new Map<string, string | undefined>();
    for (const name of names) {
      const id = this.#ids.get(name) ?? (await this.#lookUp(http, name, context, now));
      // The media read next counts the hashtag as queried (an unknown one has no media to read).
      if (id !== undefined && !queried.has(name)) queried.set(name, now);
      ids.set(name, id);
    }
    return ids;
  }

  /** The account's hashtags queried by this adapter, without those older than 7 days. */
  #window(accountId: string, now: number): Map<string, number> {
    const queried = this.#queried.get(accountId) ?? new Map<string, number>();
    for (const [name, at] of queried) if (now - at >= WINDOW_MS) queried.delete(name);
    this.#queried.set(accountId, queried);
    return queried;
  }

  /** `GET /ig_hashtag_search?user_id&q` → the id, remembered; `undefined` when Instagram has none. */
  async #lookUp(
    http: HttpClient,
    name: string,
    context: RequestContext,
    now: number,
  ): Promise<string | undefined> {
    try {
      const { data } = await http.request({
        method: 'GET',
        path: '/ig_hashtag_search',
        operation: 'find hashtag',
        searchParams: { user_id: context.account.accountId, q: name },
        schema: HashtagSearchSchema,
        context,
      });
      const id = data.data?.[0]?.id;
      if (id !== undefined) this.#ids.set(name, id);
      return id;
    } catch (error) {
      // Meta documents no error for a hashtag past the 30: when a lookup is refused, the
      // account's recently searched hashtags tell whether that is why (another app may have
      // queried hashtags since the check).
      if (PlatformError.isInstance(error) && error.code === 'platform_refused')
        await this.#checkRoom(http, [name], context, now, error);
      throw error;
    }
  }

  /**
   * Reads the account's `recently_searched_hashtags` and throws when querying `fresh` (hashtags
   * this adapter has not queried for it this week) would take it past 30 unique hashtags.
   */
  async #checkRoom(
    http: HttpClient,
    fresh: readonly string[],
    context: RequestContext,
    now: number,
    cause?: unknown,
  ): Promise<void> {
    const accountId = context.account.accountId;
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(accountId)}/recently_searched_hashtags`,
      operation: 'read recently searched hashtags',
      // Up to 30 a page (the whole week's): `name` tells which hashtags they are (ASSUMED
      // readable on this edge, as on any IG Hashtag); ids this adapter knows tell it too.
      searchParams: { fields: 'id,name', limit: LIMIT },
      schema: RecentlySearchedHashtagsSchema,
      context,
    });
    const byId = new Map([...this.#ids].map(([name, id]) => [id, name]));
    const counted = (data.data ?? []).map((hashtag) => hashtag.name?.toLowerCase() ?? byId.get(hashtag.id));
    const known = new Set(counted);
    const added = fresh.filter((name) => !known.has(name));
    const over = counted.length + added.length - LIMIT;
    if (over <= 0) return;
    // When each counted hashtag frees at the latest: 7 days after this adapter first queried it,
    // or 7 days from now for one it did not (another app's, queried at some time before now).
    const queried = this.#window(accountId, now);
    const frees = counted
      .map((name) => (name === undefined ? undefined : queried.get(name)) ?? now)
      .map((at) => at + WINDOW_MS)
      .sort((a, b) => a - b);
    const resetAt = new Date(frees[Math.min(over, frees.length) - 1] ?? now + WINDOW_MS);
    throw new RateLimitError(
      'quota_exceeded',
      `search Instagram hashtags: account ${accountId} has queried ${counted.length} of ${LIMIT} unique hashtags in the last 7 days, and ${added.map((name) => `#${name}`).join(', ')} would make ${counted.length + added.length}; enough of them free by ${resetAt.toISOString()} at the latest.`,
      {
        platform: 'instagram',
        rateLimit: {
          scope: 'user',
          bucket: BUCKET,
          limit: LIMIT,
          remaining: Math.max(0, LIMIT - counted.length),
          resetAt,
        },
        resetAt,
        ...(cause === undefined ? {} : { cause }),
      },
    );
  }
}
