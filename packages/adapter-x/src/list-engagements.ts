import type {
  Engagement,
  EngagementKind,
  EngagementPage,
  EngagementQuery,
  RequestContext,
} from '@smmkit/core';
import { clampPageSize, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import {
  decodeXCursor,
  invalidCursor,
  type XEngagementPosition,
  type XEngagementSource,
} from './engagement-cursor.js';
import { readXSource, type XFetchPage } from './engagement-pages.js';
import { usersById, xDmEngagement, xPostEngagement } from './post-engagement.js';
import { fetchXPostPages, xRecentSearch } from './post-engagement-pages.js';
import { DmEventListResponseSchema } from './schemas.js';
import { xTimestamp } from './x-time.js';

/** Items per page when the query does not say: X's largest page, for the fewest requests. */
const DEFAULT_PAGE_SIZE = 100;
/** The sources of this listing (brand-mention search is `searchXMentions`'). */
type ListedSource = Exclude<XEngagementSource, 'search'>;
/**
 * `max_results` bounds per source (mentions 5–100, search 10–100, dm_events 1–100:
 * https://api.x.com/2/openapi.json).
 */
const PAGE_BOUNDS: Readonly<Record<ListedSource, readonly [number, number]>> = {
  mention: [5, 100],
  reply: [10, 100],
  direct_message: [1, 100],
};

/**
 * Pages of the account's engagement on X, newest first
 * (https://docs.x.com/x-api/posts/timelines/introduction, https://docs.x.com/x-api/posts/search/introduction,
 * https://docs.x.com/x-api/direct-messages/lookup/introduction):
 *
 * - Without `query.post`: **mentions** from `GET /2/users/:id/mentions` (up to the 800 most
 *   recent; `since` → `start_time`), then **direct messages** from `GET /2/dm_events`
 *   (`event_types=MessageCreate`, messages the account sent left out). A mention that replies to
 *   one of the account's posts is a `reply` about that post.
 * - With `query.post`: the **replies** in its conversation, from `GET /2/tweets/search/recent`
 *   `query=conversation_id:<id>` (the last 7 days). The account's own posts (its thread, its
 *   first comment) are left out.
 *
 * `query.kinds` picks what is read (default: all three); reading DMs needs the `dm.read` scope,
 * so pass `kinds: ['mention', 'reply']` for tokens without it. Authors' handles come from
 * `expansions=author_id` / `sender_id`. Every page's `cursor` resumes right after it; the last
 * page has none. X's pages hold at least 5 (mentions) or 10 (search) items, so a smaller
 * `pageSize` is served by splitting X's pages; inside a page, post timelines resume with
 * `until_id` (the last post handed out), so posts arriving in between do not shift the cursor.
 *
 * @param http - the adapter's HTTP client
 * @param query - kinds, post, since, cursor and page size
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns an async iterable of pages
 * @throws ValidationError (`cursor.invalid`) for a cursor that is not from this listing
 *
 * @example
 * ```ts
 * for await (const page of listXEngagements(http, { kinds: ['mention'] }, ctx)) {
 *   inbox.push(...page.items);
 *   await saveCursor(page.cursor);
 * }
 * ```
 */
export async function* listXEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const kinds: readonly EngagementKind[] = query.kinds ?? ['mention', 'reply', 'direct_message'];
  const sources: ListedSource[] =
    query.post !== undefined
      ? kinds.includes('reply')
        ? ['reply']
        : []
      : [
          ...(kinds.includes('mention') || kinds.includes('reply') ? (['mention'] as const) : []),
          ...(kinds.includes('direct_message') ? (['direct_message'] as const) : []),
        ];
  const pageSize = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, 100);
  const sizeFor = (source: ListedSource): number => {
    const [min, max] = PAGE_BOUNDS[source];
    return Math.min(Math.max(pageSize, min), max);
  };
  const start = query.cursor === undefined ? undefined : decodeXCursor(query.cursor);
  const first = start === undefined ? 0 : (sources as readonly XEngagementSource[]).indexOf(start.source);
  if (first < 0) throw invalidCursor();

  for (let index = first; index < sources.length; index++) {
    const source = sources[index] as ListedSource;
    const next = sources[index + 1];
    const position: XEngagementPosition =
      index === first && start !== undefined ? start : { source, size: sizeFor(source), skip: 0 };
    const after = next === undefined ? undefined : { source: next, size: sizeFor(next), skip: 0 };
    yield* readXSource(
      position,
      pageSize,
      sizeFor(source),
      fetcherFor(source, http, query, kinds, context),
      after,
    );
  }
}

function fetcherFor(
  source: ListedSource,
  http: HttpClient,
  query: EngagementQuery,
  kinds: readonly EngagementKind[],
  context: RequestContext,
): XFetchPage {
  const accountId = context.account.accountId;
  const clock = context.clock ?? systemClock;
  const since = query.since;
  const isBefore = (item: Engagement): boolean => since !== undefined && item.createdAt < since;

  if (source === 'mention') {
    return fetchXPostPages(http, context, {
      path: `/2/users/${encodeURIComponent(accountId)}/mentions`,
      operation: 'list mentions',
      searchParams: ({ token, size, untilId }) => ({
        max_results: size,
        pagination_token: token,
        until_id: untilId,
        start_time: since === undefined ? undefined : xTimestamp(since),
      }),
      since,
      engagement: (post, where) => {
        const item = xPostEngagement(post, where);
        return item === undefined || !kinds.includes(item.kind) ? undefined : item;
      },
    });
  }

  const post = query.post;
  if (source === 'reply' && post !== undefined) {
    return fetchXPostPages(http, context, {
      ...xRecentSearch(`conversation_id:${post.platformPostId}`, since),
      operation: 'list replies',
      since,
      engagement: (found, where) => xPostEngagement(found, where, { kind: 'reply', postRef: post }),
    });
  }

  return async ({ token, size }) => {
    if (source !== 'direct_message') throw new TypeError(`listXEngagements: no reader for ${source}`);
    const { data } = await http.request({
      method: 'GET',
      path: '/2/dm_events',
      operation: 'list direct messages',
      searchParams: {
        max_results: size,
        pagination_token: token,
        event_types: 'MessageCreate',
        'dm_event.fields': 'id,text,created_at,sender_id,dm_conversation_id,event_type',
        expansions: 'sender_id',
        'user.fields': 'username,name',
      },
      schema: DmEventListResponseSchema,
      context,
    });
    const where = { accountId, users: usersById(data.includes?.users), now: new Date(clock.now()) };
    const entries: (Engagement | undefined)[] = [];
    const ids: string[] = [];
    // DM events come newest first and the endpoint takes no start_time: stop at the first older one.
    for (const event of data.data ?? []) {
      const item = xDmEngagement(event, where);
      if (item !== undefined && isBefore(item)) return { entries, ids };
      const incoming =
        event.sender_id !== accountId && (event.event_type ?? 'MessageCreate') === 'MessageCreate';
      entries.push(incoming ? item : undefined);
      ids.push(event.id);
    }
    return { entries, ids, next: data.meta?.next_token };
  };
}
