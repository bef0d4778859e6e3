import type { XContext } from '../context.js';
import { RECENT_SEARCH_WINDOW_MS } from '../limits.js';
import { invalidParameter } from '../problems.js';
import { DATE_TIME } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { compileSearchQuery } from '../search-query.js';
import { answerTimeline } from '../timeline.js';

const MINUTE = 60_000;

/**
 * GET /2/tweets/search/recent (https://docs.x.com/x-api/posts/search/introduction):
 * public posts of the last 7 days matching `query`, newest first, 10 to 100 a page (default 10),
 * with `meta{result_count, newest_id, oldest_id, next_token}`; the window bounds it, not a count.
 * The query language is the subset {@link compileSearchQuery} understands; a query X would refuse
 * is a 400. Refused too: an empty query, one longer than the access level takes (512 characters
 * by default; https://docs.x.com/x-api/posts/search/integrate/build-a-query), and a `start_time`
 * before the window, with X's "Invalid 'start_time':'…'. 'start_time' must be on or after …"
 * (times to the minute, as users quote it, e.g. `Invalid 'start_time':'2025-01-01T00:00Z'.
 * 'start_time' must be on or after 2025-01-17T09:13Z`). Tokens come as `next_token` or
 * `pagination_token`. The other messages are ASSUMED.
 *
 * @example
 * ```ts
 * registerSearchRoute(context);
 * ```
 */
export function registerSearchRoute(context: XContext): void {
  xRoute(context, 'GET', '/2/tweets/search/recent', 'search-recent', 'readTweets', (route) => {
    const query = route.url.searchParams.get('query') ?? '';
    if (query.trim() === '')
      return invalidParameter('query', query, 'The `query` query parameter can not be empty');
    const length = [...query].length;
    if (length > context.searchQueryMaxLength)
      return invalidParameter(
        'query',
        query,
        `There were errors processing your request: Query length of ${length} exceeds the maximum of ${context.searchQueryMaxLength} characters for your access level`,
      );
    const matches = compileSearchQuery(context, query);

    const earliest = route.now - RECENT_SEARCH_WINDOW_MS;
    // X names the bound to the minute; the simulator holds to the minute it names.
    const bound = Math.ceil(earliest / MINUTE) * MINUTE;
    // A malformed start_time is answerTimeline's to refuse, after max_results and the ids.
    const raw = route.url.searchParams.get('start_time') ?? '';
    const startTime = Date.parse(raw);
    if (DATE_TIME.test(raw) && startTime < bound)
      return invalidParameter(
        'start_time',
        raw,
        `Invalid 'start_time':'${toMinute(startTime)}'. 'start_time' must be on or after ${toMinute(bound)}`,
      );

    const posts = context.sim.posts.filter((post) => post.createdAt >= earliest && matches(post));
    return answerTimeline(context, route, posts, {
      minResults: 10,
      cap: Number.MAX_SAFE_INTEGER,
      tokenParams: ['next_token', 'pagination_token'],
      previousToken: false,
    });
  });
}

/** An instant as X writes it in this message: `2025-01-17T09:13Z`. */
function toMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}
