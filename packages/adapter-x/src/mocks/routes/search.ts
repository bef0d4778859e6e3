import type { SimulatedPost } from '@smmkit/testkit';
import { tweetExtra, type XContext } from '../context.js';
import { RECENT_SEARCH_WINDOW_MS } from '../limits.js';
import { invalidParameter } from '../problems.js';
import { missingScope, REQUIRED_SCOPES } from '../scopes.js';
import { answerTimeline } from '../timeline.js';

/** Recent search is bounded by its 7-day window, not by a count. */
const SEARCH_CAP = Number.MAX_SAFE_INTEGER;

/**
 * GET /2/tweets/search/recent (x.md "Engagement": replies to a post with
 * `query=conversation_id:<id>`, last 7 days). The simulator understands the operators
 * `conversation_id:<id>`, `from:<username>` and `to:<username>`, combined with spaces (AND); any
 * other query is refused with a 400 that says it is not simulated. Conversation searches leave the
 * root out, as X matches the replies only. Tokens come as `next_token` or `pagination_token`.
 *
 * @example
 * ```ts
 * registerSearchRoute(context);
 * ```
 */
export function registerSearchRoute(context: XContext): void {
  const { sim } = context;
  sim.route('GET', '/2/tweets/search/recent', { bucket: 'search-recent' }, (route) => {
    const scopeProblem = missingScope(context, route.request, REQUIRED_SCOPES.readTweets);
    if (scopeProblem !== undefined) return scopeProblem;
    const query = route.url.searchParams.get('query') ?? '';
    const matcher = compileQuery(context, query);
    if (matcher === undefined)
      return invalidParameter(
        'query',
        query,
        `smmkit X simulator: only conversation_id:, from: and to: queries are simulated, got [${query}]`,
      );
    const posts = sim.posts.filter(
      (post) => route.now - post.createdAt <= RECENT_SEARCH_WINDOW_MS && matcher(post),
    );
    return answerTimeline(context, route, posts, {
      minResults: 10,
      maxResults: 100,
      defaultResults: 10,
      cap: SEARCH_CAP,
      tokenParams: ['next_token', 'pagination_token'],
    });
  });
}

function compileQuery(context: XContext, query: string): ((post: SimulatedPost) => boolean) | undefined {
  const terms = query
    .trim()
    .split(/\s+/)
    .filter((term) => term !== '');
  if (terms.length === 0) return undefined;
  const tests: ((post: SimulatedPost) => boolean)[] = [];
  for (const term of terms) {
    const [operator, value = ''] = term.split(/:(.*)/s);
    if (value === '') return undefined;
    if (operator === 'conversation_id') {
      tests.push((post) => post.id !== value && tweetExtra(post).conversationId === value);
    } else if (operator === 'from') {
      const id = context.sim.accountByHandle(value.replace(/^@/, ''))?.id;
      tests.push((post) => post.accountId === id);
    } else if (operator === 'to') {
      const id = context.sim.accountByHandle(value.replace(/^@/, ''))?.id;
      tests.push((post) => id !== undefined && tweetExtra(post).inReplyToUserId === id);
    } else {
      return undefined;
    }
  }
  return (post) => tests.every((test) => test(post));
}
