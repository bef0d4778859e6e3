import type { SimulatedPost } from '@smmkit/testkit';
import {
  growingCount,
  type JsonObject,
  queryList,
  type RouteContext,
  selectFields,
} from '@smmkit/testkit/simulator-kit';
import { videoObjectCaption } from '../../video-caption.js';
import { invalidParams, jsonObject, ok, recordField } from '../answers.js';
import type { TikTokSimContext } from '../context.js';
import { missingScope } from '../init-rules.js';
import { isPublic, isTikTokPost } from '../publications.js';

const MAX_IDS = 20;
const MAX_COUNT = 20;
const STATS_FIELDS = ['follower_count', 'following_count', 'likes_count', 'video_count'];

/**
 * The Display API: `POST /v2/video/query/` (up to 20 `video_ids`) and `POST /v2/video/list/`
 * (`max_count` up to 20, newest first, a `cursor` in ms), both with `?fields=` and scope
 * `video.list` (https://developers.tiktok.com/doc/tiktok-api-v2-video-query,
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-list); `GET /v2/user/info/?fields=`
 * (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info; counts need
 * `user.info.stats`). 600 per minute per endpoint and token. Only the creator's posts that are
 * processed and moderated are shown, and the list has only those posted `PUBLIC_TO_EVERYONE`
 * ("the given user's public TikTok video posts"), captions as `videoObjectCaption` cuts them;
 * their counts grow with simulated time. Those are the posts its publishes made and the videos
 * seeded on the creator (`seedPublicAccount`, stored by `seededVideoStore`): TikTok lists a
 * creator's public videos however they were posted.
 */
export function registerDisplayRoutes(context: TikTokSimContext): void {
  const { sim } = context;
  const visible = (accountId: string, now: number) =>
    sim.posts.filter((post) => post.accountId === accountId && isTikTokPost(post) && isPublic(post, now));

  /** A `video.list` route: `?fields=` required, then `answer` with the JSON body (`{}` when it is none). */
  const videoRoute = (
    path: string,
    bucket: string,
    answer: (body: JsonObject, fields: ReadonlySet<string>, route: RouteContext) => Response,
  ) =>
    sim.route('POST', path, { bucket }, async (route) => {
      const refused = missingScope(context, route.scopes, 'video.list');
      if (refused !== undefined) return refused;
      const fields = queryList(route.url, 'fields');
      if (fields.size === 0) return invalidParams('The fields parameter is required.', context.logIds.next());
      return answer((await jsonObject(route.request)) ?? {}, fields, route);
    });

  videoRoute('/v2/video/query/', 'video_query', (body, fields, { accountId, now }) => {
    const ids = recordField(body, 'filters').video_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS)
      return invalidParams(`filters.video_ids must hold 1 to ${MAX_IDS} ids.`, context.logIds.next());
    const wanted = new Set(ids.map(String));
    const videos = visible(accountId, now)
      .filter((post) => wanted.has(post.id))
      .map((post) => videoObject(context, post, fields, now));
    return ok({ videos, cursor: 0, has_more: false }, context.logIds.next());
  });

  videoRoute('/v2/video/list/', 'video_list', (body, fields, { accountId, now }) => {
    const maxCount = body.max_count ?? 10;
    if (!Number.isInteger(maxCount) || (maxCount as number) < 1 || (maxCount as number) > MAX_COUNT)
      return invalidParams(`max_count must be 1 to ${MAX_COUNT}.`, context.logIds.next());
    const before = typeof body.cursor === 'number' ? body.cursor : Number.POSITIVE_INFINITY;
    const older = visible(accountId, now)
      .filter((post) => post.extra.privacyLevel === 'PUBLIC_TO_EVERYONE' && post.createdAt < before)
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = older.slice(0, maxCount as number);
    const last = page.at(-1);
    return ok(
      {
        videos: page.map((post) => videoObject(context, post, fields, now)),
        cursor: last?.createdAt ?? 0,
        has_more: older.length > page.length,
      },
      context.logIds.next(),
    );
  });

  sim.route('GET', '/v2/user/info/', { bucket: 'user_info' }, ({ url, accountId, scopes, now }) => {
    const fields = queryList(url, 'fields');
    if (fields.size === 0) return invalidParams('The fields parameter is required.', context.logIds.next());
    const refused =
      missingScope(context, scopes, 'user.info.basic') ??
      (STATS_FIELDS.some((field) => fields.has(field))
        ? missingScope(context, scopes, 'user.info.stats')
        : undefined);
    if (refused !== undefined) return refused;
    const account = sim.accounts.get(accountId);
    const posts = visible(accountId, now);
    const user = selectFields({}, fields, {
      open_id: () => accountId,
      display_name: () => account?.displayName ?? accountId,
      follower_count: () => account?.followers ?? 0,
      following_count: () => account?.following ?? 0,
      likes_count: () => posts.reduce((sum, post) => sum + counts(post, now).like_count(), 0),
      video_count: () => posts.length,
    });
    return ok({ user }, context.logIds.next());
  });
}

/** A post's counts, growing with its age. */
function counts(post: SimulatedPost, now: number) {
  const grown = (name: string, perHour: number) => () =>
    growingCount(post.id, name, now - post.createdAt, perHour);
  return {
    like_count: grown('likes', 60),
    comment_count: grown('comments', 8),
    share_count: grown('shares', 4),
    view_count: grown('views', 900),
  };
}

/** A video object: the fields asked for, in the order https://developers.tiktok.com/doc/tiktok-api-v2-video-object lists them. */
function videoObject(
  context: TikTokSimContext,
  post: SimulatedPost,
  fields: ReadonlySet<string>,
  now: number,
): Record<string, unknown> {
  const username = context.creators.get(post.accountId)?.username ?? post.accountId;
  const kind = post.extra.kind === 'photo' ? 'photo' : 'video';
  return selectFields({}, fields, {
    id: () => post.id,
    create_time: () => Math.floor(post.createdAt / 1000),
    cover_image_url: () => `https://p16-sign.tiktokcdn-us.com/cover/${post.id}.jpeg`,
    share_url: () => `https://www.tiktok.com/@${username}/${kind}/${post.id}`,
    video_description: () => videoObjectCaption(post.text),
    duration: () => 15,
    title: () =>
      videoObjectCaption(
        kind === 'photo' && typeof post.extra.title === 'string' ? post.extra.title : post.text,
      ),
    ...counts(post, now),
  });
}
