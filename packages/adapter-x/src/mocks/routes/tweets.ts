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
import { ID_PATTERN, malformedId } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { createTweet } from './create-tweet.js';

/** Most ids one lookup takes (x.md "Metrics": "up to 100 ids"; x-openapi.json `ids` maxItems 100). */
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

  // x.md "Publish"; x-openapi.json createPosts → 201 CreatePostsResponse.
  xRoute(context, 'POST', '/2/tweets', 'tweets-create', 'createTweet', (route) =>
    createTweet(context, route),
  );

  // x.md "Metrics": batch lookup with partial `errors[]` for ids that are not found.
  xRoute(context, 'GET', '/2/tweets', 'tweets-lookup', 'readTweets', (route) => lookupTweets(context, route));

  // x-openapi.json getPostsById: one post; a missing one is a 200 with only `errors` (as the batch lookup).
  xRoute(context, 'GET', '/2/tweets/:id', 'tweets-lookup', 'readTweets', (route) => {
    const id = String(route.params.id);
    const post = sim.posts.get(id);
    if (post === undefined) return jsonResponse({ errors: [notFoundProblem('tweet', 'id', id)] });
    const payload = tweetsPayload(context, [post], route);
    return jsonResponse({ ...payload, data: payload.data?.[0] });
  });

  // x.md "Publish": DELETE /2/tweets/:id → {"data":{"deleted":true}}; only the author may delete.
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
  // x-openapi.json getPostsByIds: `ids` is required, 1 to 100 ids of `^[0-9]{1,19}$` (messages ASSUMED).
  if (raw === null || raw === '')
    return invalidParameter('ids', '', 'The `ids` query parameter can not be empty');
  const ids = raw.split(',');
  if (ids.length > MAX_LOOKUP_IDS)
    return invalidParameter(
      'ids',
      raw,
      `The \`ids\` query parameter value [${raw}] is not between 1 and 100`,
    );
  const malformed = ids.find((id) => !ID_PATTERN.test(id));
  if (malformed !== undefined) return malformedId('ids', malformed);
  const found = ids.flatMap((id) => context.sim.posts.get(id) ?? []);
  const errors = ids.filter((id) => context.sim.posts.get(id) === undefined);
  const problems = errors.map((id) => notFoundProblem('tweet', 'ids', id));
  return jsonResponse(tweetsPayload(context, found, route, problems));
}
