import type { Post, RequestContext } from '@smmkit/core';
import type { RecentPost, RecentPostsQuery } from '@smmkit/core/adapter-kit';
import { clampPageSize, type HttpClient, matchRecentPosts, systemClock } from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { InstagramPostOptionsSchema } from './post-options.js';
import { instagramPostRef } from './post-ref.js';
import { MediaListSchema } from './schemas.js';

/** Posts to read when the query does not say. */
const DEFAULT_LIMIT = 20;
/** The largest page asked for. */
const MAX_LIMIT = 100;

/**
 * The account's media and stories created at or after `query.since`, newest first, for
 * reconciling a publish whose outcome is unknown: `GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink&since=…`
 * (IGUser.json `GET media` takes `since`; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media)
 * or, for a story (`query.post` with `options.instagram.format: 'story'`), `GET /{ig-user-id}/stories`
 * with the same fields, since `media` leaves stories out
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories);
 * both when the query has no post. One page of each is read.
 *
 * With `query.text`, only media whose caption matches is returned, both sides compared
 * NFC-normalised with whitespace collapsed.
 *
 * @param http - the adapter's HTTP client
 * @param query - since, text and limit
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns the matching posts with their captions
 *
 * @example
 * ```ts
 * const found = await findRecentInstagramPosts(http, { since: new Date(Date.now() - 600_000), text: post.text }, ctx);
 * ```
 */
export async function findRecentInstagramPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  context: RequestContext,
): Promise<RecentPost[]> {
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const list = async (edge: 'media' | 'stories', since?: number) => {
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(accountId)}/${edge}`,
      operation: `list recent ${edge}`,
      searchParams: {
        fields: 'id,caption,timestamp,permalink',
        ...(since === undefined ? {} : { since }),
        limit,
      },
      schema: MediaListSchema,
      context,
    });
    return data.data ?? [];
  };
  // Stories are not in `media` ("Story IG Media not supported, use the GET /<IG_USER_ID>/stories
  // endpoint instead"); `stories` takes no `since`, and holds the last 24 hours. A story is looked
  // for among stories only and any other post among media only, so that neither is taken for the
  // other (neither needs a caption); without the post, both are read.
  const edges = edgesFor(query.post);
  const lists = await Promise.all([
    edges.media ? list('media', Math.floor(query.since.getTime() / 1000)) : [],
    edges.stories ? list('stories') : [],
  ]);
  const now = new Date(clock.now());
  const recent = lists
    .flat()
    .map((item) => ({
      ref: instagramPostRef(item.id, accountId, item.permalink),
      ...(item.caption === undefined ? {} : { text: item.caption }),
      createdAt: parseGraphTime(item.timestamp) ?? now,
    }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return matchRecentPosts(recent, query, { limit });
}

/** Which edges can hold `post`: `stories` for a story, `media` for anything else, both when unknown. */
function edgesFor(post: Post | undefined): { readonly media: boolean; readonly stories: boolean } {
  if (post === undefined) return { media: true, stories: true };
  const options = z.safeParse(InstagramPostOptionsSchema, post.options?.instagram ?? {});
  const story = options.success && options.data.format === 'story';
  return { media: !story, stories: story };
}
