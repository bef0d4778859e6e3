import type { RequestContext } from '@smmkit/core';
import type { RecentPost, RecentPostsQuery } from '@smmkit/core/adapter-kit';
import { clampPageSize, type HttpClient, matchRecentPosts } from '@smmkit/core/adapter-kit';
import { htmlToPlainText } from './html-to-text.js';
import { StatusListSchema } from './schemas.js';
import { statusRef } from './status-ref.js';

/** Statuses per request: Mastodon's default is 20 and its maximum 40 (methods/accounts#statuses). */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 40;

/**
 * The account's statuses created at or after `query.since`, newest first, for reconciling a
 * create whose outcome is unknown: `GET /api/v1/accounts/:id/statuses?exclude_reblogs=true`
 * (docs.joinmastodon.org: methods/accounts#statuses). One page is read (at most 40 statuses):
 * `since` is only a little before the ambiguous attempt.
 *
 * With `query.text`, only statuses with that text are returned. Mastodon stores text as HTML
 * (entities/Status `content`), so both sides are compared as plain text with whitespace
 * collapsed, and with mentions reduced to their username (`@ana@example.com` is shown as `@ana`).
 *
 * @param http - the adapter's HTTP client
 * @param query - since, text and limit
 * @param context - the account, tokens, signal and rate-limit listener
 * @returns the matching statuses with their plain text
 *
 * @example
 * ```ts
 * const found = await findRecentMastodonPosts(http, { since: new Date(Date.now() - 60_000), text: post.text }, ctx);
 * ```
 */
export async function findRecentMastodonPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  context: RequestContext,
): Promise<RecentPost[]> {
  const { accountId } = context.account;
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const { data } = await http.request({
    method: 'GET',
    path: `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`,
    operation: 'list recent statuses',
    searchParams: { limit, exclude_reblogs: true },
    schema: StatusListSchema,
    context,
  });
  const recent = data
    .filter((status) => status.reblog == null)
    .map((status) => ({
      ref: statusRef(status, accountId),
      text: htmlToPlainText(status.content),
      createdAt: new Date(status.created_at),
    }));
  return matchRecentPosts(recent, query, { normalize: withoutMentionDomains });
}

/** Mentions as the author typed them: Mastodon renders `@user@domain` as `@user` for local users. */
function withoutMentionDomains(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}_/@])@([\p{L}\p{N}_.-]+)@[\p{L}\p{N}.-]+/gu, '$1@$2');
}
