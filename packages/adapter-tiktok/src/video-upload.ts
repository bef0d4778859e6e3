import { type Media, MediaProcessingError, type PublishContext } from '@smmkit/core';
import { type HttpClient, readMediaChunks } from '@smmkit/core/adapter-kit';
import type { TikTokChunkPlan } from './chunk-plan.js';

/**
 * Sends a video's bytes to the `upload_url` of its init, chunk by chunk as `plan` cuts them
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): one `PUT` per
 * chunk, in order, with `Content-Type` (the video's MIME type) and `Content-Range: bytes
 * {first}-{last}/{total}` (the runtime sets `Content-Length`). TikTok answers 206 while it waits
 * for more and 201 once it has the whole file. The bytes are read chunk by chunk, never the whole
 * file at once (the last chunk, which takes the trailing bytes, is gathered up to 128 MB).
 *
 * The upload URL is signed: the token is not sent with it, but it is still listed as a secret of
 * each `PUT`, so an error that echoes it (a proxy, a misrouted answer) is redacted. The last `PUT` completes the post
 * (TikTok starts publishing it), so a lost answer there is an `AmbiguousOutcomeError`. Progress
 * goes to `onProgress({ stage: 'upload', mediaIndex: 0, bytesSent, bytesTotal })` before the first
 * chunk and after each one.
 *
 * @param http - the adapter's HTTP client
 * @param uploadUrl - the init's `upload_url` (valid an hour)
 * @param video - the video: bytes, a file, or a stream that declares `sizeBytes`
 * @param plan - the chunks declared in the init
 * @param context - signal, clock and progress of the publish
 * @throws MediaProcessingError when the source holds another number of bytes than declared, or
 *   TikTok does not answer the last chunk with 201
 *
 * @example
 * ```ts
 * await uploadTikTokVideo(http, data.upload_url, post.media[0], tiktokChunkPlan(size, 10_000_000), ctx);
 * ```
 */
export async function uploadTikTokVideo(
  http: HttpClient,
  uploadUrl: string,
  video: Media,
  plan: TikTokChunkPlan,
  context: PublishContext,
): Promise<void> {
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
    const { status } = await http.request({
      method: 'PUT',
      path: uploadUrl,
      operation: `upload video chunk ${index + 1} of ${plan.totalChunkCount}`,
      // `slice` copies each part into its own buffer, whatever buffer the source used.
      body: new Blob(parts.map((part) => part.slice())),
      headers: { 'Content-Type': video.mimeType, 'Content-Range': chunk.contentRange },
      auth: false,
      secrets: [token],
      createsResource: last,
      context,
    });
    if (last && status !== 201) throw failed(`TikTok answered the last chunk with ${status}, not 201`);
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
