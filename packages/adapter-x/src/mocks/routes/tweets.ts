import type { RouteContext } from '@smmkit/testkit';
import type { XContext } from '../context.js';
import { tweetsPayload } from '../entities/tweets-payload.js';
import {
  aboutBlank,
  DELETE_NOT_OWNER_DETAIL,
  invalidParameter,
  jsonResponse,
  notFoundProblem,
  resourceNotFound,
} from '../problems.js';
import { badValue, ID_PATTERN, malformedId } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { createTweet } from './create-tweet.js';

/**
 * Most ids one lookup takes ("up to 100": https://docs.x.com/x-api/posts/lookup/introduction; `ids` maxItems
 * 100 in https://api.x.com/2/openapi.json).
 */
const MAX_LOOKUP_IDS = 100;

/**
 * Declares the post endpoints: create, delete, lookup by ids, lookup by id.
 *
 * @example
 * ```ts
 * registerTweetRoutes(context); // POST|GET /2/tweets, GET|DELETE /2/tweets/:id
 * ```
 */
export function registerTweetRoutes(context: XContext): void {
  const { sim } = context;

  // https://docs.x.com/x-api/posts/create-post: createPosts → 201 CreatePostsResponse in
  // https://api.x.com/2/openapi.json.
  xRoute(context, 'POST', '/2/tweets', ['tweets-create', 'tweets-create-24h'], 'createTweet', (route) =>
    createTweet(context, route),
  );

  // Batch lookup (https://docs.x.com/x-api/posts/lookup/introduction) with partial `errors[]` for ids that
  // are not found (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
  xRoute(context, 'GET', '/2/tweets', 'tweets-lookup', 'readTweets', (route) => lookupTweets(context, route));

  // getPostsById (the spec): one post; a missing one is a 200 with only `errors` (as the batch lookup).
  xRoute(context, 'GET', '/2/tweets/:id', 'tweets-lookup', 'readTweets', (route) => {
    const id = String(route.params.id);
    const post = sim.posts.get(id);
    if (post === undefined) return jsonResponse({ errors: [notFoundProblem('tweet', 'id', id)] });
    const payload = tweetsPayload(context, [post], route);
    return jsonResponse({ ...payload, data: payload.data?.[0] });
  });

  // DELETE /2/tweets/:id → {"data":{"deleted":true}}; only the author may delete
  // (https://docs.x.com/x-api/posts/manage-tweets/introduction).
  xRoute(context, 'DELETE', '/2/tweets/:id', 'tweets-delete', 'deleteTweet', ({ params, accountId }) => {
    const id = String(params.id);
    const post = sim.posts.get(id);
    if (post === undefined) return resourceNotFound('tweet', 'id', id);
    if (post.accountId !== accountId) return aboutBlank(403, 'Forbidden', DELETE_NOT_OWNER_DETAIL);
    sim.posts.delete(id);
    return jsonResponse({ data: { deleted: true } });
  });
}

/** GET /2/tweets?ids=… : found posts in request order, a Not Found Error per missing id. */
function lookupTweets(context: XContext, route: RouteContext): Response {
  const raw = route.url.searchParams.get('ids');
  // getPostsByIds (the spec): `ids` is required, 1 to 100 ids of `^[0-9]{1,19}$` (messages ASSUMED).
  if (raw === null || raw === '')
    return invalidParameter('ids', '', 'The `ids` query parameter can not be empty');
  const ids = raw.split(',');
  if (ids.length > MAX_LOOKUP_IDS) return badValue('ids', raw, `is not between 1 and ${MAX_LOOKUP_IDS}`);
  const malformed = ids.find((id) => !ID_PATTERN.test(id));
  if (malformed !== undefined) return malformedId('ids', malformed);
  const found = ids.flatMap((id) => context.sim.posts.get(id) ?? []);
  const errors = ids.filter((id) => context.sim.posts.get(id) === undefined);
  const problems = errors.map((id) => notFoundProblem('tweet', 'ids', id));
  return jsonResponse(tweetsPayload(context, found, route, problems));
}
