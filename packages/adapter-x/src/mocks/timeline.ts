import type { SimulatedPost } from '@smmkit/testkit';
import { type Identified, pageByIds, type RouteContext } from '@smmkit/testkit/simulator-kit';
import type { XContext } from './context.js';
import { tweetsPayload } from './entities/tweets-payload.js';
import { badValue, idParam, maxResultsParam, timeParam } from './request-params.js';

/** A timeline's rules (`max_results` up to 100, default 10: https://api.x.com/2/openapi.json). */
export interface TimelineRules {
  /** The least `max_results` (5 on user timelines, 10 on recent search). */
  readonly minResults: number;
  /** Only this many of the newest posts can be reached (800 mentions, 3,200 user posts). */
  readonly cap: number;
  /** The parameters that carry the page token (default `pagination_token`; search also takes `next_token`). */
  readonly tokenParams?: readonly string[] | undefined;
  /**
   * Whether pages carry a `previous_token` (default true, as user timelines do; recent search's
   * pages show only `next_token`: https://docs.x.com/x-api/posts/search/integrate/paginate).
   */
  readonly previousToken?: boolean | undefined;
}

/**
 * Answers a post timeline the way X pages it: `since_id`, `until_id`, `start_time`, `end_time`
 * filter; the newest `cap` remain; `max_results` per page, newest first, with
 * `meta{result_count, newest_id, oldest_id, next_token}` (https://docs.x.com/x-api/fundamentals/pagination)
 * and the usual field selection and expansions.
 */
export function answerTimeline(
  context: XContext,
  route: RouteContext,
  posts: readonly SimulatedPost[],
  rules: TimelineRules,
): Response {
  const { url } = route;
  const maxResults = maxResultsParam(url, rules.minResults, 100, 10);
  const newerThan = idParam(url, 'since_id');
  const olderThan = idParam(url, 'until_id');
  const startTime = timeParam(url, 'start_time') ?? -Infinity;
  const endTime = timeParam(url, 'end_time') ?? Infinity;
  const inTime = posts.filter((post) => post.createdAt >= startTime && post.createdAt <= endTime);
  const reachable = pageByIds(inTime, { newerThan, olderThan, limit: rules.cap }).items;

  const names = rules.tokenParams ?? ['pagination_token'];
  const tokenName = names.find((name) => url.searchParams.has(name));
  const token = tokenName === undefined ? null : url.searchParams.get(tokenName);
  const page = paginate(reachable, maxResults, token, tokenName, rules.previousToken);
  const payload = tweetsPayload(context, page.items, route);
  return Response.json({ ...payload, meta: page.meta });
}

/**
 * The page of `items` (any order) that `token` points at, newest first, with X's meta: after a
 * `next_token`, the next older page; after a `previous_token`, the page right before
 * (https://docs.x.com/x-api/fundamentals/pagination: "`previous_token` | In response `meta`. Use to go
 * back a page."). X's pagination tokens are opaque base32hex strings (https://api.x.com/2/openapi.json:
 * "A base32hex-encoded pagination token", at least 16 characters for DM events): the simulator's
 * `next_token` is the page's oldest id in base 32 (digits 0-9a-v, the base32hex alphabet), padded to
 * 16; its `previous_token` is `p` and the page's newest id, padded to 16. An unknown token throws X's
 * 400 (ASSUMED wording).
 */
export function paginate<T extends Identified>(
  items: readonly T[],
  maxResults: number,
  token: string | null,
  parameter = 'pagination_token',
  previousToken = true,
) {
  if (token !== null && !/^[0-9a-v]{16,}$/.test(token))
    throw badValue(parameter, token, 'is not a valid pagination token');
  const backward = token?.startsWith(PREVIOUS) === true;
  const bound = token === null ? undefined : idOfToken(backward ? token.slice(PREVIOUS.length) : token);
  const page = pageByIds(items, {
    limit: maxResults,
    ...(backward ? { newerThan: bound, from: 'oldest' as const } : { olderThan: bound }),
  });
  const newest = page.items[0];
  const oldest = page.items.at(-1);
  // X's `meta{result_count, newest_id, oldest_id, next_token, previous_token}`
  // (https://docs.x.com/x-api/fundamentals/pagination): the ids are absent on an empty page, the next
  // token on the last page, the previous token on a page reached without a token and on the newest
  // page (ASSUMED: the doc does not say on which pages X leaves it out).
  const meta = {
    result_count: page.items.length,
    ...(newest === undefined ? {} : { newest_id: newest.id }),
    ...(oldest === undefined ? {} : { oldest_id: oldest.id }),
    ...(oldest !== undefined && page.hasOlder ? { next_token: tokenOfId(oldest.id, 16) } : {}),
    ...(previousToken && token !== null && newest !== undefined && page.hasNewer
      ? { previous_token: PREVIOUS + tokenOfId(newest.id, 16 - PREVIOUS.length) }
      : {}),
  };
  return { items: page.items, meta };
}

/** What starts a simulated `previous_token` (a base32hex digit no padded id starts with). */
const PREVIOUS = 'p';

/** An id as a base32hex token of at least `width` digits. */
function tokenOfId(id: string, width: number): string {
  return BigInt(id).toString(32).padStart(width, '0');
}

/** The id a base32hex token holds. */
function idOfToken(token: string): string {
  let id = 0n;
  for (const char of token) id = id * 32n + BigInt(Number.parseInt(char, 32));
  return id.toString();
}
