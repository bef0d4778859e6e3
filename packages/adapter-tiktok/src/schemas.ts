import * as z from 'zod/mini';

// TikTok's answers, read tolerantly: every object keeps fields it does not list, and only what
// the adapter uses is required. Every answer is `{"data":{…},"error":{"code":"ok",…}}`
// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).

/** An answer whose `data` is `data`. */
function envelope<T extends z.ZodMiniType>(data: T) {
  return z.looseObject({ data });
}

/** A TikTok id, sent as a string or (public post ids) as a number. */
const Id = z.union([z.string(), z.number()]);

/** An answer's `error` object: `code` is `ok` on success, else TikTok's error code. */
const ErrorObjectSchema = z.looseObject({
  code: z.string(),
  message: z.optional(z.string()),
  log_id: z.optional(z.string()),
});

/** What creator info says about the creator. */
const CreatorInfoDataSchema = z.looseObject({
  creator_username: z.optional(z.string()),
  creator_nickname: z.optional(z.string()),
  creator_avatar_url: z.optional(z.string()),
  privacy_level_options: z.array(z.string()),
  comment_disabled: z.optional(z.boolean()),
  duet_disabled: z.optional(z.boolean()),
  stitch_disabled: z.optional(z.boolean()),
  max_video_post_duration_sec: z.optional(z.number()),
});

/**
 * `POST /v2/post/publish/creator_info/query/`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info): the
 * creator's settings, or (with HTTP 200, "intentional" says the page's error table) an `error`
 * whose code says the creator cannot post now (`spam_risk_too_many_posts`,
 * `spam_risk_user_banned_from_posting`, `reached_active_user_cap`) and no settings.
 */
export const CreatorInfoSchema = z.union([
  z.looseObject({ data: CreatorInfoDataSchema, error: z.optional(ErrorObjectSchema) }),
  // Only the error is read from an answer without settings.
  z.object({ error: ErrorObjectSchema }),
]);

/** What creator info says about the creator. */
export type CreatorInfo = z.output<typeof CreatorInfoDataSchema>;

/** A video, inbox or photo init: `publish_id`, and `upload_url` for a `FILE_UPLOAD`. */
export const InitSchema = envelope(
  z.looseObject({ publish_id: z.string(), upload_url: z.optional(z.string()) }),
);

/**
 * `POST /v2/post/publish/status/fetch/`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status):
 * `publicaly_available_post_id` is TikTok's spelling.
 */
export const StatusSchema = envelope(
  z.looseObject({
    status: z.string(),
    fail_reason: z.nullish(z.string()),
    publicaly_available_post_id: z.nullish(z.array(Id)),
    uploaded_bytes: z.nullish(z.number()),
    downloaded_bytes: z.nullish(z.number()),
  }),
);

/** A publish's status as TikTok reports it. */
export type PublishStatusData = z.output<typeof StatusSchema>['data'];

/**
 * A video of the Display API (https://developers.tiktok.com/doc/tiktok-api-v2-video-object):
 * the fields the adapter asks for.
 */
export const VideoObjectSchema = z.looseObject({
  id: Id,
  title: z.nullish(z.string()),
  video_description: z.nullish(z.string()),
  create_time: z.nullish(z.number()),
  share_url: z.nullish(z.string()),
  view_count: z.nullish(z.number()),
  like_count: z.nullish(z.number()),
  comment_count: z.nullish(z.number()),
  share_count: z.nullish(z.number()),
});

/** A video of the Display API. */
export type VideoObject = z.output<typeof VideoObjectSchema>;

/** `POST /v2/video/query/` and `POST /v2/video/list/`. */
export const VideoPageSchema = envelope(
  z.looseObject({
    videos: z._default(z.array(VideoObjectSchema), () => []),
    cursor: z.nullish(z.number()),
    has_more: z.nullish(z.boolean()),
  }),
);

/** `GET /v2/user/info/` (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info). */
export const UserInfoSchema = envelope(z.looseObject({ user: z.record(z.string(), z.unknown()) }));

/**
 * The token endpoint's answer (https://developers.tiktok.com/doc/oauth-user-access-token-management),
 * or its flat error (https://developers.tiktok.com/doc/oauth-error-handling), which may come
 * with a 2xx status.
 */
export const TokenAnswerSchema = z.union([
  z.looseObject({
    access_token: z.string(),
    expires_in: z.optional(z.number()),
    refresh_token: z.optional(z.string()),
    refresh_expires_in: z.optional(z.number()),
    open_id: z.optional(z.string()),
    scope: z.nullish(z.string()),
    token_type: z.optional(z.string()),
  }),
  z.looseObject({
    error: z.string(),
    error_description: z.optional(z.string()),
    log_id: z.optional(z.string()),
  }),
]);
