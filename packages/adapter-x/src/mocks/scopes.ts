import type { RouteContext, RouteMethod } from '@smmkit/testkit/simulator-kit';
import type { XBucket } from './budgets.js';
import type { XContext } from './context.js';
import { blankProblem, creditsDepleted, spendCapReached } from './problems.js';

/**
 * The scopes each endpoint needs (`security` → OAuth2UserToken of each operation in
 * https://api.x.com/2/openapi.json; media upload needs `media.write`,
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code).
 */
const REQUIRED_SCOPES = {
  createTweet: ['tweet.read', 'tweet.write', 'users.read'],
  deleteTweet: ['tweet.read', 'tweet.write', 'users.read'],
  readTweets: ['tweet.read', 'users.read'],
  readUsers: ['tweet.read', 'users.read'],
  media: ['media.write'],
  hideReply: ['tweet.read', 'users.read', 'tweet.moderate.write'],
  like: ['like.write', 'tweet.read', 'users.read'],
  readDirectMessages: ['dm.read', 'tweet.read', 'users.read'],
  sendDirectMessage: ['dm.write', 'tweet.read', 'users.read'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Every scope the adapter uses, granted by default to accounts made with `addAccount`: those its
 * endpoints need, then `offline.access` for a refresh token (scopes:
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code; `like.write` is what
 * `likePost` in https://api.x.com/2/openapi.json needs). In order: `tweet.read`, `tweet.write`,
 * `users.read`, `media.write`, `tweet.moderate.write`, `like.write`, `dm.read`, `dm.write`,
 * `offline.access`.
 */
export const DEFAULT_SCOPES: readonly string[] = [
  ...new Set([...Object.values(REQUIRED_SCOPES).flat(), 'offline.access']),
];

/**
 * Declares an X endpoint: it counts against `bucket` (a 15-minute window, then the route's 24-hour cap
 * when it has one: `['tweets-create', 'tweets-create-24h']`), and a token that lacks one of the `scopes`
 * it needs gets X's 403 before `answer` runs (the generic `Forbidden` problem; users hitting it for
 * a missing `tweet.write`/`like.write` quote that body), and every request gets X's 402 while the app's
 * credits are used up (`depleteCredits`), or X's 403 `spend-cap-reached` while its spending limit is
 * reached (`reachSpendCap`). Both are ASSUMED to be checked before the scopes, as the docs make the
 * app's balance and spending limit gates on all of its requests
 * (https://docs.x.com/x-api/getting-started/pricing), and credits before the limit. A token issued without any scope (straight
 * from `sim.tokens.issue`) is treated as having them all. `answer`, and the readers it calls
 * (`readJsonObject`, `maxResultsParam`, …), may throw X's refusal (a `Response`) instead of returning
 * it: a thrown `Response` is the answer (testkit's `RouteResolver`). `answer` gets the route and the X
 * context, so a handler declared apart is passed as it is.
 *
 * @example
 * ```ts
 * xRoute(context, 'DELETE', '/2/tweets/:id', 'tweets-delete', 'deleteTweet', ({ params }) => …);
 * ```
 */
export function xRoute(
  context: XContext,
  method: RouteMethod,
  path: string,
  bucket: XBucket | readonly XBucket[],
  scopes: keyof typeof REQUIRED_SCOPES,
  answer: (route: RouteContext, context: XContext) => Response | Promise<Response>,
): void {
  context.sim.route(method, path, { bucket }, (route) => {
    if (context.credits.depleted) return creditsDepleted();
    if (context.credits.spendCapReached) return spendCapReached();
    const needed: readonly string[] = REQUIRED_SCOPES[scopes];
    if (route.scopes.length > 0 && !needed.every((scope) => route.scopes.includes(scope)))
      // The generic 403 X answers when a token lacks a scope (plhery/node-twitter-api-v2#265,
      // xdevplatform/twitter-api-java-sdk#42).
      return blankProblem('Forbidden', 403);
    return answer(route, context);
  });
}
