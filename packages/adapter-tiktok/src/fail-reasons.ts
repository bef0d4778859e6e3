import {
  AuthError,
  MediaProcessingError,
  PlatformError,
  RateLimitError,
  type SmmkitError,
  TransientError,
} from '@smmkit/core';

const DAY_MS = 86_400_000;

/** What a `fail_reason` means: the kind of error, and what to do, in words. */
interface FailReason {
  readonly kind: 'media' | 'refused' | 'quota' | 'revoked' | 'transient';
  readonly advice: string;
}

/**
 * The `fail_reason`s of a FAILED publish
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status) and what
 * each means.
 */
const FAIL_REASONS: Readonly<Record<string, FailReason>> = {
  file_format_check_failed: {
    kind: 'media',
    advice: 'TikTok takes MP4, WebM or MOV videos (H.264, H.265, VP8 or VP9) and JPEG or WebP photos',
  },
  duration_check_failed: {
    kind: 'media',
    advice: "the video is longer than the creator may post (creator info's max_video_post_duration_sec)",
  },
  frame_rate_check_failed: { kind: 'media', advice: 'TikTok takes videos of 23 to 60 frames per second' },
  picture_size_check_failed: {
    kind: 'media',
    advice: 'TikTok takes videos of 360 to 4096 px a side and photos of at most 1080p',
  },
  video_pull_failed: {
    kind: 'media',
    advice:
      'TikTok could not download the video from its URL: it must be public, HTTPS, without redirects, on a domain verified for the app',
  },
  photo_pull_failed: {
    kind: 'media',
    advice:
      'TikTok could not download a photo from its URL: it must be public, HTTPS, without redirects, on a domain verified for the app',
  },
  spam_risk_text: { kind: 'refused', advice: 'TikTok flagged the caption as spam: change the text' },
  spam_risk: { kind: 'refused', advice: 'TikTok flagged the post as spam' },
  spam_risk_user_banned_from_posting: {
    kind: 'refused',
    advice: 'TikTok has banned this creator from posting for now',
  },
  spam_risk_too_many_posts: {
    kind: 'quota',
    advice: "the creator reached TikTok's daily post limit: post again tomorrow",
  },
  publish_cancelled: { kind: 'refused', advice: 'the publish was cancelled' },
  auth_removed: {
    kind: 'revoked',
    advice: "the creator removed the app's access: have them authorize it again",
  },
  internal: { kind: 'transient', advice: 'TikTok failed on its side; publishing again may work' },
};

/**
 * The error a FAILED publish is, from its `fail_reason`: a file TikTok could not use or fetch is
 * a `MediaProcessingError('media_processing_failed')`, a text TikTok flagged or a cancelled
 * publish a `PlatformError('platform_refused')`, the daily limit a `RateLimitError('quota_exceeded')`,
 * a revoked authorization an `AuthError('auth_revoked')`, and TikTok's own failure a retryable
 * `TransientError`. A reason TikTok has not documented is a media failure naming it. The reason
 * is kept as `platformError.code`.
 *
 * @param publishId - the publish that failed
 * @param reason - its `fail_reason`
 * @param receivedAt - when the status was read, for a quota's reset
 * @returns the error to throw
 *
 * @example
 * ```ts
 * throw publishFailure('v_pub_file~v2-1.7', 'frame_rate_check_failed', clock.now());
 * ```
 */
export function publishFailure(
  publishId: string,
  reason: string | undefined,
  receivedAt: number,
): SmmkitError {
  const code = reason ?? 'unknown';
  const meaning = FAIL_REASONS[code];
  const advice = meaning?.advice ?? 'TikTok did not say why';
  const message = `TikTok could not publish ${publishId} (FAILED, ${code}): ${advice}.`;
  const options = { platform: 'tiktok', platformError: { code, type: 'FAILED' } };
  switch (meaning?.kind ?? 'media') {
    case 'refused':
      return new PlatformError('platform_refused', message, options);
    case 'quota':
      return new RateLimitError('quota_exceeded', message, {
        ...options,
        resetAt: new Date(receivedAt + DAY_MS),
      });
    case 'revoked':
      return new AuthError('auth_revoked', message, options);
    case 'transient':
      return new TransientError('transient', message, options);
    case 'media':
      return new MediaProcessingError('media_processing_failed', message, { ...options, mediaIndex: 0 });
  }
}
