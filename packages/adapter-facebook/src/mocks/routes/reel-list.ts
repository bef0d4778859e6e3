import {
  fieldNames,
  graphPage,
  nonexistingField,
  pick,
  timeBounds,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { compareIds } from '@smmkit/testkit/simulator-kit';
import { READING_PERMISSIONS, READING_TASKS, requireUserGrants } from '../context.js';
import { isLive } from '../publication.js';
import { VIDEO_FIELDS, videoFieldsJson } from '../video-node.js';
import { type FacebookVideoContext, videoExtra } from '../video-posts.js';

/**
 * The fields a reel has when the request names none: `id`, `description` and `updated_time`
 * (ASSUMED: the fields Graph answers for a list of Video nodes without `fields`; the Reels
 * Publishing guide does not print its sample answer's request fields).
 */
const DEFAULT_FIELDS = 'id,description,updated_time';

/** Newest first by when the finish call was accepted (`created_time`), the later id first at the same instant. */
function newestFirst(a: SimulatedPost, b: SimulatedPost): number {
  return videoExtra(b).finishedAt - videoExtra(a).finishedAt || compareIds(b.id, a.id);
}

/**
 * `GET /{v}/{page-id}/video_reels`: the reels published on the Page, as Video nodes. Meta lists a
 * Page's reels only here — "This endpoint does not return Reels. To get a list of Reels published
 * to your Page, use the Page VideoReels edge" (https://developers.facebook.com/docs/graph-api/reference/pagepost/,
 * Limitations; https://developers.facebook.com/docs/video-api/guides/reels-publishing, Get a List
 * of Reels) — and Meta's own spec of the edge returns `AdVideo` nodes and takes `since` and
 * `until` (facebook-business-sdk-codegen `api_specs/specs/Page.json`, `GET video_reels`).
 *
 * - listed: the Page's reels once live (processed, at or after their scheduled time, not a draft,
 *   not failed), as "published" reads (ASSUMED: Meta does not say whether reels still processing,
 *   scheduled or drafts are in the list);
 * - `since` and `until` bound `created_time`, both ends kept, read as `timeBounds` reads them
 *   (ASSUMED: the spec names the parameters, not the time they bound);
 * - newest `created_time` first (ASSUMED: the order is not documented), paged as every Graph edge
 *   (`limit` default 25, a larger one than 100 read as 100, `after`/`before` cursors, `next`);
 * - `fields` from the Video node's (see `videoFieldsJson`; default {@link DEFAULT_FIELDS}); a
 *   field a Video does not have is refused as Graph refuses it, and the `comments` and `likes`
 *   edges are not expanded in the list (read them on the video id);
 * - reading takes `READING_PERMISSIONS` and one of `READING_TASKS`, as the Page's posts do
 *   (ASSUMED: the guide asks for `pages_read_engagement` among its permissions and names no task
 *   for reading).
 *
 * @param context - the video context
 *
 * @example
 * ```ts
 * registerReelListRoutes(context);
 * ```
 */
export function registerReelListRoutes(context: FacebookVideoContext): void {
  const { sim } = context;
  context.route(
    'GET',
    '/:version/:pageId/video_reels',
    {},
    ({ path, params, url, accountId, token, now }) => {
      const pageId = path.pageId ?? '';
      if (pageId !== accountId) return unsupportedRequest('GET', pageId);
      requireUserGrants(context, token, READING_PERMISSIONS, READING_TASKS);
      const fields = fieldNames(params.get('fields') ?? DEFAULT_FIELDS);
      const refused = nonexistingField(fields, VIDEO_FIELDS, 'Video');
      if (refused !== undefined) return refused;
      const { since, until } = timeBounds(params);
      const reels = sim.posts.filter((post) => {
        const video = videoExtra(post);
        return (
          post.accountId === pageId &&
          video.kind === 'reel' &&
          isLive(post, now) &&
          video.finishedAt >= since &&
          video.finishedAt <= until
        );
      });
      return graphPage(reels, { params, url }, { by: newestFirst }, (post) =>
        pick(videoFieldsJson(post, now, context.videoPostIdForm), fields),
      );
    },
  );
}
