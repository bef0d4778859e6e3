import type { SimulatedPost } from '@smmkit/testkit';
import twitterText from 'twitter-text';
import { tweetExtra, type XContext } from '../context.js';
import { renderUser } from '../entities/index.js';
import { MENTIONS_CAP, USER_TWEETS_CAP } from '../limits.js';
import { jsonResponse, notFoundProblem } from '../problems.js';
import { listParam } from '../request-params.js';
import { missingScope, REQUIRED_SCOPES } from '../scopes.js';
import { answerTimeline } from '../timeline.js';

/**
 * Declares the user endpoints: me, lookup, the user's posts and mentions.
 *
 * @example
 * ```ts
 * registerUserRoutes(context); // GET /2/users/me, /2/users/:id, /2/users/:id/tweets, /2/users/:id/mentions
 * ```
 */
export function registerUserRoutes(context: XContext): void {
  const { sim } = context;

  // x-openapi.json getUsersMe. Declared before /2/users/:id, which would also match `me`.
  sim.route('GET', '/2/users/me', { bucket: 'users-me' }, ({ request, url, accountId }) => {
    const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.readUsers);
    if (scopeProblem !== undefined) return scopeProblem;
    const account = sim.accounts.get(accountId);
    if (account === undefined) return jsonResponse({ errors: [notFoundProblem('user', 'id', accountId)] });
    return jsonResponse({ data: renderUser(context, account, listParam(url, 'user.fields')) });
  });

  // x-openapi.json getUsersById; a missing user is a 200 with `errors` (ASSUMED by analogy with posts).
  sim.route('GET', '/2/users/:id', { bucket: 'users-lookup' }, ({ request, url, params }) => {
    const scopeProblem = missingScope(context, request, REQUIRED_SCOPES.readUsers);
    if (scopeProblem !== undefined) return scopeProblem;
    const id = String(params.id);
    const account = sim.accounts.get(id);
    if (account === undefined) return jsonResponse({ errors: [notFoundProblem('user', 'id', id)] });
    return jsonResponse({ data: renderUser(context, account, listParam(url, 'user.fields')) });
  });

  // x-openapi.json getUsersPosts: max_results 5..100 (default 10), the newest 3,200 posts;
  // `exclude=replies,retweets` (the simulator has no reposts, so only replies are excluded).
  sim.route('GET', '/2/users/:id/tweets', { bucket: 'users-tweets' }, (route) => {
    const scopeProblem = missingScope(context, route.request, REQUIRED_SCOPES.readTweets);
    if (scopeProblem !== undefined) return scopeProblem;
    const id = String(route.params.id);
    if (sim.accounts.get(id) === undefined)
      return jsonResponse({ errors: [notFoundProblem('user', 'id', id)] });
    const exclude = listParam(route.url, 'exclude');
    const posts = sim.posts.filter(
      (post) => post.accountId === id && !(exclude.has('replies') && post.inReplyToId !== undefined),
    );
    return answerTimeline(context, route, posts, {
      minResults: 5,
      maxResults: 100,
      defaultResults: 10,
      cap: USER_TWEETS_CAP,
      tokenParams: ['pagination_token'],
    });
  });

  // x.md "Engagement": mentions, up to the 800 most recent; x-openapi.json getUsersMentions
  // (max_results 5..100, default 10).
  sim.route('GET', '/2/users/:id/mentions', { bucket: 'users-mentions' }, (route) => {
    const scopeProblem = missingScope(context, route.request, REQUIRED_SCOPES.readTweets);
    if (scopeProblem !== undefined) return scopeProblem;
    const id = String(route.params.id);
    const account = sim.accounts.get(id);
    if (account === undefined) return jsonResponse({ errors: [notFoundProblem('user', 'id', id)] });
    const posts = sim.posts.filter((post) => mentions(post, account.id, account.handle));
    return answerTimeline(context, route, posts, {
      minResults: 5,
      maxResults: 100,
      defaultResults: 10,
      cap: MENTIONS_CAP,
      tokenParams: ['pagination_token'],
    });
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
