import type { RouteContext } from '@smmkit/testkit';
import type { XContext } from '../context.js';
import { readFieldSelection, tweetsPayload } from '../entities/index.js';
import {
  aboutBlank,
  DELETE_NOT_OWNER_DETAIL,
  invalidParameter,
  jsonResponse,
  notFoundProblem,
  type ProblemObject,
  resourceNotFound,
} from '../problems.js';
import { ID_PATTERN } from '../request-params.js';
import { missingScope, REQUIRED_SCOPES } from '../scopes.js';
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
  sim.route('POST', '/2/tweets', { bucket: 'tweets-create' }, (route) => createTweet(context, route));

  // x.md "Metrics": batch lookup with partial `errors[]` for ids that are not found.
  sim.route('GET', '/2/tweets', { bucket: 'tweets-lookup' }, (route) => lookupTweets(context, route));

  // x-openapi.json getPostsById: one post; a missing one is a 200 with only `errors` (as the batch lookup).
  sim.route(
    'GET',
    '/2/tweets/:id',
    { bucket: 'tweets-lookup' },
    ({ request, url, params, accountId, now }) => {
      const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.readTweets);
      if (scopeProblem !== undefined) return scopeProblem;
      const id = String(params.id);
      const post = sim.posts.get(id);
      const selection = readFieldSelection(url);
      if (post === undefined) return jsonResponse({ errors: [notFoundProblem('tweet', 'id', id)] });
      const payload = tweetsPayload(context, [post], selection, accountId, now);
      return jsonResponse({ ...payload, data: payload.data?.[0] });
    },
  );

  // x.md "Publish": DELETE /2/tweets/:id → {"data":{"deleted":true}}; only the author may delete.
  sim.route('DELETE', '/2/tweets/:id', { bucket: 'tweets-delete' }, ({ request, params, accountId }) => {
    const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.deleteTweet);
    if (scopeProblem !== undefined) return scopeProblem;
    const id = String(params.id);
    const post = sim.posts.get(id);
    if (post === undefined) return resourceNotFound('tweet', 'id', id);
    if (post.accountId !== accountId) return aboutBlank(403, 'Forbidden', DELETE_NOT_OWNER_DETAIL);
    sim.posts.delete(id);
    return jsonResponse({ data: { deleted: true } });
  });
}

/** GET /2/tweets?ids=… : found posts in request order, a Not Found Error per missing id. */
function lookupTweets(context: XContext, { request, url, accountId, now }: RouteContext): Response {
  const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.readTweets);
  if (scopeProblem !== undefined) return scopeProblem;
  const raw = url.searchParams.get('ids');
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
  if (malformed !== undefined)
    return invalidParameter(
      'ids',
      malformed,
      `The \`ids\` query parameter value [${malformed}] does not match ^[0-9]{1,19}$`,
    );
  const found = [];
  const errors: ProblemObject[] = [];
  for (const id of ids) {
    const post = context.sim.posts.get(id);
    if (post === undefined) errors.push(notFoundProblem('tweet', 'ids', id));
    else found.push(post);
  }
  return jsonResponse(tweetsPayload(context, found, readFieldSelection(url), accountId, now, errors));
}
