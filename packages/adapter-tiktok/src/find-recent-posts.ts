import type { RequestContext } from '@smmkit/core';
import {
  clampPageSize,
  type HttpClient,
  matchRecentPosts,
  type RecentPost,
  type RecentPostsQuery,
} from '@smmkit/core/adapter-kit';
import { tiktokPostRef } from './post-ref.js';
import { VideoPageSchema } from './schemas.js';
import { videoObjectCaption } from './video-caption.js';

/** Videos one `POST /v2/video/list/` returns at most, and the default. */
const PAGE_SIZE = 20;
/** Pages read at most, so a long-lived account is never read to its first video. */
const MAX_PAGES = 5;

/**
 * The creator's recent public posts, for reconciling a publish whose answer was lost:
 * `POST /v2/video/list/?fields=id,title,video_description,create_time,share_url` with
 * `{max_count, cursor}`, newest
 * first, page after page until the posts are older than `query.since`
 * (https://developers.tiktok.com/doc/tiktok-api-v2-video-list; scope `video.list`). The list holds
 * only public posts: one TikTok is still moderating, or one posted to fewer people than everyone
 * (`SELF_ONLY`, friends, followers), is not listed, so its reconciliation stays `unknown`. A
 * post's text is its `video_description` (the caption, or a photo post's description), compared
 * on its first 150 characters.
 *
 * @param http - the adapter's HTTP client
 * @param query - since when, the caption, how many
 * @param context - the request context (the creator's token)
 * @returns the matching posts
 *
 * @example
 * ```ts
 * const found = await findRecentTikTokPosts(http, { since: new Date(Date.now() - 600_000), text: post.text }, ctx);
 * ```
 */
export async function findRecentTikTokPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  context: RequestContext,
): Promise<RecentPost[]> {
  const maxCount = clampPageSize(query.limit, PAGE_SIZE, PAGE_SIZE);
  const posts: RecentPost[] = [];
  let cursor: number | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { data } = await http.request({
      method: 'POST',
      path: '/v2/video/list/',
      operation: 'list recent videos',
      searchParams: { fields: 'id,title,video_description,create_time,share_url' },
      json: { max_count: maxCount, ...(cursor === undefined ? {} : { cursor }) },
      schema: VideoPageSchema,
      context,
    });
    const { videos, has_more: hasMore, cursor: next } = data.data;
    for (const video of videos) {
      posts.push({
        ref: tiktokPostRef(context.account.accountId, String(video.id), video.share_url ?? undefined),
        // The caption (or a photo post's description) the post was published with.
        text: video.video_description ?? video.title ?? '',
        createdAt: new Date((video.create_time ?? 0) * 1000),
      });
    }
    const oldest = posts.at(-1)?.createdAt;
    if (!hasMore || next === undefined || next === null || (oldest !== undefined && oldest < query.since))
      break;
    cursor = next;
  }
  return matchRecentPosts(posts, query, {
    // The list holds a caption's first 150 characters: compare those.
    normalize: videoObjectCaption,
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  });
}
