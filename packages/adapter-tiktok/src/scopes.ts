/**
 * TikTok's scopes (https://developers.tiktok.com/doc/tiktok-api-scopes): what each endpoint the
 * adapter calls needs.
 */
export const TIKTOK_SCOPES = Object.freeze({
  /** Basic profile: `open_id`, display name, avatar. */
  userInfoBasic: 'user.info.basic',
  /** Counts of the profile: followers, following, likes, videos. */
  userInfoStats: 'user.info.stats',
  /** Direct posts: creator info, video and photo inits, status. */
  videoPublish: 'video.publish',
  /** Inbox drafts (`/v2/post/publish/inbox/video/init/`, photos with `MEDIA_UPLOAD`). */
  videoUpload: 'video.upload',
  /** The creator's public videos (Display API `/v2/video/list/` and `/v2/video/query/`). */
  videoList: 'video.list',
});

/** Paths and the scope they need, most specific first. */
const SCOPE_OF_PATH: readonly (readonly [RegExp, string])[] = [
  [/\/v2\/post\/publish\/inbox\//, TIKTOK_SCOPES.videoUpload],
  // One endpoint for direct photo posts and photo drafts: "Scope: video.publish or video.upload"
  // (https://developers.tiktok.com/doc/content-posting-api-reference-photo-post), by `post_mode`.
  [
    /\/v2\/post\/publish\/content\/init\//,
    `${TIKTOK_SCOPES.videoPublish} (${TIKTOK_SCOPES.videoUpload} for a draft, post_mode MEDIA_UPLOAD)`,
  ],
  [/\/v2\/post\/publish\//, TIKTOK_SCOPES.videoPublish],
  [/\/v2\/video\//, TIKTOK_SCOPES.videoList],
  [/\/v2\/user\/info\//, `${TIKTOK_SCOPES.userInfoBasic} and ${TIKTOK_SCOPES.userInfoStats}`],
];

/**
 * The scope the endpoint at `path` needs, in words, for an `auth_missing_scope` message; the
 * status of a draft needs `video.upload` rather than `video.publish`, which the path cannot tell,
 * and the photo endpoint names both (its `post_mode` decides).
 *
 * @param path - the request's path
 * @returns the scope, or `undefined` for a path the adapter does not call
 *
 * @example
 * ```ts
 * requiredTikTokScope('/v2/video/query/'); // 'video.list'
 * ```
 */
export function requiredTikTokScope(path: string): string | undefined {
  return SCOPE_OF_PATH.find(([pattern]) => pattern.test(path))?.[1];
}
