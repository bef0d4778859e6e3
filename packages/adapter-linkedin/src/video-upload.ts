import { type Media, MediaProcessingError, type PublishContext } from '@smmkit/core';
import { type HttpClient, mediaSize, readMediaBlob, readMediaChunks } from '@smmkit/core/adapter-kit';
import { waitUntilAvailable } from './media-processing.js';
import { InitializeVideoUploadSchema, type UploadInstruction } from './schemas.js';
import { type LinkedInUploadOptions, putUploadPart, refusedMedia } from './upload-part.js';

/**
 * Uploads a video in the parts LinkedIn asks for and waits until it is processed
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api):
 *
 * 1. `POST /rest/videos?action=initializeUpload` with `{initializeUploadRequest:{owner,
 *    fileSizeBytes, uploadCaptions: false, uploadThumbnail: false}}` →
 *    `{value:{video, uploadToken, uploadInstructions:[{uploadUrl, firstByte, lastByte}]}}`;
 * 2. PUT bytes `firstByte`..`lastByte` of each instruction to its `uploadUrl`, keeping each
 *    answer's `ETag`, in order; the bytes are read part by part, never the whole file at once;
 * 3. `POST /rest/videos?action=finalizeUpload` with `{finalizeUploadRequest:{video,
 *    uploadToken, uploadedPartIds: [ETags]}}`;
 * 4. `GET /rest/videos/{urn}` until `AVAILABLE` (or `PROCESSING_FAILED`).
 *
 * LinkedIn cuts a video into equal parts (4 MiB) with a shorter last one; instructions that do
 * not cover the file that way, a part without an `ETag`, or fewer bytes than declared are a
 * `MediaProcessingError('media_processing_failed')`, before finalizing.
 *
 * @param http - the HTTP client all calls go through
 * @param video - the video: bytes, a file, or a stream that declares `sizeBytes`
 * @param mediaIndex - where it stands in the post's media, for progress and errors
 * @param options - the owner URN, the origin trusted with the token, how to poll
 * @param context - tokens, signal, clock and progress of the publish
 * @returns the video's URN, processed
 *
 * @example
 * ```ts
 * const urn = await uploadLinkedInVideo(http, video, 0, { owner, baseUrl, polling }, ctx);
 * ```
 */
export async function uploadLinkedInVideo(
  http: HttpClient,
  video: Media,
  mediaIndex: number,
  options: LinkedInUploadOptions,
  context: PublishContext,
): Promise<string> {
  // A stream source always declares sizeBytes (core's media model); a file is only stat'ed here.
  const total = mediaSize(video) ?? (await readMediaBlob(video)).size;
  const failed = (reason: string) =>
    new MediaProcessingError(
      'media_processing_failed',
      `LinkedIn video upload of media ${mediaIndex}: ${reason}`,
      {
        platform: 'linkedin',
        mediaIndex,
      },
    );

  const { data } = await refusedMedia(mediaIndex, () =>
    http.request({
      method: 'POST',
      path: '/rest/videos',
      searchParams: { action: 'initializeUpload' },
      operation: 'initialize video upload',
      json: {
        initializeUploadRequest: {
          owner: options.owner,
          fileSizeBytes: total,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      },
      schema: InitializeVideoUploadSchema,
      context,
    }),
  );
  const { video: urn, uploadToken } = data.value;
  const parts = [...data.value.uploadInstructions].sort((a, b) => a.firstByte - b.firstByte);
  const partSize = partSizeOf(parts, total);
  if (partSize === undefined)
    throw failed(`the upload instructions do not cover its ${total} bytes in equal parts`);

  const etags: string[] = [];
  let sent = 0;
  context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: 0, bytesTotal: total });
  for await (const chunk of readMediaChunks(video, partSize)) {
    const part = parts[etags.length];
    if (part === undefined || part.firstByte !== sent || part.lastByte !== sent + chunk.byteLength - 1) {
      throw failed(`its bytes do not match the upload instructions at byte ${sent}`);
    }
    const { headers } = await putUploadPart(
      http,
      {
        uploadUrl: part.uploadUrl,
        baseUrl: options.baseUrl,
        mediaIndex,
        operation: `upload video part ${etags.length + 1} of ${parts.length}`,
      },
      // `slice` copies the chunk into its own buffer, whatever buffer the source used.
      new Blob([chunk.slice()]),
      'application/octet-stream',
      context,
    );
    const etag = headers.get('etag');
    if (etag === null || etag === '')
      throw failed(`LinkedIn answered part ${etags.length + 1} without an ETag`);
    etags.push(etag);
    sent += chunk.byteLength;
    context.onProgress?.({ stage: 'upload', mediaIndex, bytesSent: sent, bytesTotal: total });
  }
  if (sent !== total || etags.length !== parts.length) {
    throw failed(
      `it had ${sent} bytes in ${etags.length} parts, but ${total} bytes in ${parts.length} parts were declared`,
    );
  }

  await refusedMedia(mediaIndex, () =>
    http.request({
      method: 'POST',
      path: '/rest/videos',
      searchParams: { action: 'finalizeUpload' },
      operation: 'finalize video upload',
      json: { finalizeUploadRequest: { video: urn, uploadToken: uploadToken ?? '', uploadedPartIds: etags } },
      context,
    }),
  );
  await waitUntilAvailable(http, { collection: 'videos', urn, mediaIndex }, options.polling, context);
  return urn;
}

/**
 * The size of every part but the last, when the instructions cut `total` bytes into contiguous
 * parts of that size from byte 0; `undefined` otherwise.
 */
function partSizeOf(parts: readonly UploadInstruction[], total: number): number | undefined {
  const first = parts[0];
  if (first === undefined) return undefined;
  const size = first.lastByte - first.firstByte + 1;
  if (size <= 0) return undefined;
  const contiguous = parts.every(
    (part, index) =>
      part.firstByte === index * size &&
      part.lastByte === (index === parts.length - 1 ? total - 1 : (index + 1) * size - 1),
  );
  return contiguous ? size : undefined;
}
