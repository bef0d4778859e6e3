import type { SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import { queryList, type RouteContext } from '@smmkit/testkit/simulator-kit';
import twitterText from 'twitter-text';
import type { XBucket } from '../budgets.js';
import { tweetExtra, type XContext } from '../context.js';
import { renderUser } from '../entities/user.js';
import { MENTIONS_CAP, USER_TWEETS_CAP, USER_TWEETS_WITHOUT_REPLIES_CAP } from '../limits.js';
import { notFoundProblem } from '../problems.js';
import { badValue } from '../request-params.js';
import { xRoute } from '../scopes.js';
import { answerTimeline } from '../timeline.js';

/** A username (`username` of getUsersByUsername in https://api.x.com/2/openapi.json). */
const USERNAME = /^[A-Za-z0-9_]{1,15}$/;

/**
 * Declares the user endpoints: me, lookup by id and by username, the user's posts and mentions.
 *
 * @example
 * ```ts
 * registerUserRoutes(context); // GET /2/users/me, /2/users/:id, /2/users/by/username/:username, /2/users/:id/tweets, /2/users/:id/mentions
 * ```
 */
export function registerUserRoutes(context: XContext): void {
  const { sim } = context;
  // A user's route; a missing user is a 200 with `errors` (ASSUMED by analogy with posts).
  const userRoute = (
    path: string,
    bucket: XBucket,
    scopes: 'readUsers' | 'readTweets',
    answer: (account: SimulatedAccount, route: RouteContext) => Response,
  ) =>
    xRoute(context, 'GET', path, bucket, scopes, (route) => {
      const id = route.params.id === undefined ? route.accountId : String(route.params.id);
      const account = sim.accounts.get(id);
      if (account === undefined) return Response.json({ errors: [notFoundProblem('user', 'id', id)] });
      return answer(account, route);
    });
  const user = (account: SimulatedAccount, { url }: RouteContext) =>
    Response.json({ data: renderUser(context, account, queryList(url, 'user.fields')) });

  // getUsersMe (https://api.x.com/2/openapi.json). Declared before /2/users/:id, which would also match `me`.
  userRoute('/2/users/me', 'users-me', 'readUsers', user);
  // getUsersById (https://api.x.com/2/openapi.json).
  userRoute('/2/users/:id', 'users-lookup', 'readUsers', user);

  // getUsersByUsername (https://api.x.com/2/openapi.json; https://docs.x.com/x-api/users/lookup/introduction):
  // the username matches `^[A-Za-z0-9_]{1,15}$`, regardless of case; an unknown one is a 200 carrying only a
  // "Not Found Error" problem.
  xRoute(context, 'GET', '/2/users/by/username/:username', 'users-by-username', 'readUsers', (route) => {
    const username = String(route.params.username);
    // Worded as X's other pattern refusals (ASSUMED: the docs show none for this parameter).
    if (!USERNAME.test(username))
      return badValue('username', username, `does not match ${USERNAME.source}`, 'path');
    const account = sim.accountByHandle(username);
    if (account === undefined)
      return Response.json({ errors: [notFoundProblem('user', 'username', username)] });
    return user(account, route);
  });

  // getUsersPosts (https://api.x.com/2/openapi.json): max_results 5..100 (default 10); the newest 3,200 posts
  // (https://docs.x.com/x-api/posts/timelines/introduction), only 800 with `exclude=replies`
  // (USER_TWEETS_WITHOUT_REPLIES_CAP); `exclude=replies,retweets` (the simulator has no reposts, so only
  // replies are excluded).
  userRoute('/2/users/:id/tweets', 'users-tweets', 'readTweets', (account, route) => {
    const replies = queryList(route.url, 'exclude').has('replies');
    const posts = sim.posts.filter(
      (post) => post.accountId === account.id && !(replies && post.inReplyToId !== undefined),
    );
    const cap = replies ? USER_TWEETS_WITHOUT_REPLIES_CAP : USER_TWEETS_CAP;
    return answerTimeline(context, route, posts, { minResults: 5, cap });
  });

  // Mentions, up to the 800 most recent (https://docs.x.com/x-api/posts/timelines/introduction);
  // getUsersMentions (max_results 5..100, default 10; https://api.x.com/2/openapi.json).
  userRoute('/2/users/:id/mentions', 'users-mentions', 'readTweets', (account, route) => {
    const posts = sim.posts.filter((post) => mentions(post, account.id, account.handle));
    return answerTimeline(context, route, posts, { minResults: 5, cap: MENTIONS_CAP });
  });
}

/**
 * Whether a post is in a user's mentions timeline: someone else's post that names `@username`
 * (extracted with twitter-text, as X parses mentions), or that replies to one of the user's posts
 * (X puts the replied-to author in the reply's mention metadata). Hidden replies still count.
 */
export function mentions(post: SimulatedPost, accountId: string, username: string): boolean {
  if (post.accountId === accountId) return false;
  if (tweetExtra(post).inReplyToUserId === accountId) return true;
  const wanted = username.toLowerCase();
  return twitterText.extractMentions(post.text).some((name) => name.toLowerCase() === wanted);
}
