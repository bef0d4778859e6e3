// What a self-serve app (`access: 'self-serve'`, the default) may not do on X: "Post creation
// restrictions (self-serve)" (https://docs.x.com/x-api/posts/manage-tweets/integrate): replies only
// where the original author summoned the replying account, at most 1 cashtag per post; and
// "Following, Likes, and Quote-Posts via the API have been removed from all self-serve tiers"
// (X's changelog, 16 April 2026, https://docs.x.com/changelog).
import type { SimulatedPost } from '@smmkit/testkit';
import type { JsonObject } from '@smmkit/testkit/simulator-kit';
import twitterText from 'twitter-text';
import { tweetExtra, type XContext } from './context.js';
import { forbidden } from './problems.js';
import { mentions } from './routes/users.js';

/**
 * X's refusal of a post a self-serve app may not create, or `undefined` (always for Enterprise).
 * The refusals are 403s, their wording ASSUMED (the docs say only that such a request "will be
 * rejected"): a quote post; more than 1 cashtag; a reply to another account's post whose author
 * neither @mentions the replying account nor quotes one of its posts. A reply to one's own post
 * (a thread) is allowed.
 *
 * @param context - the simulator's settings and posts
 * @param accountId - the account posting
 * @param body - the request body
 * @param parent - the post replied to, if any
 * @returns the refusal, or `undefined`
 *
 * @example
 * ```ts
 * const refused = selfServeRefusal(context, accountId, body, parent);
 * if (refused !== undefined) return refused;
 * ```
 */
export function selfServeRefusal(
  context: XContext,
  accountId: string,
  body: JsonObject,
  parent: SimulatedPost | undefined,
): Response | undefined {
  if (context.access !== 'self-serve') return undefined;
  if (body.quote_tweet_id !== undefined)
    return forbidden(
      'Quote posts through the API need Enterprise access: they are not available on self-serve access.',
    );
  const text = typeof body.text === 'string' ? body.text : '';
  // Counted with twitter-text itself, so the adapter's own count is checked against it.
  if (twitterText.extractCashtags(text).length > 1)
    return forbidden('A post created through the API may hold at most 1 cashtag.');
  if (parent !== undefined && parent.accountId !== accountId && !summoned(context, parent, accountId))
    return forbidden(
      'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
    );
  return undefined;
}

/**
 * Whether `post`'s author summoned `accountId`: the post is in its mentions (it @mentions the
 * account or replies to one of its posts, as X's mention metadata has it), or it quotes one of
 * the account's posts.
 */
function summoned(context: XContext, post: SimulatedPost, accountId: string): boolean {
  const handle = context.sim.accounts.get(accountId)?.handle ?? '';
  const quoted = tweetExtra(post).quoteTweetId;
  return (
    mentions(post, accountId, handle) ||
    (quoted !== undefined && context.sim.posts.get(quoted)?.accountId === accountId)
  );
}

/**
 * X's refusal of a like or an unlike by a self-serve app (removed from self-serve tiers), or
 * `undefined`. The wording is ASSUMED.
 *
 * @param context - the simulator's settings
 * @returns the refusal, or `undefined`
 *
 * @example
 * ```ts
 * const refused = selfServeLikeRefusal(context);
 * if (refused !== undefined) return refused;
 * ```
 */
export function selfServeLikeRefusal(context: XContext): Response | undefined {
  return context.access === 'self-serve'
    ? forbidden('Likes through the API need Enterprise access: they are not available on self-serve access.')
    : undefined;
}
