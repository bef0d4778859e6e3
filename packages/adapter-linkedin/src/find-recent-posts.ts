import type { RequestContext } from '@smmkit/core';
import {
  clampPageSize,
  type HttpClient,
  matchRecentPosts,
  type RecentPost,
  type RecentPostsQuery,
} from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { commentaryOf, linkIsInText } from './commentary.js';
import { plainFromLittleText } from './little-text.js';
import { PostsPageSchema } from './schemas.js';
import { encodeUrn, linkedInPostRef } from './urn.js';

/** Posts read when the query does not say, and the most one page of the finder gives. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * The author's recent posts, for reconciling a create whose answer was lost:
 * `GET /rest/posts?q=author&author={urn}&count={n}&sortBy=LAST_MODIFIED`, newest first
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
 * "Find Posts by Authors"). Their commentary is read back from the little format into the text a
 * user typed (escapes removed, `@Name` and `#tag` restored), so it compares with `query.text`,
 * or, for a `query.post` with media or a poll and a link, with its text and the link the adapter
 * appended to it.
 * Reshares (`reshareContext`) are left out: smmkit never creates one, and a reshare without
 * commentary would otherwise pass for a lost post without text (a media-only one).
 *
 * @param http - the adapter's HTTP client
 * @param query - since when, the text, how many
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock
 * @returns the matching posts
 *
 * @example
 * ```ts
 * const found = await findRecentLinkedInPosts(http, { since: new Date(Date.now() - 60_000), text: post.text }, undefined, ctx);
 * ```
 */
export async function findRecentLinkedInPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  author: string | undefined,
  context: RequestContext,
): Promise<RecentPost[]> {
  const owner = resolveAuthor(context, author);
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const { data } = await httpActingAs(http, owner).request({
    method: 'GET',
    path: `/rest/posts?q=author&author=${encodeUrn(owner)}&count=${limit}&sortBy=LAST_MODIFIED`,
    operation: 'list recent posts',
    schema: PostsPageSchema,
    context,
  });
  const posts = data.elements
    .filter((post) => post.reshareContext === undefined)
    .map((post) => ({
      ref: linkedInPostRef(post.id, context.account.accountId),
      text: plainFromLittleText(post.commentary ?? ''),
      createdAt: new Date(post.createdAt ?? post.publishedAt ?? 0),
    }));
  // A post with media or a poll carries its link at the end of its commentary: look for that.
  const sought = query.post !== undefined && linkIsInText(query.post) ? commentaryOf(query.post) : query.text;
  return matchRecentPosts(posts, { ...query, text: sought }, { limit });
}
