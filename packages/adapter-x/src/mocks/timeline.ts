import { pageByIds, type RouteContext, type SimulatedPost } from '@smmkit/testkit';
import type { XContext } from './context.js';
import { readFieldSelection, tweetsPayload } from './entities/index.js';
import { paginate } from './pagination.js';
import { jsonResponse } from './problems.js';
import { firstProblem, idParam, maxResultsParam, timeParam } from './request-params.js';

/** Bounds of a timeline's `max_results` (x-openapi.json: 5..100 on user timelines, 10..100 on recent search). */
export interface TimelineRules {
  readonly minResults: number;
  readonly maxResults: number;
  readonly defaultResults: number;
  /** Only this many of the newest posts can be reached (800 mentions, 3,200 user posts). */
  readonly cap: number;
  /** The parameter that carries the page token (`pagination_token`, or `next_token` on search). */
  readonly tokenParams: readonly string[];
}

/**
 * Answers a post timeline the way X pages it: `since_id`, `until_id`, `start_time`, `end_time`
 * filter; the newest `cap` remain; `max_results` per page, newest first, with
 * `meta{result_count, newest_id, oldest_id, next_token}` (x.md "Engagement") and the usual
 * field selection and expansions.
 */
export function answerTimeline(
  context: XContext,
  route: RouteContext,
  posts: readonly SimulatedPost[],
  rules: TimelineRules,
): Response {
  const { url, accountId, now } = route;
  const maxResults = maxResultsParam(url, rules.minResults, rules.maxResults, rules.defaultResults);
  const sinceId = idParam(url, 'since_id');
  const untilId = idParam(url, 'until_id');
  const startTime = timeParam(url, 'start_time');
  const endTime = timeParam(url, 'end_time');
  const problem = firstProblem(maxResults, sinceId, untilId, startTime, endTime);
  if (problem !== undefined) return problem;

  const time = (post: SimulatedPost) =>
    !(typeof startTime === 'number' && post.createdAt < startTime) &&
    !(typeof endTime === 'number' && post.createdAt > endTime);
  const id = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const window = { newerThan: id(sinceId), olderThan: id(untilId), limit: rules.cap };
  const reachable = pageByIds(posts.filter(time), window).items;

  const tokenName = rules.tokenParams.find((name) => url.searchParams.has(name)) ?? rules.tokenParams[0];
  const token = tokenName === undefined ? null : url.searchParams.get(tokenName);
  const page = paginate(reachable, Number(maxResults), token, tokenName);
  if (page instanceof Response) return page;
  const payload = tweetsPayload(context, page.items, readFieldSelection(url), accountId, now);
  return jsonResponse({ ...payload, meta: page.meta });
}
