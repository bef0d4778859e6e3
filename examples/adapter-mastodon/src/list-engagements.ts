import type {
  Engagement,
  EngagementKind,
  EngagementPage,
  EngagementQuery,
  PostRef,
  RequestContext,
} from '@smmkit/core';
import { clampPageSize, type HttpClient } from '@smmkit/core/adapter-kit';
import { nextMaxId } from './link-header.js';
import { ContextSchema, NotificationListSchema } from './schemas.js';
import { statusEngagement } from './status-engagement.js';

/** Notifications per page: Mastodon's default is 40 and its maximum 80 (methods/notifications#get). */
const DEFAULT_PAGE_SIZE = 40;
const MAX_PAGE_SIZE = 80;

/**
 * Pages of the account's engagement on Mastodon, newest first:
 *
 * - Without `query.post`: **mentions**, from `GET /api/v1/notifications?types[]=mention`
 *   (docs.joinmastodon.org: methods/notifications#get), paged by the `Link` header's
 *   `rel="next"` `max_id`, which is each page's `cursor`. Replies to the account's statuses
 *   arrive here too: Mastodon notifies a reply as a mention.
 * - With `query.post`: the **replies** under that post, at any depth, from
 *   `GET /api/v1/statuses/:id/context` → `descendants` (methods/statuses#context), in one page
 *   without a cursor. The account's own statuses there (its thread, its first comment) are
 *   left out.
 *
 * `query.kinds` picks which of the two is read (default both); `query.since` drops older
 * items and ends paging at the first one.
 *
 * @param http - the adapter's HTTP client
 * @param query - kinds, post, since, cursor and page size
 * @param context - the account, tokens, signal and rate-limit listener
 * @returns an async iterable of pages
 *
 * @example
 * ```ts
 * for await (const page of listMastodonEngagements(http, { kinds: ['mention'] }, ctx)) {
 *   inbox.push(...page.items);
 *   await saveCursor(page.cursor);
 * }
 * ```
 */
export async function* listMastodonEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const kinds: readonly EngagementKind[] = query.kinds ?? ['mention', 'reply'];
  if (query.post !== undefined) {
    // One page and no cursor: a cursor means that page was already handled.
    if (kinds.includes('reply') && query.cursor === undefined) {
      yield await replyPage(http, query.post, query.since, context);
    }
    return;
  }
  if (kinds.includes('mention')) yield* mentionPages(http, query, context);
}

async function* mentionPages(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const accountId = context.account.accountId;
  const limit = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  let maxId = query.cursor;
  for (;;) {
    const { data, headers } = await http.request({
      method: 'GET',
      path: '/api/v1/notifications',
      operation: 'list mentions',
      searchParams: { 'types[]': 'mention', limit, max_id: maxId },
      schema: NotificationListSchema,
      context,
    });
    if (data.length === 0) return;
    const items: Engagement[] = [];
    let reachedSince = false;
    for (const notification of data) {
      const { status } = notification;
      // Servers older than 3.5 ignore `types[]` (methods/notifications#get): filter here too.
      if (notification.type !== 'mention' || status == null) continue;
      // Notifications come newest first by when they were made, not by their status's time: a
      // status that federated late is older than the notification. Stop at the notifications,
      // so one late status does not end the walk before the newer mentions behind it.
      if (isBefore(notification.created_at, query.since)) {
        reachedSince = true;
        continue;
      }
      // A mention that replies to one of the account's statuses is about that status.
      const parentId = status.in_reply_to_account_id === accountId ? status.in_reply_to_id : undefined;
      const postRef: PostRef | undefined =
        parentId == null ? undefined : { platform: 'mastodon', accountId, platformPostId: parentId };
      items.push(statusEngagement(status, { accountId, kind: 'mention', postRef }));
    }
    // Mastodon links a next page after every non-empty page, the last included; a page shorter
    // than the limit is the last one, so it gets no cursor and paging stops without another call.
    const lastPage = reachedSince || data.length < limit;
    const next = lastPage ? undefined : nextMaxId(headers.get('link'));
    yield next === undefined ? { items } : { items, cursor: next };
    if (next === undefined) return;
    maxId = next;
  }
}

async function replyPage(
  http: HttpClient,
  post: PostRef,
  since: Date | undefined,
  context: RequestContext,
): Promise<EngagementPage> {
  const accountId = context.account.accountId;
  const { data } = await http.request({
    method: 'GET',
    path: `/api/v1/statuses/${encodeURIComponent(post.platformPostId)}/context`,
    operation: 'list replies',
    schema: ContextSchema,
    context,
  });
  const conversationId = data.ancestors[0]?.id ?? post.platformPostId;
  const items = data.descendants
    .filter((status) => status.account.id !== accountId && !isBefore(status.created_at, since))
    .map((status) => statusEngagement(status, { accountId, kind: 'reply', postRef: post, conversationId }));
  return { items };
}

function isBefore(timestamp: string, since: Date | undefined): boolean {
  return since !== undefined && Date.parse(timestamp) < since.getTime();
}
