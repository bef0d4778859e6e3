import type { RequestContext } from '@smmkit/core';
import type { HttpClient, RecentPost } from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import { PageReelListSchema } from './schemas.js';
import { videoPagePostId } from './video-post-id.js';
import { facebookVideoRef } from './video-ref.js';

/** What to read of the Page's reels. */
export interface RecentReelsQuery {
  /** Reels created at or after this instant (sent as `since`, Unix seconds); all when absent. */
  readonly since?: Date | undefined;
  /** The most reels to read (one page). */
  readonly limit: number;
}

/**
 * One page of the Page's reels (created since `query.since`, when given), as recent posts:
 * `GET /{page-id}/video_reels?fields=id,description,created_time,permalink_url,post_id&since=…&limit=…`.
 * A Page's posts leave reels out ("This endpoint does not return Reels. To get a list of Reels
 * published to your Page, use the Page VideoReels edge":
 * https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations;
 * https://developers.facebook.com/docs/video-api/guides/reels-publishing, Get a List of Reels).
 * The edge returns Video nodes and takes `since` and `until` (Meta's spec of it,
 * facebook-business-sdk-codegen `api_specs/specs/Page.json`, `GET video_reels` → `AdVideo`).
 *
 * Each reel is referenced as its publish referenced it (see `facebookVideoRef`): by its Page post
 * id when the Video node names one, else by its video id, with its permalink; its text is its
 * `description`, and a reel without `created_time` is taken as created at `now`.
 *
 * @param http - the adapter's HTTP client
 * @param query - since and how many
 * @param context - the Page, its token and signal
 * @param now - when to date a reel Graph gives no `created_time`
 * @returns the reels, in Graph's order
 *
 * @example
 * ```ts
 * const reels = await readRecentFacebookReels(http, { since, limit: 25 }, ctx, new Date());
 * ```
 */
export async function readRecentFacebookReels(
  http: HttpClient,
  query: RecentReelsQuery,
  context: RequestContext,
  now: Date,
): Promise<RecentPost[]> {
  const pageId = context.account.accountId;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(pageId)}/video_reels`,
    operation: 'list recent reels',
    searchParams: {
      fields: 'id,description,created_time,permalink_url,post_id',
      since: query.since === undefined ? undefined : Math.floor(query.since.getTime() / 1000),
      limit: query.limit,
    },
    schema: PageReelListSchema,
    context,
  });
  return (data.data ?? []).map((reel) => ({
    ref: facebookVideoRef(
      {
        videoId: reel.id,
        postId: reel.post_id === undefined ? undefined : videoPagePostId(reel.post_id, pageId),
        permalink: reel.permalink_url,
      },
      pageId,
      true,
    ),
    ...(reel.description === undefined ? {} : { text: reel.description }),
    createdAt: parseGraphTime(reel.created_time) ?? now,
  }));
}
