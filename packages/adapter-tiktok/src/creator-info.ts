import { type Post, type PublishContext, TransientError, type ValidationProblem } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { classifyTikTokError } from './classify-error.js';
import type { TikTokPostOptions } from './post-options.js';
import { type CreatorInfo, CreatorInfoSchema } from './schemas.js';

const CREATOR_INFO_PATH = '/v2/post/publish/creator_info/query/';
const OPERATION = 'query creator info';

/**
 * Asks TikTok what the creator allows right now: `POST /v2/post/publish/creator_info/query/`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info). TikTok
 * requires this before every direct post: the privacy level must be one the answer lists, and
 * interactions the creator turned off must stay off.
 *
 * @param http - the adapter's HTTP client
 * @param context - the request context (the creator's token)
 * @returns the creator's username, privacy options, disabled interactions and longest video
 * @throws the error TikTok's code means when it says the creator cannot post now, which it
 *   answers with HTTP 200 (`spam_risk_too_many_posts` and `reached_active_user_cap` are
 *   `RateLimitError('quota_exceeded')`, `spam_risk_user_banned_from_posting` a `PlatformError`)
 *
 * @example
 * ```ts
 * const creator = await queryCreatorInfo(http, ctx);
 * creator.privacy_level_options; // ['PUBLIC_TO_EVERYONE', 'SELF_ONLY']
 * ```
 */
export async function queryCreatorInfo(http: HttpClient, context: PublishContext): Promise<CreatorInfo> {
  const clock = context.clock ?? systemClock;
  const { data, status, headers, rateLimit } = await http.request({
    method: 'POST',
    path: CREATOR_INFO_PATH,
    operation: OPERATION,
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    schema: CreatorInfoSchema,
    context,
  });
  // TikTok says a creator cannot post now (daily cap, ban, the app's cap of posting creators)
  // with HTTP 200 and the error code in the envelope: the same error as any other status.
  if (data.error !== undefined && data.error.code !== 'ok') {
    throw classifyTikTokError({
      platform: 'tiktok',
      operation: OPERATION,
      method: 'POST',
      path: CREATOR_INFO_PATH,
      status,
      headers,
      body: data,
      rateLimit,
      retryAt: undefined,
      receivedAt: clock.now(),
      createsResource: false,
    });
  }
  if (!('data' in data)) {
    throw new TransientError('invalid_response', "TikTok answered creator info with 'ok' but no settings.", {
      platform: 'tiktok',
    });
  }
  return data.data;
}

/** What the creator checks need besides the post and creator info. */
export interface CreatorCheckSettings {
  /** The app has not passed TikTok's audit (the adapter's `unaudited` setting). */
  readonly unaudited: boolean;
}

/**
 * The problems of a direct post against what creator info says, before anything is uploaded
 * (https://developers.tiktok.com/doc/content-sharing-guidelines):
 *
 * - the privacy level must be one of `privacy_level_options`, rule `options.privacy_option`;
 * - an unaudited app posts to private accounts only, rule `account.private_unaudited` (see
 *   {@link publicAccountProblem});
 * - a video may last at most `max_video_post_duration_sec`, rule `media.duration`;
 * - comments, duets and stitches the creator turned off cannot be allowed, rule
 *   `options.creator_disabled`.
 *
 * @param post - the post
 * @param options - its parsed TikTok options
 * @param creator - creator info's answer
 * @param settings - whether the app is unaudited
 * @returns every problem found
 *
 * @example
 * ```ts
 * creatorProblems(post, options, { privacy_level_options: ['SELF_ONLY'], comment_disabled: true }, { unaudited: false });
 * ```
 */
export function creatorProblems(
  post: Post,
  options: TikTokPostOptions,
  creator: CreatorInfo,
  settings: CreatorCheckSettings,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const at = (name: string) => ['options', 'tiktok', name];
  if (settings.unaudited) {
    const publicAccount = publicAccountProblem(creator);
    if (publicAccount !== undefined) problems.push(publicAccount);
  }
  const privacy = options.privacyLevel;
  if (privacy !== undefined && !creator.privacy_level_options.includes(privacy)) {
    problems.push({
      path: at('privacyLevel'),
      rule: 'options.privacy_option',
      message: `the creator does not offer ${privacy}; their options are ${creator.privacy_level_options.join(', ') || 'none'}`,
      limit: creator.privacy_level_options.join(','),
      actual: privacy,
    });
  }
  const max = creator.max_video_post_duration_sec;
  (post.media ?? []).forEach((item, index) => {
    if (
      item.kind === 'video' &&
      max !== undefined &&
      item.durationSec !== undefined &&
      item.durationSec > max
    ) {
      problems.push({
        path: ['media', index, 'durationSec'],
        rule: 'media.duration',
        message: `is ${item.durationSec} s; this creator may post videos of at most ${max} s`,
        limit: max,
        actual: item.durationSec,
      });
    }
  });
  const disabled = [
    ['allowComment', creator.comment_disabled, 'comments'],
    ['allowDuet', creator.duet_disabled, 'duets'],
    ['allowStitch', creator.stitch_disabled, 'stitches'],
  ] as const;
  for (const [name, off, what] of disabled) {
    if (options[name] && off === true) {
      problems.push({
        path: at(name),
        rule: 'options.creator_disabled',
        message: `the creator turned ${what} off in their TikTok settings, so the post cannot allow them`,
      });
    }
  }
  return problems;
}

/**
 * The refusal of a direct post by an unaudited app to a public account, or `undefined`. TikTok's
 * rule (https://developers.tiktok.com/doc/content-sharing-guidelines, "Direct Post API -
 * Developer Guidelines"): "All user accounts using the API client to post must be set to private
 * at the time of posting", and the posts themselves are `SELF_ONLY` (checked by `validate`, rule
 * `options.privacy_unaudited`); otherwise the init is refused with 403
 * `unaudited_client_can_only_post_to_private_accounts`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post). Creator info
 * tells a public account from a private one: a public account's `privacy_level_options` are
 * `PUBLIC_TO_EVERYONE`, `MUTUAL_FOLLOW_FRIENDS`, `SELF_ONLY`, a private one's
 * `FOLLOWER_OF_CREATOR`, `MUTUAL_FOLLOW_FRIENDS`, `SELF_ONLY`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info). Only an
 * account that offers `PUBLIC_TO_EVERYONE` is refused: any other answer is left to TikTok.
 */
function publicAccountProblem(creator: CreatorInfo): ValidationProblem | undefined {
  if (!creator.privacy_level_options.includes('PUBLIC_TO_EVERYONE')) return undefined;
  return {
    path: ['account'],
    rule: 'account.private_unaudited',
    message:
      "the creator's TikTok account is public (creator info offers PUBLIC_TO_EVERYONE), and an app TikTok has not audited can post only to accounts set to private at the time of posting: have the creator set their account to private in the TikTok app and post SELF_ONLY, or get the app audited (https://developers.tiktok.com/doc/content-sharing-guidelines)",
    actual: 'public',
  };
}
