import type { RequestContext } from '@smmkit/core';
import type { RecentPost, RecentPostsQuery } from '@smmkit/core/adapter-kit';
import { clampPageSize, type HttpClient, matchRecentPosts, systemClock } from '@smmkit/core/adapter-kit';
import { xPostRef } from './post-ref.js';
import { X_NOTE_FIELD, xPostText } from './post-text.js';
import { PostListResponseSchema } from './schemas.js';
import { createdTime, xTimestamp } from './x-time.js';

/**
 * `max_results` of GET /2/users/:id/tweets is 5–100 (https://api.x.com/2/openapi.json); 20 covers a short
 * window.
 */
const DEFAULT_LIMIT = 20;
const MIN_RESULTS = 5;
const MAX_RESULTS = 100;

/**
 * The account's posts created at or after `query.since`, newest first, for reconciling a create
 * whose outcome is unknown: `GET /2/users/:id/tweets?start_time=…`
 * (https://docs.x.com/x-api/posts/timelines/introduction; `getUsersPosts` in
 * https://api.x.com/2/openapi.json). One page is read: `since` is only a little before the ambiguous attempt.
 *
 * With `query.text`, only posts with that text are returned: a long post's whole text, from
 * `note_tweet` (its `text` holds only the start: see post-text.ts). X rewrites links to `t.co`, adds a
 * media link to the text of posts with media, and HTML-escapes `&`, `<` and `>`, so both sides
 * are compared NFC-normalised, unescaped, without URLs and with whitespace collapsed. With
 * `text: ''` (a post without text), only posts with media (`attachments.media_keys`) are, and
 * for a text that is only links, only posts without media: both compare equal to no text.
 *
 * @param http - the adapter's HTTP client
 * @param query - since, text and limit
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @param username - the account's username for URLs, when known
 * @returns the matching posts with X's text
 *
 * @example
 * ```ts
 * const found = await findRecentXPosts(http, { since: new Date(Date.now() - 60_000), text: post.text }, ctx);
 * ```
 */
export async function findRecentXPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  context: RequestContext,
  username?: string | undefined,
): Promise<RecentPost[]> {
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_RESULTS);
  const { data } = await http.request({
    method: 'GET',
    path: `/2/users/${encodeURIComponent(accountId)}/tweets`,
    operation: 'list recent posts',
    searchParams: {
      start_time: xTimestamp(query.since),
      max_results: Math.max(limit, MIN_RESULTS),
      'tweet.fields': `created_at,attachments,${X_NOTE_FIELD}`,
    },
    schema: PostListResponseSchema,
    context,
  });
  const now = new Date(clock.now());
  // X puts a media link in the text of a post with media, and the comparison drops links, so a
  // post without text and a post that is only a link both compare as no text: told apart by
  // their media (a post without text has some; one that is only a link, none).
  const linksOnly = query.text !== undefined && withoutXRewrites(query.text).trim() === '';
  const candidates = (data.data ?? []).filter((post) => {
    if (!linksOnly) return true;
    const hasMedia = (post.attachments?.media_keys ?? []).length > 0;
    return query.text === '' ? hasMedia : !hasMedia;
  });
  const recent = candidates.map((post) => {
    const text = xPostText(post);
    return {
      ref: xPostRef(post.id, accountId, username ?? context.account.handle),
      ...(text === undefined ? {} : { text }),
      createdAt: createdTime(post.created_at, post.id, now),
    };
  });
  return matchRecentPosts(recent, query, { limit, normalize: withoutXRewrites });
}

/** Text without what X rewrites: HTML entities unescaped, URLs (shortened to t.co) dropped. */
function withoutXRewrites(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/https?:\/\/\S+/gi, ' ');
}
