import {
  AbortedError,
  type Media,
  MediaProcessingError,
  type PublishContext,
  type PublishWarning,
  SmmkitError,
} from '@smmkit/core';
import {
  type HttpClient,
  mediaRefusalAsProcessingError,
  mediaSize,
  readMediaBlob,
  readMediaChunks,
} from '@smmkit/core/adapter-kit';
import { waitForXMediaProcessing } from './media-processing.js';
import { InitializeUploadResponseSchema, UploadStatusResponseSchema } from './schemas.js';

/**
 * Most segments in one upload: `segment_index` is 0..999 (`AppendMediaUploadRequest` in
 * https://api.x.com/2/openapi.json).
 */
const MAX_SEGMENTS = 1000;

/**
 * `media_category` per kind (tweet_image, tweet_gif, tweet_video:
 * https://docs.x.com/x-api/media/quickstart/best-practices).
 */
const MEDIA_CATEGORY = { image: 'tweet_image', gif: 'tweet_gif', video: 'tweet_video' } as const;

/** How media is uploaded and waited for. */
export interface XMediaUploadOptions {
  /** Bytes per append chunk (grown when a file would need more than 1,000 segments). */
  readonly chunkBytes: number;
  /** Milliseconds to wait for processing. */
  readonly pollTimeoutMs: number;
}

/** An uploaded, processed media item. */
export interface UploadedXMedia {
  /** The id to pass in `media.media_ids`. */
  readonly mediaId: string;
  /** Problems that did not stop the upload (alt text that could not be set). */
  readonly warnings: readonly PublishWarning[];
}

/**
 * Uploads one media item in chunks and waits until X has processed it
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked):
 *
 * 1. `POST /2/media/upload/initialize` with JSON `media_type`, `total_bytes`, `media_category`;
 * 2. `POST /2/media/upload/{id}/append`, multipart `media` + `segment_index`, per chunk read with
 *    core's `readMediaChunks`, reporting `onProgress({ stage: 'upload', bytesSent, bytesTotal })`;
 * 3. `POST /2/media/upload/{id}/finalize`, then, when the answer has `processing_info`, polling
 *    the status after `check_after_secs` ({@link waitForXMediaProcessing});
 * 4. the alt text through `POST /2/media/metadata` `{id, metadata:{alt_text:{text}}}`
 *    (`CreateMediaMetadataRequest` in https://api.x.com/2/openapi.json). A failure there is a warning
 *    (`alt_text_failed`), not a failed publish: the media is uploaded and usable.
 *
 * None of these requests is marked as creating a resource: an upload no post uses is harmless,
 * so a lost answer may simply be retried. A 400 from X (a file it refuses) is a
 * `MediaProcessingError('media_processing_failed')` for this item.
 *
 * @param http - the adapter's HTTP client
 * @param media - the item (bytes, file or stream; validation refuses URLs)
 * @param mediaIndex - its index in the post's (or thread part's) media
 * @param options - chunk size and processing timeout
 * @param context - the publish context (tokens, signal, clock, progress)
 * @returns the media id and any warnings
 *
 * @example
 * ```ts
 * const { mediaId } = await uploadXMedia(http, post.media[0], 0, { chunkBytes: 1 << 20, pollTimeoutMs: 300_000 }, ctx);
 * ```
 */
export async function uploadXMedia(
  http: HttpClient,
  media: Media,
  mediaIndex: number,
  options: XMediaUploadOptions,
  context: PublishContext,
): Promise<UploadedXMedia> {
  const category = media.kind === 'document' ? undefined : MEDIA_CATEGORY[media.kind];
  if (category === undefined || media.source.type === 'url') {
    throw new MediaProcessingError(
      'media_processing_failed',
      `X cannot upload media ${mediaIndex}: ${category === undefined ? `${media.kind} is not a kind X takes` : 'X has no upload from a URL'}.`,
      { platform: 'x', mediaIndex },
    );
  }
  const total = await totalBytes(media, options.chunkBytes);
  // X refuses a file it cannot take with a 400
  // (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
  const asFailure = <T>(request: () => Promise<T>) => mediaRefusalAsProcessingError(mediaIndex, 400, request);

  const { data: initialized } = await asFailure(() =>
    http.request({
      method: 'POST',
      path: '/2/media/upload/initialize',
      operation: 'initialize media upload',
      json: { media_type: media.mimeType.toLowerCase(), total_bytes: total, media_category: category },
      schema: InitializeUploadResponseSchema,
      context,
    }),
  );
  const mediaId = initialized.data.id;
  const id = encodeURIComponent(mediaId);

  const chunkSize = Math.max(options.chunkBytes, Math.ceil(total / MAX_SEGMENTS));
  context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: 0, bytesTotal: total });
  let sent = 0;
  let segment = 0;
  for await (const chunk of readMediaChunks(media, chunkSize)) {
    const form = new FormData();
    // `slice` copies the chunk into its own ArrayBuffer, whatever buffer the source used.
    form.set('media', new Blob([chunk.slice()], { type: 'application/octet-stream' }), 'media');
    form.set('segment_index', String(segment));
    await asFailure(() =>
      http.request({
        method: 'POST',
        path: `/2/media/upload/${id}/append`,
        operation: 'upload media chunk',
        body: form,
        context,
      }),
    );
    sent += chunk.byteLength;
    segment += 1;
    context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: sent, bytesTotal: total });
  }
  if (sent !== total) {
    throw new MediaProcessingError(
      'media_processing_failed',
      `Media ${mediaIndex} had ${sent} bytes, but ${total} were declared (sizeBytes).`,
      { platform: 'x', mediaIndex },
    );
  }

  const { data: finalized } = await asFailure(() =>
    http.request({
      method: 'POST',
      path: `/2/media/upload/${id}/finalize`,
      operation: 'finalize media upload',
      schema: UploadStatusResponseSchema,
      context,
    }),
  );
  await asFailure(() =>
    waitForXMediaProcessing(
      http,
      finalized.data.processing_info,
      { mediaId, mediaIndex, timeoutMs: options.pollTimeoutMs },
      context,
    ),
  );

  const warnings: PublishWarning[] = [];
  const altText = media.altText?.trim() ?? '';
  if (altText !== '') {
    try {
      await http.request({
        method: 'POST',
        path: '/2/media/metadata',
        operation: 'set media alt text',
        json: { id: mediaId, metadata: { alt_text: { text: altText } } },
        context,
      });
    } catch (error) {
      if (AbortedError.isInstance(error) || !SmmkitError.isInstance(error)) throw error;
      warnings.push({
        code: 'alt_text_failed',
        message: `The alt text of media ${mediaIndex} could not be set; the media is posted without it: ${error.message}`,
        ...(error.platformError?.code === undefined ? {} : { platformCode: error.platformError.code }),
      });
    }
  }
  return { mediaId, warnings };
}

/**
 * The size INIT declares: `sizeBytes`, the bytes' length, or the file's size (`openAsBlob` only
 * stats it). A stream without `sizeBytes` (core's media model asks for one) is counted by reading
 * it through once in chunks, keeping none of them, instead of holding the whole file in memory
 * before the append loop reads the stream again.
 */
async function totalBytes(media: Media, chunkBytes: number): Promise<number> {
  const declared = mediaSize(media);
  if (declared !== undefined) return declared;
  if (media.source.type !== 'stream') return (await readMediaBlob(media)).size;
  let total = 0;
  for await (const chunk of readMediaChunks(media, chunkBytes)) total += chunk.byteLength;
  return total;
}
