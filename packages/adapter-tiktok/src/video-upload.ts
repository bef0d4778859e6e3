import {
  AmbiguousOutcomeError,
  type Media,
  MediaProcessingError,
  PlatformError,
  type PublishContext,
  type SmmkitError,
  TransientError,
} from '@smmkit/core';
import { type HttpClient, readMediaChunks } from '@smmkit/core/adapter-kit';
import type { TikTokChunk, TikTokChunkPlan } from './chunk-plan.js';
import { sendChunkWithRetries } from './chunk-retry.js';

/** Where a video's bytes go, and the publish they belong to. */
export interface TikTokVideoUpload {
  /** The init's `upload_url` (valid an hour). */
  readonly url: string;
  /** The chunks declared in the init. */
  readonly plan: TikTokChunkPlan;
  /** The init's `publish_id`, named in errors. */
  readonly publishId: string;
}

/**
 * Sends a video's bytes to the `upload_url` of its init, chunk by chunk as `plan` cuts them
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): one `PUT` per
 * chunk, in order, with `Content-Type` (the video's MIME type) and `Content-Range: bytes
 * {first}-{last}/{total}` (the runtime sets `Content-Length`). TikTok answers 206 while it waits
 * for more and 201 once it has the whole file. The bytes are read chunk by chunk, never the whole
 * file at once (the last chunk, which takes the trailing bytes, is gathered up to 128 MB).
 *
 * The upload URL is signed: the token is not sent with it, but it is still listed as a secret of
 * each `PUT`, so an error that echoes it (a proxy, a misrouted answer) is redacted. A chunk the
 * upload host answers with a 5xx, or that gets no answer, is sent again a few times with a backoff
 * (see {@link sendChunkWithRetries}) before the upload fails, the last chunk too: the guide says
 * to resend a chunk answered with a 5xx, and the upload URL serves one publish only, so a resend
 * cannot post twice. The last `PUT` completes the post (TikTok starts publishing it), so when its
 * retries end without a 201 after an attempt TikTok may have taken (a lost answer, a 5xx), or it
 * gets an answer that is neither 201 nor 206 (see {@link lastChunkNotCreated}), the error is an
 * `AmbiguousOutcomeError`, which the publish settles by reading its status. Progress goes to
 * `onProgress({ stage: 'upload', mediaIndex: 0, bytesSent, bytesTotal })` before the first
 * chunk and after each one that TikTok took (once per chunk, however many times it was sent).
 *
 * @param http - the adapter's HTTP client
 * @param upload - the init's upload URL, its chunk plan and its publish id
 * @param video - the video: bytes, a file, or a stream that declares `sizeBytes`
 * @param context - signal, clock and progress of the publish
 * @throws MediaProcessingError when the source holds another number of bytes than declared, or
 *   TikTok answers the last chunk with 206 (it does not have the whole file)
 * @throws AmbiguousOutcomeError when the last chunk's retries end without a 201 after an attempt
 *   TikTok may have taken (a lost answer, a 5xx), or it is answered with a status TikTok does not
 *   document for it
 * @throws TransientError when the upload host failed one chunk every time it was sent
 * @throws AbortedError when the publish is aborted, also while waiting to resend a chunk
 *
 * @example
 * ```ts
 * const plan = tiktokChunkPlan(size, 10_000_000);
 * await uploadTikTokVideo(http, { url: data.upload_url, plan, publishId: data.publish_id }, post.media[0], ctx);
 * ```
 */
export async function uploadTikTokVideo(
  http: HttpClient,
  upload: TikTokVideoUpload,
  video: Media,
  context: PublishContext,
): Promise<void> {
  const { plan } = upload;
  const total = plan.videoSize;
  const failed = (reason: string) =>
    new MediaProcessingError('media_processing_failed', `TikTok video upload: ${reason}`, {
      platform: 'tiktok',
      mediaIndex: 0,
    });
  const progress = (bytesSent: number) =>
    context.onProgress?.({ stage: 'upload', mediaIndex: 0, bytesSent, bytesTotal: total });

  const token = await http.accessToken(context, 'upload video chunk');
  let sent = 0;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const lastIndex = plan.totalChunkCount - 1;
  const send = async (index: number, parts: readonly Uint8Array[]): Promise<void> => {
    const chunk = plan.chunks[index];
    const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
    if (chunk === undefined || chunk.first !== sent || chunk.last !== sent + size - 1)
      throw failed(`its bytes do not match chunk ${index + 1} of ${plan.totalChunkCount} at byte ${sent}`);
    const last = index === lastIndex;
    const label = `chunk ${index + 1} of ${plan.totalChunkCount}`;
    const operation = `upload video ${label}`;
    const attempt = () =>
      http.request({
        method: 'PUT',
        path: upload.url,
        operation,
        // `slice` copies each part into its own buffer, whatever buffer the source used.
        body: new Blob(parts.map((part) => part.slice())),
        headers: { 'Content-Type': video.mimeType, 'Content-Range': chunk.contentRange },
        auth: false,
        secrets: [token],
        createsResource: last,
        context,
      });
    const { status } = await sendChunkWithRetries(
      attempt,
      { label, publishId: upload.publishId, last },
      context,
    ).catch((error: unknown) => {
      throw uploadRefusal(error, upload.publishId) ?? error;
    });
    if (last && status !== 201) throw lastChunkNotCreated(status, chunk, upload.publishId, operation);
    sent += size;
    progress(sent);
  };

  progress(0);
  let index = 0;
  for await (const piece of readMediaChunks(video, plan.chunkSize)) {
    if (index < lastIndex) {
      await send(index, [piece]);
      index += 1;
    } else {
      // The last chunk takes every remaining byte.
      pending.push(piece);
      pendingBytes += piece.byteLength;
      if (sent + pendingBytes > total) break;
    }
  }
  if (sent + pendingBytes !== total)
    throw failed(
      `the source has ${sent + pendingBytes < total ? 'fewer' : 'more'} bytes than the ${total} declared`,
    );
  await send(lastIndex, pending);
}

/**
 * The error for a last chunk TikTok did not answer with 201 Created. The media transfer guide
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide) has TikTok answer
 * 206 Partial Content while it waits for more bytes and 201 Created once it has the whole file:
 *
 * - 206: TikTok says bytes are missing, so the publish cannot go on and nothing is published. A
 *   `MediaProcessingError` whose hint says to publish again (a new publish uploads the file anew).
 * - any other 2xx: the guide names no other answer, so whether TikTok has the file is unknown
 *   (ASSUMED it may); taking it for a failure could post the video twice when the caller
 *   publishes again. An `AmbiguousOutcomeError`, which the publish settles by reading the
 *   publish status.
 */
function lastChunkNotCreated(
  status: number,
  chunk: TikTokChunk,
  publishId: string,
  operation: string,
): MediaProcessingError | AmbiguousOutcomeError {
  const answered = `TikTok answered the last chunk (${chunk.contentRange}) with ${status}`;
  if (status === 206) {
    return new MediaProcessingError(
      'media_processing_failed',
      `TikTok video upload: ${answered} Partial Content, not 201 Created, for publish ${publishId}: it does not have the whole file, so it will not post the video. Nothing was published.`,
      {
        platform: 'tiktok',
        mediaIndex: 0,
        hint: `Publish the post again: a new publish uploads the whole file anew. Publish ${publishId} waits for bytes that will not come until its upload URL expires, an hour after its init; adapter.cancelPublish ends it at once.`,
      },
    );
  }
  return new AmbiguousOutcomeError(
    `TikTok video upload: ${answered}, neither 201 Created (the whole file is there) nor 206 Partial Content (bytes are missing): it may have the video.`,
    { platform: 'tiktok', operation },
  );
}

/**
 * What the upload host means by a refusal, from the media transfer guide's "Response" table
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), with what to do;
 * `undefined` for any other failure, which keeps core's classification.
 *
 * - 403: the upload URL has expired (it is valid an hour after the init). A `TransientError`:
 *   nothing was published, and publishing again gets a new URL.
 * - 404: TikTok has no upload task at the URL (cancelled, or already complete);
 * - 416: the `Content-Range` is not where TikTok's upload stands.
 *   Both a `PlatformError('platform_refused')`: this publish cannot go on, a new one sends the
 *   whole file.
 */
function uploadRefusal(error: unknown, publishId: string): SmmkitError | undefined {
  if (!PlatformError.isInstance(error)) return undefined;
  const again = 'Publish the post again: a new publish gets a new upload URL and sends the whole file.';
  const nothing = `TikTok does not have the whole file, so nothing was published for ${publishId}.`;
  const options = {
    platform: 'tiktok',
    status: error.status,
    ...(error.platformError === undefined ? {} : { platformError: error.platformError }),
    cause: error,
  };
  switch (error.status) {
    case 403:
      return new TransientError(
        'transient',
        `${error.message} TikTok's upload URL for ${publishId} has expired: it is valid for one hour after the init. ${nothing}`,
        {
          ...options,
          hint: `${again} A faster connection or larger chunks (chunkSizeBytes) shorten the upload.`,
        },
      );
    case 404:
      return new PlatformError(
        'platform_refused',
        `${error.message} TikTok has no upload task at the upload URL of ${publishId} (it was cancelled, or is complete).`,
        { ...options, hint: again },
      );
    case 416:
      return new PlatformError(
        'platform_refused',
        `${error.message} TikTok has received other bytes of ${publishId} than the adapter sent before this chunk. ${nothing}`,
        { ...options, hint: again },
      );
    default:
      return undefined;
  }
}
