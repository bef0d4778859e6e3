import type { MediaKind } from '@smmkit/core';

/** docs.joinmastodon.org/user/posting/#attachments: up to 4 media per status (`max_media_attachments`). */
export const MAX_MEDIA = 4;

/**
 * Poll limits of a default server (docs.joinmastodon.org/entities/Instance/#polls): 4 options of
 * 50 characters, open from 5 minutes to 1 month.
 */
export const POLL_LIMITS = {
  maxOptions: 4,
  maxOptionChars: 50,
  minSeconds: 300,
  maxSeconds: 2_629_746,
} as const;

/**
 * MIME types a default server accepts (docs.joinmastodon.org/user/posting/#media;
 * `configuration.media_attachments.supported_mime_types`), and what the simulator stores them as.
 * Real servers accept audio too; `MediaKind` has no audio, so the simulator refuses it.
 */
export const SUPPORTED_MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'image/avif': 'image',
  'image/gif': 'gif',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'video/ogg': 'video',
};

/** `configuration.media_attachments.image_size_limit` of a default server: 16 MB. */
export const IMAGE_SIZE_LIMIT = 16 * 1024 * 1024;

/** `configuration.media_attachments.video_size_limit` of a default server: 99 MB. */
export const VIDEO_SIZE_LIMIT = 99 * 1024 * 1024;

/** `configuration.media_attachments.description_limit` (docs.joinmastodon.org/entities/Instance/#media_attachments). */
export const DESCRIPTION_LIMIT = 1500;
