import type { Media, PublishContext } from '@smmkit/core';
import {
  type HttpClient,
  type MediaPolling,
  mediaRefusalAsProcessingError,
  readMediaBlob,
  waitForMediaProcessing,
} from '@smmkit/core/adapter-kit';
import { MediaAttachmentSchema } from './schemas.js';

/** Mastodon refuses a file it cannot process with a 422 (docs.joinmastodon.org: methods/media). */
const UNPROCESSABLE = 422;

/** File name extensions for the MIME types Mastodon takes; it identifies files by content and name. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

/**
 * Uploads one media item and waits until Mastodon has processed it, returning the attachment
 * id to pass in `media_ids[]` (docs.joinmastodon.org: methods/media):
 *
 * 1. `POST /api/v2/media`, multipart `file` plus `description` (the alt text). 200 means the
 *    file is processed (images, since 4.0); 202 means it is still processing (video, GIF, audio).
 * 2. While processing, `GET /api/v1/media/:id` every `intervalMs`: 206 means still processing,
 *    200 means ready. After `timeoutMs` it fails with `MediaProcessingError('media_processing_timeout')`.
 *
 * A 422 from either call (unsupported or broken file, failed processing) is a
 * `MediaProcessingError('media_processing_failed')`. Progress goes to `onProgress`: `upload`
 * before and after the bytes are sent, `processing` after each check that is not ready yet.
 * The upload is not marked as creating a resource: an attachment that no status uses is
 * harmless, so a lost upload response may simply be retried.
 *
 * @param http - the adapter's HTTP client
 * @param media - the item; `url` sources are refused by validation (Mastodon cannot fetch URLs)
 * @param mediaIndex - its index in the post's (or thread part's) media, for progress and errors
 * @param polling - how often and how long to wait for processing
 * @param context - the publish context (tokens, signal, clock, progress)
 * @returns the processed attachment's id
 *
 * @example
 * ```ts
 * const id = await uploadMedia(http, post.media[0], 0, { intervalMs: 1000, timeoutMs: 60_000 }, ctx);
 * ```
 */
export async function uploadMedia(
  http: HttpClient,
  media: Media,
  mediaIndex: number,
  polling: MediaPolling,
  context: PublishContext,
): Promise<string> {
  const blob = await readMediaBlob(media);
  const form = new FormData();
  form.set('file', blob, `upload-${mediaIndex}.${EXTENSIONS[media.mimeType.toLowerCase()] ?? 'bin'}`);
  if (media.altText !== undefined && media.altText !== '') form.set('description', media.altText);

  context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: 0, bytesTotal: blob.size });
  const { data, status } = await mediaRefusalAsProcessingError(mediaIndex, UNPROCESSABLE, () =>
    http.request({
      method: 'POST',
      path: '/api/v2/media',
      operation: 'upload media',
      body: form,
      schema: MediaAttachmentSchema,
      context,
    }),
  );
  context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: blob.size, bytesTotal: blob.size });

  if (status === 202) await waitUntilProcessed(http, data.id, mediaIndex, polling, context);
  return data.id;
}

/** Polls `GET /api/v1/media/:id` until it answers 200, or times out (methods/media#get). */
async function waitUntilProcessed(
  http: HttpClient,
  id: string,
  mediaIndex: number,
  polling: MediaPolling,
  context: PublishContext,
): Promise<void> {
  await waitForMediaProcessing(context, {
    ...polling,
    platform: 'mastodon',
    platformName: 'Mastodon',
    mediaIndex,
    media: `attachment ${id}`,
    check: async (attempt) => {
      // The upload's 202 is the first answer: still processing, so the first check only says so.
      if (attempt === 0) return false;
      // No schema: a 206 "still processing" answer has an empty body (methods/media#get).
      const { status } = await mediaRefusalAsProcessingError(mediaIndex, UNPROCESSABLE, () =>
        http.request({
          method: 'GET',
          path: `/api/v1/media/${encodeURIComponent(id)}`,
          operation: 'check media processing',
          context,
        }),
      );
      return status === 200;
    },
  });
}
