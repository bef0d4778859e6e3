import type { RouteContext } from '@smmkit/testkit/simulator-kit';
import { tweetExtra, type XContext } from '../context.js';
import { tweetsPayload } from '../entities/tweets-payload.js';
import { forbidden, invalidParameter, notFoundProblem, resourceNotFound } from '../problems.js';
import { badValue, ID_PATTERN, malformedId, readJsonObject } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { createTweet } from './create-tweet.js';

/**
 * Most ids one lookup takes ("up to 100": https://docs.x.com/x-api/posts/lookup/introduction; `ids` maxItems
 * 100 in https://api.x.com/2/openapi.json).
 */
const MAX_LOOKUP_IDS = 100;

/**
 * Declares the post endpoints: create, delete, lookup by ids, lookup by id, hide a reply.
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
  xRoute(context, 'POST', '/2/tweets', ['tweets-create', 'tweets-create-24h'], 'createTweet', createTweet);

  // Batch lookup (https://docs.x.com/x-api/posts/lookup/introduction) with partial `errors[]` for ids that
  // are not found (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
  xRoute(context, 'GET', '/2/tweets', 'tweets-lookup', 'readTweets', lookupTweets);

  // getPostsById (the spec): one post; a missing one is a 200 with only `errors` (as the batch lookup).
  xRoute(context, 'GET', '/2/tweets/:id', 'tweets-lookup-by-id', 'readTweets', (route) => {
    const id = String(route.params.id);
    const post = sim.posts.get(id);
    if (post === undefined) return Response.json({ errors: [notFoundProblem('tweet', 'id', id)] });
    const payload = tweetsPayload(context, [post], route);
    return Response.json({ ...payload, data: payload.data?.[0] });
  });

  // DELETE /2/tweets/:id → {"data":{"deleted":true}}; only the author may delete
  // (https://docs.x.com/x-api/posts/manage-tweets/introduction).
  xRoute(context, 'DELETE', '/2/tweets/:id', 'tweets-delete', 'deleteTweet', ({ params, accountId }) => {
    const id = String(params.id);
    const post = sim.posts.get(id);
    if (post === undefined) return resourceNotFound('tweet', 'id', id);
    // The 403 for deleting someone else's post (ASSUMED wording).
    if (post.accountId !== accountId) return forbidden('You are not authorized to delete this Tweet.');
    sim.posts.delete(id);
    return Response.json({ data: { deleted: true } });
  });

  // PUT /2/tweets/:tweet_id/hidden `{"hidden":true}` → `{"data":{"hidden":true}}`
  // (https://docs.x.com/x-api/posts/hide-replies/introduction; hidePostsReply in
  // https://api.x.com/2/openapi.json: "Hides or unhides a reply to a conversation owned by the authenticated
  // user"). The post must be a reply in a conversation whose root the caller wrote; otherwise a 403 (wording
  // ASSUMED). The state is kept in `extra.hidden` and mirrored on the matching engagement.
  const hidden = '/2/tweets/:tweet_id/hidden';
  xRoute(context, 'PUT', hidden, 'tweets-hide', 'hideReply', async ({ request, params, accountId }) => {
    const body = await readJsonObject(request);
    // The spec's HidePostsReplyRequest: `hidden` boolean, required.
    if (typeof body.hidden !== 'boolean')
      return invalidParameter('$.hidden', body.hidden ?? '', '$.hidden: is missing but it is required');
    const id = String(params.tweet_id);
    const reply = sim.posts.get(id);
    if (reply === undefined) return resourceNotFound('tweet', 'tweet_id', id);
    const root = sim.posts.get(tweetExtra(reply).conversationId);
    if (reply.inReplyToId === undefined || root === undefined || root.accountId !== accountId)
      // The 403 for hiding a reply in someone else's conversation (ASSUMED wording).
      return forbidden('You are not authorized to hide replies to this Tweet.');
    sim.posts.put({ ...reply, extra: { ...reply.extra, hidden: body.hidden } });
    const engagement = sim.engagements.get(id);
    if (engagement !== undefined) engagement.hidden = body.hidden;
    return Response.json({ data: { hidden: body.hidden } });
  });
}

/** GET /2/tweets?ids=… : found posts in request order, a Not Found Error per missing id. */
function lookupTweets(route: RouteContext, context: XContext): Response {
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
  return Response.json(tweetsPayload(context, found, route, problems));
}
