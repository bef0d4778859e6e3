import { ok } from '../answers.js';
import type { TikTokSimContext } from '../context.js';
import { creatorInfoRefusal, missingScope } from '../init-rules.js';

/**
 * `POST /v2/post/publish/creator_info/query/` (scope `video.publish`; 20 per minute per token,
 * bucket `creator_info`): the creator's username, nickname, privacy options, interactions
 * turned off and longest video
 * (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info); or, with
 * HTTP 200 as that page's error table has it, `spam_risk_too_many_posts` once the creator has
 * used the day's posts, and `reached_active_user_cap` once an unaudited app has its 5 posting
 * creators of the day.
 */
export function registerCreatorInfoRoute(context: TikTokSimContext): void {
  context.sim.route(
    'POST',
    '/v2/post/publish/creator_info/query/',
    { bucket: 'creator_info' },
    ({ accountId, scopes, now }) => {
      const refused =
        missingScope(context, scopes, 'video.publish') ?? creatorInfoRefusal(context, accountId, now);
      if (refused !== undefined) return refused;
      const creator = context.creators.get(accountId);
      return ok(
        {
          creator_avatar_url: `https://p16-sign.tiktokcdn-us.com/avatar/${encodeURIComponent(accountId)}.jpeg`,
          creator_username: creator?.username ?? accountId,
          creator_nickname: creator?.nickname ?? accountId,
          privacy_level_options: creator?.privacyLevelOptions ?? [],
          comment_disabled: creator?.commentDisabled ?? false,
          duet_disabled: creator?.duetDisabled ?? false,
          stitch_disabled: creator?.stitchDisabled ?? false,
          max_video_post_duration_sec: creator?.maxVideoPostDurationSec ?? 600,
        },
        context.logIds.next(),
      );
    },
  );
}
