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
  const page = paginate(reachable, maxResults, token, tokenName);
  const payload = tweetsPayload(context, page.items, route);
  return Response.json({ ...payload, meta: page.meta });
}

/**
 * The page of `items` (any order) after `token`, newest first, with X's meta. X's pagination
 * tokens are opaque base32hex strings (https://api.x.com/2/openapi.json: "A base32hex-encoded pagination
 * token", at least 16 characters for DM events): the simulator's is the page's oldest id in base 32 (digits
 * 0-9a-v, the base32hex alphabet), padded to 16. An unknown token throws X's 400 (ASSUMED wording).
 */
export function paginate<T extends Identified>(
  items: readonly T[],
  maxResults: number,
  token: string | null,
  parameter = 'pagination_token',
) {
  if (token !== null && !/^[0-9a-v]{16,}$/.test(token))
    throw badValue(parameter, token, 'is not a valid pagination token');
  let olderThan: bigint | undefined;
  for (const char of token ?? '') olderThan = (olderThan ?? 0n) * 32n + BigInt(Number.parseInt(char, 32));
  const page = pageByIds(items, { limit: maxResults, olderThan: olderThan?.toString() });
  const newest = page.items[0];
  const oldest = page.items.at(-1);
  // X's `meta{result_count, newest_id, oldest_id, next_token}` (https://docs.x.com/x-api/fundamentals/pagination):
  // the ids are absent on an empty page, the token on the last page.
  const meta = {
    result_count: page.items.length,
    ...(newest === undefined ? {} : { newest_id: newest.id }),
    ...(oldest === undefined ? {} : { oldest_id: oldest.id }),
    ...(oldest !== undefined && page.hasOlder
      ? { next_token: BigInt(oldest.id).toString(32).padStart(16, '0') }
      : {}),
  };
  return { items: page.items, meta };
}
