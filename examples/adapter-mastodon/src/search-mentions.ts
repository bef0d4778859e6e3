import {
  type Engagement,
  type EngagementPage,
  type MentionSearchQuery,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import { clampPageSize, type HttpClient } from '@smmkit/core/adapter-kit';
import { nextMaxId } from './link-header.js';
import { StatusListSchema } from './schemas.js';
import { statusEngagement } from './status-engagement.js';

/** Statuses per page: "Defaults to 20 statuses. Max 40 statuses." (methods/timelines#tag). */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 40;

/** A `#hashtag` term: letters, digits and underscores after the `#`, as Mastodon's hashtags are. */
const HASHTAG = /^#([\p{L}\p{N}_]+)$/u;

/**
 * Public statuses by anyone that carry one of the query's hashtags, newest first, as `mention`
 * engagements of the account: `GET /api/v1/timelines/tag/:hashtag` with the other hashtags as
 * `any[]`, paged by the `Link` header's `rel="next"` `max_id`, which is each page's cursor
 * (https://docs.joinmastodon.org/methods/timelines/#tag). Mastodon has no full-text search of
 * public statuses that every server offers, so only the `#hashtag` terms are searched; the
 * timeline holds public statuses only, those the server knows of (its own and federated ones).
 * `query.since` drops older statuses and ends paging at the first one.
 *
 * @param http - the adapter's HTTP client
 * @param query - terms (the `#hashtags` are used), since, cursor and page size
 * @param context - the account, tokens, signal and rate-limit listener
 * @returns an async iterable of pages
 * @throws ValidationError (rule `search.hashtag_required`) when no term is a hashtag, before any request
 *
 * @example
 * ```ts
 * for await (const page of searchMastodonMentions(http, { terms: ['#acmecoffee', 'acme'] }, ctx)) inbox.push(...page.items);
 * ```
 */
export async function* searchMastodonMentions(
  http: HttpClient,
  query: MentionSearchQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const [first, ...others] = hashtagsOf(query.terms);
  if (first === undefined) {
    throw new ValidationError(
      [
        {
          path: ['terms'],
          rule: 'search.hashtag_required',
          message: 'Mastodon searches public statuses by hashtag only: give at least one #hashtag term',
        },
      ],
      'Mastodon mention search',
      { platform: 'mastodon' },
    );
  }
  const accountId = context.account.accountId;
  const limit = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  let maxId = query.cursor;
  for (;;) {
    const { data, headers } = await http.request({
      method: 'GET',
      path: `/api/v1/timelines/tag/${encodeURIComponent(first)}`,
      operation: 'search hashtags',
      searchParams: { 'any[]': others.length === 0 ? undefined : others, limit, max_id: maxId },
      schema: StatusListSchema,
      context,
    });
    if (data.length === 0) return;
    const since = query.since?.getTime();
    const items: Engagement[] = [];
    let reachedSince = false;
    for (const status of data) {
      if (since !== undefined && Date.parse(status.created_at) < since) {
        reachedSince = true;
        continue;
      }
      items.push(statusEngagement(status, { accountId, kind: 'mention' }));
    }
    // As for notifications, a next link follows every non-empty page: a short page is the last.
    const next = reachedSince || data.length < limit ? undefined : nextMaxId(headers.get('link'));
    yield next === undefined ? { items } : { items, cursor: next };
    if (next === undefined) return;
    maxId = next;
  }
}

/** The hashtags among the terms, without `#`, each once (Mastodon's hashtags ignore case). */
function hashtagsOf(terms: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const term of terms) {
    const name = HASHTAG.exec(term.trim())?.[1];
    if (name !== undefined && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}
