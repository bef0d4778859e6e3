import type { EngagementPage, MentionSearchQuery, RequestContext } from '@smmkit/core';
import { clampPageSize, type HttpClient } from '@smmkit/core/adapter-kit';
import { decodeXCursor, invalidCursor, type XEngagementPosition } from './engagement-cursor.js';
import { readXSource } from './engagement-pages.js';
import { xPostEngagement } from './post-engagement.js';
import { fetchXPostPages, xRecentSearch } from './post-engagement-pages.js';
import { xPostRef } from './post-ref.js';
import { xMentionSearchQuery } from './search-query.js';

/** Items per page when the query does not say: X's largest page, for the fewest requests. */
const DEFAULT_PAGE_SIZE = 100;
/**
 * `max_results` of recent search: 10 to 100 (`searchPostsRecent` in https://api.x.com/2/openapi.json;
 * https://docs.x.com/x-api/fundamentals/rate-limits: "10 default, 100 max results").
 */
const MIN_RESULTS = 10;
const MAX_RESULTS = 100;

/**
 * Pages of public posts from the last 7 days that mention the brand, newest first, as `mention`
 * engagements of the context's account: `GET /2/tweets/search/recent` with the query
 * {@link xMentionSearchQuery} builds (any term; the account's own posts and reposts left out).
 * Each item's `postRef` is the found post (its author's account, its URL), `author` the poster
 * with handle and name from `expansions=author_id`, `raw` the post.
 *
 * `since` becomes `start_time` when it lies inside the 7-day window (X refuses an older one, and
 * without one the search covers its whole window). Pages hold at most `pageSize` items: X's pages
 * hold 10 to 100 posts, so a smaller size splits X's pages and resumes inside one with `until_id`.
 * Every page's `cursor` resumes right after it; the last page has none. Needs `tweet.read` and
 * `users.read`; counts against recent search's 300 requests per 15 minutes per user
 * (https://docs.x.com/x-api/fundamentals/rate-limits).
 *
 * @param http - the adapter's HTTP client
 * @param query - terms, since, cursor and page size
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @param maxQueryLength - the longest query the app's access level takes (the `searchQueryMaxLength` setting)
 * @returns an async iterable of pages
 * @throws ValidationError before any request: a query X would refuse (see {@link xMentionSearchQuery}),
 *   or `cursor.invalid` for a cursor that is not from a brand-mention search
 *
 * @example
 * ```ts
 * for await (const page of searchXMentions(http, { terms: ['acme', '#AcmeCoffee'] }, ctx, 512)) {
 *   inbox.push(...page.items);
 * }
 * ```
 */
export async function* searchXMentions(
  http: HttpClient,
  query: MentionSearchQuery,
  context: RequestContext,
  maxQueryLength: number,
): AsyncGenerator<EngagementPage> {
  const accountId = context.account.accountId;
  const search = xMentionSearchQuery(query.terms, accountId, maxQueryLength);
  const pageSize = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_RESULTS);
  const size = Math.max(pageSize, MIN_RESULTS);
  const start: XEngagementPosition =
    query.cursor === undefined ? { source: 'search', size, skip: 0 } : decodeXCursor(query.cursor);
  if (start.source !== 'search') throw invalidCursor();

  const fetchPage = fetchXPostPages(http, context, {
    ...xRecentSearch(search, query.since),
    operation: 'search mentions',
    since: query.since,
    engagement: (post, where) => {
      const author = post.author_id;
      if (author === undefined) return undefined;
      const postRef = xPostRef(post.id, author, where.users.get(author)?.username);
      return xPostEngagement(post, where, { kind: 'mention', postRef });
    },
  });
  yield* readXSource(start, pageSize, size, fetchPage, undefined);
}
