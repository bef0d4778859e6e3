import type { SimulatedPost } from '@smmkit/testkit';
import { tweetExtra, type XContext } from '../context.js';
import { RECENT_SEARCH_WINDOW_MS } from '../limits.js';
import { invalidParameter } from '../problems.js';
import { xRoute } from '../scopes.js';
import { answerTimeline } from '../timeline.js';

/**
 * GET /2/tweets/search/recent (x.md "Engagement": replies to a post with
 * `query=conversation_id:<id>`, last 7 days; the window bounds it, not a count). The simulator
 * understands the operators `conversation_id:<id>`, `from:<username>` and `to:<username>`,
 * combined with spaces (AND); any other query is refused with a 400 that says it is not
 * simulated. Conversation searches leave the root out, as X matches the replies only. Tokens come
 * as `next_token` or `pagination_token`.
 *
 * @example
 * ```ts
 * registerSearchRoute(context);
 * ```
 */
export function registerSearchRoute(context: XContext): void {
  xRoute(context, 'GET', '/2/tweets/search/recent', 'search-recent', 'readTweets', (route) => {
    const query = route.url.searchParams.get('query') ?? '';
    const matcher = compileQuery(context, query);
    if (matcher === undefined)
      return invalidParameter(
        'query',
        query,
        `smmkit X simulator: only conversation_id:, from: and to: queries are simulated, got [${query}]`,
      );
    const recent = (post: SimulatedPost) => route.now - post.createdAt <= RECENT_SEARCH_WINDOW_MS;
    const posts = context.sim.posts.filter((post) => recent(post) && matcher(post));
    const tokenParams = ['next_token', 'pagination_token'];
    return answerTimeline(context, route, posts, {
      minResults: 10,
      cap: Number.MAX_SAFE_INTEGER,
      tokenParams,
    });
  });
}

function compileQuery(context: XContext, query: string): ((post: SimulatedPost) => boolean) | undefined {
  const terms = query.split(/\s+/).filter((term) => term !== '');
  if (terms.length === 0) return undefined;
  const tests: ((post: SimulatedPost) => boolean)[] = [];
  for (const term of terms) {
    const [operator, value = ''] = term.split(/:(.*)/s);
    const userId = context.sim.accountByHandle(value.replace(/^@/, ''))?.id;
    if (value === '') return undefined;
    else if (operator === 'conversation_id')
      tests.push((post) => post.id !== value && tweetExtra(post).conversationId === value);
    else if (operator === 'from') tests.push((post) => post.accountId === userId);
    else if (operator === 'to')
      tests.push((post) => userId !== undefined && tweetExtra(post).inReplyToUserId === userId);
    else return undefined;
  }
  return (post) => tests.every((test) => test(post));
}
