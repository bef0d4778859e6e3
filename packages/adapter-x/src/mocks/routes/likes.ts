import { obj, type RouteContext, str } from '@smmkit/testkit/simulator-kit';
import type { XContext } from '../context.js';
import { forbidden, invalidRequest, schemaErrors } from '../problems.js';
import { ID_PATTERN, malformedId, readJsonObject } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { selfServeLikeRefusal } from '../self-serve.js';

/**
 * `LikePostRequest` in https://api.x.com/2/openapi.json: `tweet_id` (`^[0-9]{1,19}$`) required, nothing else.
 */
const LIKE_POST_REQUEST = obj({ tweet_id: str({ pattern: ID_PATTERN }) }, ['tweet_id']);

/**
 * Declares the manage-likes endpoints (https://docs.x.com/x-api/posts/likes/quickstart/manage-likes;
 * `likePost`, `unlikePost` in https://api.x.com/2/openapi.json; scopes `like.write tweet.read users.read`):
 *
 * - `POST /2/users/:id/likes` `{"tweet_id":"…"}` → `{"data":{"liked":true}}`; a post that does not
 *   exist is X's 400 "This tweet cannot be found.";
 * - `DELETE /2/users/:id/likes/:tweet_id` → `{"data":{"liked":false}}`, also when it was not liked
 *   (ASSUMED for a post that does not exist: unliking is answered the same either way).
 *
 * `:id` must be the token's own user (a 403 otherwise, wording ASSUMED). Each endpoint has its own
 * 15-minute window and 24-hour cap per user, reported in `x-user-limit-24hour-*`. Likes are kept
 * per post and user (testkit's `sim.likes`).
 *
 * @example
 * ```ts
 * registerLikeRoutes(context); // POST /2/users/:id/likes, DELETE /2/users/:id/likes/:tweet_id
 * ```
 */
export function registerLikeRoutes(context: XContext): void {
  const { sim } = context;
  const likes = '/2/users/:id/likes';
  xRoute(context, 'POST', likes, ['likes-create', 'likes-create-24h'], 'like', async (route) => {
    assertSelf(route);
    const refused = selfServeLikeRefusal(context);
    if (refused !== undefined) return refused;
    const body = await readJsonObject(route.request);
    const problems = schemaErrors(LIKE_POST_REQUEST, body);
    if (problems.length > 0) return invalidRequest(problems);
    const postId = String(body.tweet_id);
    if (sim.posts.get(postId) === undefined)
      // The message of X's 400 for a like of a post that is gone or not visible (JoeMayo/LinqToTwitter#364).
      return invalidRequest([{ message: 'This tweet cannot be found.' }]);
    sim.likes.set(postId, route.accountId, true);
    return Response.json({ data: { liked: true } });
  });
  xRoute(context, 'DELETE', `${likes}/:tweet_id`, ['likes-delete', 'likes-delete-24h'], 'like', (route) => {
    assertSelf(route);
    const refused = selfServeLikeRefusal(context);
    if (refused !== undefined) return refused;
    const postId = String(route.params.tweet_id);
    if (!ID_PATTERN.test(postId)) return malformedId('tweet_id', postId, 'path');
    sim.likes.set(postId, route.accountId, false);
    return Response.json({ data: { liked: false } });
  });
}

/** Throws X's 400 for a malformed `:id`, or a 403 when it is not the token's user. */
function assertSelf({ params, accountId }: RouteContext): void {
  const userId = String(params.id);
  if (!ID_PATTERN.test(userId)) throw malformedId('id', userId, 'path');
  // The 403 for liking or unliking as another user than the token's (ASSUMED wording).
  if (userId !== accountId)
    throw forbidden('You are not permitted to like or unlike Tweets on behalf of another user.');
}
