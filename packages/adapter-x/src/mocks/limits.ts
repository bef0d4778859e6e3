import type { MediaKind } from '@smmkit/core';

/**
 * Weighted characters of a post (280, twitter-text v3 config:
 * https://docs.x.com/fundamentals/counting-characters).
 */
export const DEFAULT_MAX_WEIGHTED_LENGTH = 280;

/**
 * How long an access token lives ("two hours":
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code; the token answer says
 * `expires_in: 7200`).
 */
export const ACCESS_TOKEN_TTL_MS = 2 * 60 * 60_000;

/**
 * How long an authorization code can be exchanged ("30 seconds":
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code).
 */
export const AUTHORIZATION_CODE_TTL_MS = 30_000;

/**
 * How far back X compares a new post's text for duplicates. X does not publish the window;
 * the simulator ASSUMES 24 hours (the same text from the same account within a day is refused,
 * later it is accepted again).
 */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60_000;

/**
 * non_public_metrics and organic_metrics are "only available for posts created within the last 30 days"
 * (https://docs.x.com/x-api/fundamentals/metrics).
 */
export const PRIVATE_METRICS_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

/**
 * GET /2/tweets/search/recent covers "the last 7 days" (https://docs.x.com/x-api/posts/search/introduction;
 * `start_time`: "Must be within the last 7 days" in https://api.x.com/2/openapi.json).
 */
export const RECENT_SEARCH_WINDOW_MS = 7 * 24 * 60 * 60_000;

/**
 * The longest recent-search query of self-serve access: 512 characters (Enterprise: 4,096;
 * https://docs.x.com/x-api/posts/search/integrate/build-a-query).
 */
export const DEFAULT_SEARCH_QUERY_MAX_LENGTH = 512;

/**
 * GET /2/dm_events "Supports retrieving events from the previous 30 days"
 * (https://docs.x.com/x-api/direct-messages/lookup/introduction).
 */
export const DM_EVENTS_WINDOW_MS = 30 * 24 * 60 * 60_000;

/**
 * Mentions timeline: "Up to 800 most recent mentions"
 * (https://docs.x.com/x-api/posts/timelines/introduction).
 */
export const MENTIONS_CAP = 800;

/** User timeline: "the most recent 3,200 Tweets can be retrieved" (developer.twitter.com GET /2/users/:id/tweets). */
export const USER_TWEETS_CAP = 3200;

/**
 * User timeline with `exclude=replies`: "When the exclude=replies parameter is used for any value, only the
 * most recent 800 Tweets are available"
 * (https://developer.x.com/en/docs/twitter-api/tweets/timelines/api-reference/get-users-id-tweets). ASSUMED:
 * the 800 newest of the posts the exclusion leaves (the doc does not say whether replies count towards them).
 */
export const USER_TWEETS_WITHOUT_REPLIES_CAP = 800;

/** Alt text: `CreateMediaMetadataMetadataAltText.text` maxLength 1000 in https://api.x.com/2/openapi.json. */
export const ALT_TEXT_MAX_CHARS = 1000;

/** An upload session's lifetime in seconds, as X reports `expires_after_secs` (v1.1 INIT answered 86400). */
export const UPLOAD_EXPIRES_AFTER_SECS = 86_400;

/**
 * `segment_index` bounds (`AppendMediaUploadRequest` in https://api.x.com/2/openapi.json: minimum 0, maximum
 * 999).
 */
export const MAX_SEGMENT_INDEX = 999;

const MB = 1024 * 1024;

/** Image MIME types of `InitializeMediaUploadRequest.media_type` in https://api.x.com/2/openapi.json. */
export const IMAGE_TYPES = [
  'image/jpeg',
  'image/gif',
  'image/bmp',
  'image/png',
  'image/webp',
  'image/pjpeg',
  'image/tiff',
] as const;

/** Video MIME types of `InitializeMediaUploadRequest.media_type` in https://api.x.com/2/openapi.json. */
export const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/mp2t', 'video/quicktime'] as const;

/** Subtitle MIME types of `InitializeMediaUploadRequest.media_type` in https://api.x.com/2/openapi.json. */
export const SUBTITLE_TYPES = ['text/srt', 'text/vtt'] as const;

/** Every `media_type` the simulator takes at INITIALIZE, in the spec's words for a refusal. */
export const UPLOAD_TYPES = [...VIDEO_TYPES, ...SUBTITLE_TYPES, ...IMAGE_TYPES] as const;

/**
 * What each media category holds, in core's vocabulary, and its size limit: every category of
 * `InitializeMediaUploadRequest.media_category` in https://api.x.com/2/openapi.json. Image 5 MB, GIF
 * 15 MB, video 512 MB (https://docs.x.com/x-api/media/quickstart/best-practices); a subtitle file 1 MB
 * (the media categories table of https://docs.x.com/x-api/media/quickstart/media-upload-chunked).
 *
 * A subtitle file is kept as core's `document` kind: it is no image, GIF or video, and it is never
 * a post's medium. X attaches it to an uploaded video instead (`POST /2/media/subtitles`,
 * https://docs.x.com/x-api/media/create-media-subtitles), which the simulator does not serve.
 */
const CATEGORY_RULES: Readonly<Record<string, { readonly kind: MediaKind; readonly maxBytes: number }>> = {
  tweet_image: { kind: 'image', maxBytes: 5 * MB },
  dm_image: { kind: 'image', maxBytes: 5 * MB },
  tweet_gif: { kind: 'gif', maxBytes: 15 * MB },
  dm_gif: { kind: 'gif', maxBytes: 15 * MB },
  tweet_video: { kind: 'video', maxBytes: 512 * MB },
  dm_video: { kind: 'video', maxBytes: 512 * MB },
  amplify_video: { kind: 'video', maxBytes: 512 * MB },
  subtitles: { kind: 'document', maxBytes: 1 * MB },
};

/**
 * The media types each kind takes: a video type in a video category, only GIFs in a GIF category,
 * only SRT and WebVTT in `subtitles`.
 */
const TYPES_OF_KIND: Partial<Record<MediaKind, readonly string[]>> = {
  image: IMAGE_TYPES,
  gif: ['image/gif'],
  video: VIDEO_TYPES,
  document: SUBTITLE_TYPES,
};

/** The rule of `category` when it is one and `mediaType` can be uploaded in it, else `undefined`. */
export function categoryRule(category: unknown, mediaType: string) {
  const rule =
    typeof category === 'string' && Object.hasOwn(CATEGORY_RULES, category)
      ? CATEGORY_RULES[category]
      : undefined;
  return rule !== undefined && TYPES_OF_KIND[rule.kind]?.includes(mediaType) ? rule : undefined;
}

/**
 * The category X infers when `media_category` is absent: "If you omit `media_category`, the upload is
 * treated as Post media (`tweet_image`, `tweet_video`, or `tweet_gif`) based on content type"
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked); GIFs are animated (`tweet_gif`).
 * A subtitle file has none: the docs tell clients to upload it "with media category set to
 * Subtitles" (https://developer.x.com/en/docs/media/upload-media/api-reference/post-media-subtitles-create),
 * so without one it fits no category (ASSUMED: refused, as a category that does not fit is).
 */
export function defaultCategory(mediaType: string): string | undefined {
  if (mediaType === 'image/gif') return 'tweet_gif';
  if ((IMAGE_TYPES as readonly string[]).includes(mediaType)) return 'tweet_image';
  if ((VIDEO_TYPES as readonly string[]).includes(mediaType)) return 'tweet_video';
  return undefined;
}
