import { type Media, MediaProcessingError, type PublishContext, TransientError } from '@smmkit/core';
import { type HttpClient, readMediaBlob } from '@smmkit/core/adapter-kit';
import { waitUntilAvailable } from './media-processing.js';
import { InitializeUploadSchema } from './schemas.js';
import { type LinkedInUploadOptions, putUploadPart, refusedMedia } from './upload-part.js';
import { uploadLinkedInVideo } from './video-upload.js';

/**
 * Uploads one media item and waits until LinkedIn has processed it, returning the asset URN the
 * post's content names:
 *
 * - image and GIF: `POST /rest/images?action=initializeUpload {initializeUploadRequest:{owner}}`,
 *   then PUT the bytes to `uploadUrl`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api);
 * - document: the same through `/rest/documents`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/documents-api);
 * - video: the multi-part flow of {@link uploadLinkedInVideo}.
 *
 * Then `GET` the asset until it is `AVAILABLE` ({@link waitUntilAvailable}). Progress goes to
 * `onProgress` (`upload` before and after the bytes, `processing` while waiting).
 *
 * @param http - the adapter's HTTP client
 * @param media - the item (bytes, file or stream; validation refuses URLs)
 * @param mediaIndex - its index in the post's media
 * @param options - the owner, the trusted origin and the polling
 * @param context - the publish context
 * @returns the asset URN (`urn:li:image:…`, `urn:li:video:…`, `urn:li:document:…`)
 *
 * @example
 * ```ts
 * const urn = await uploadLinkedInMedia(http, post.media[0], 0, { owner, baseUrl, polling }, ctx);
 * ```
 */
export async function uploadLinkedInMedia(
  http: HttpClient,
  media: Media,
  mediaIndex: number,
  options: LinkedInUploadOptions,
  context: PublishContext,
): Promise<string> {
  if (media.source.type === 'url') {
    throw new MediaProcessingError(
      'media_processing_failed',
      `LinkedIn cannot upload media ${mediaIndex} from a URL: give its bytes, a file or a stream.`,
      { platform: 'linkedin', mediaIndex },
    );
  }
  if (media.kind === 'video') return uploadLinkedInVideo(http, media, mediaIndex, options, context);

  const collection = media.kind === 'document' ? 'documents' : 'images';
  const { data } = await refusedMedia(mediaIndex, () =>
    http.request({
      method: 'POST',
      path: `/rest/${collection}`,
      searchParams: { action: 'initializeUpload' },
      operation: `initialize ${media.kind} upload`,
      json: { initializeUploadRequest: { owner: options.owner } },
      schema: InitializeUploadSchema,
      context,
    }),
  );
  const { uploadUrl } = data.value;
  const urn = collection === 'documents' ? data.value.document : data.value.image;
  if (urn === undefined) {
    throw new TransientError(
      'invalid_response',
      `initialize ${media.kind} upload (POST /rest/${collection}): the answer names no ${collection === 'documents' ? 'document' : 'image'} URN`,
      { platform: 'linkedin' },
    );
  }

  const blob = await readMediaBlob(media);
  context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: 0, bytesTotal: blob.size });
  await putUploadPart(
    http,
    { uploadUrl, baseUrl: options.baseUrl, mediaIndex, operation: `upload ${media.kind}` },
    blob,
    media.mimeType,
    context,
  );
  context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: blob.size, bytesTotal: blob.size });
  await waitUntilAvailable(http, { collection, urn, mediaIndex }, options.polling, context);
  return urn;
}
