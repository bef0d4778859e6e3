import {
  fieldNames,
  graphPage,
  graphTime,
  pick,
  timeBounds,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { compareIds, growingCount } from '@smmkit/testkit/simulator-kit';
import {
  DELETING_PERMISSIONS,
  DELETING_TASKS,
  type FacebookContext,
  READING_PERMISSIONS,
  READING_TASKS,
  requireUserGrants,
} from '../context.js';
import { isLive } from '../publication.js';
import { postNamed, postOrVideoNamed, videoExtra } from '../video-posts.js';

/**
 * A post as Graph writes it, under its Post id: a video's is its Page post's, as the simulator
 * stores it (see `storeVideoPost`), never the video id
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed/ lists Posts).
 */
function postJson(post: SimulatedPost): Record<string, unknown> {
  return {
    id: post.id,
    ...(post.text === '' ? {} : { message: post.text }),
    created_time: graphTime(post.createdAt),
    permalink_url: `https://www.facebook.com/${post.id}`,
  };
}

/** The feed's order: newest `created_time` first, the later-made post first at the same second. */
function newestCreatedFirst(a: SimulatedPost, b: SimulatedPost): number {
  return b.createdAt - a.createdAt || compareIds(b.id, a.id);
}

/** How fast a post's counts grow in the simulator, per hour after publishing (made-up figures). */
const PER_HOUR = { shares: 3, comments: 6, reactions: 40 } as const;

/**
 * A post's counts as `fields=shares,comments.summary(true),reactions.summary(true)` answers them
 * (https://developers.facebook.com/docs/graph-api/reference/post/). A post no one has shared has no
 * `shares` field, as Graph leaves it out rather than writing `{count: 0}` (ASSUMED: the reference
 * does not say so); the summaries are there at 0.
 */
function countsJson(post: SimulatedPost, now: number): Record<string, unknown> {
  const age = now - post.createdAt;
  const count = (metric: keyof typeof PER_HOUR) => growingCount(post.id, metric, age, PER_HOUR[metric]);
  const shares = count('shares');
  return {
    id: post.id,
    ...(shares === 0 ? {} : { shares: { count: shares } }),
    comments: { data: [], summary: { total_count: count('comments') } },
    reactions: { data: [], summary: { total_count: count('reactions') } },
  };
}

/**
 * `GET /{v}/{page-id}/posts` (newest first, `since` and `until` in Unix seconds or a date as
 * `timeBounds` reads them, `fields`, paged with `limit`, `after` and `before` as every edge; never
 * a reel, which Meta lists under `video_reels` only) and `DELETE /{v}/{post-id}` → `{success:true}` for the Page's own posts
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed,
 * https://developers.facebook.com/docs/pages-api/posts), and `GET /{v}/{id}` for a post's counts
 * (`shares`, `comments.summary(true)`, `reactions.summary(true)`) or a Page's `followers_count`
 * (https://developers.facebook.com/docs/graph-api/reference/post/,
 * https://developers.facebook.com/docs/graph-api/reference/page/). Reading the posts takes
 * `READING_PERMISSIONS` and one of `READING_TASKS`, deleting one `DELETING_PERMISSIONS` and one
 * of `DELETING_TASKS`; a post's or Page's fields take no
 * permission here ("A page access token can read all posts posted to or posted by that Page",
 * https://developers.facebook.com/docs/graph-api/reference/post/).
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerPostRoutes(context);
 * ```
 */
export function registerPostRoutes(context: FacebookContext): void {
  const { sim } = context;
  context.route('GET', '/:version/:pageId/posts', {}, ({ path, params, url, accountId, token, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId) return unsupportedRequest('GET', pageId);
    requireUserGrants(context, token, READING_PERMISSIONS, READING_TASKS);
    // `since` and `until` bound the results, both ends kept (ASSUMED: the docs do not say whether
    // a post at exactly `until` is in); an unreadable one is refused (see `timeBounds`).
    const { since, until } = timeBounds(params);
    const fields = fieldNames(params.get('fields') ?? 'id,message,created_time');
    const posts = sim.posts.filter(
      // Comments the Page wrote (stored as posts), scheduled posts until their time, videos until
      // processed, drafts and failed videos are not in the feed (`isLive`), nor is any reel, Page
      // post or not: "This endpoint does not return Reels. To get a list of Reels published to
      // your Page, use the Page VideoReels edge"
      // (https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations), which
      // the simulator answers in reel-list.ts.
      (post) =>
        post.accountId === pageId &&
        post.createdAt >= since &&
        post.createdAt <= until &&
        isLive(post, now) &&
        videoExtra(post).kind !== 'reel',
    );
    // Paged as every Graph edge (`limit` default 25, `after`/`before` cursors, `next`), newest
    // `created_time` first: a scheduled post's id is older than its place in the feed. A `limit`
    // over 100 is refused: "You can only read a maximum of 100 feed posts with the limit field. If
    // you try to read more than that you will get an error message to not exceed 100"
    // (https://developers.facebook.com/docs/graph-api/reference/page/feed, Limitations).
    return graphPage(
      posts,
      { params, url },
      { by: newestCreatedFirst },
      (post) => pick(postJson(post), fields),
      { max: 100, above: 'refuse' },
    );
  });
  context.route('GET', '/:version/:id', {}, ({ path, params, now }) => {
    const id = path.id ?? '';
    const fields = fieldNames(params.get('fields') ?? 'id');
    // A video's id is answered by the video node route before this one; its Page post answers here,
    // under its post id once live (`postNamed`).
    const post = postNamed(sim.posts, id, now);
    if (post !== undefined)
      return Response.json(pick({ ...postJson(post), ...countsJson(post, now), id }, fields));
    const page = sim.accounts.get(id);
    if (page !== undefined)
      return Response.json(pick({ id: page.id, name: page.handle, followers_count: page.followers }, fields));
    return unsupportedRequest('GET', id);
  });
  context.route('DELETE', '/:version/:postId', {}, ({ path, accountId, token, now }) => {
    const id = path.postId ?? '';
    // A video is deleted by its id or by its Page post's id: the simulator keeps the two as one
    // post, so either takes the video out of the feed (ASSUMED: Meta does not say whether deleting
    // a video's Page post also deletes the video).
    const post = postOrVideoNamed(sim.posts, id, now);
    if (post === undefined || post.accountId !== accountId) return unsupportedRequest('DELETE', id);
    // `pages_manage_posts` and the CREATE_CONTENT or MANAGE task, as publishing asks for its own
    // (see `DELETING_PERMISSIONS` and `DELETING_TASKS`).
    requireUserGrants(context, token, DELETING_PERMISSIONS, DELETING_TASKS);
    sim.posts.delete(post.id);
    return Response.json({ success: true });
  });
}
