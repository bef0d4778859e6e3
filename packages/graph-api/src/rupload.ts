import { type Media, type PublishContext, TransientError } from '@smmkit/core';
import { type HttpClient, readMediaBlob } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/** rupload's answer, `{success: true}` (Instagram adds a `message`); nothing in it is read. */
const RuploadAnswerSchema = z.optional(
  z.looseObject({ success: z.optional(z.boolean()), message: z.optional(z.string()) }),
);

/** What {@link uploadToRupload} sends, and where. */
export interface RuploadRequest {
  /** The upload URL Meta handed out (`https://rupload.facebook.com/video-upload/v26.0/{video-id}`). */
  readonly url: string;
  /** The operation's name, for errors (`upload reel`). */
  readonly operation: string;
  /** The video: a public URL is passed on as `file_url`, any other source is sent as its bytes. */
  readonly media: Media;
  /** Its index in `post.media`, for progress; left out of progress events when not given. */
  readonly mediaIndex?: number | undefined;
}

/**
 * Sends a video to Meta's resumable-upload host, `rupload.facebook.com`, in one request: the
 * token as `Authorization: OAuth <token>` (not the Bearer header the Graph client adds; the token
 * is named a secret the client redacts from any error), and either the bytes from offset 0 with
 * `offset: 0` and `file_size`, or a public URL as the `file_url` header for Meta to fetch
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 2;
 * https://developers.facebook.com/docs/instagram-platform/content-publishing, resumable upload).
 * Progress: `upload` with 0 and then all of the bytes sent, or one `upload` for a URL.
 *
 * @param http - the adapter's Graph HTTP client
 * @param request - the upload URL, the operation's name, the video and its index
 * @param context - the publish context (its token, signal and progress listener)
 * @throws TransientError (`invalid_response`) for an upload URL that is not https, before the
 *   token is read; whatever the client throws; the upload is not repeated by this function
 *
 * @example
 * ```ts
 * await uploadToRupload(http, { url: started.upload_url, operation: 'upload reel', media: video, mediaIndex: 0 }, ctx);
 * ```
 */
export async function uploadToRupload(
  http: HttpClient,
  request: RuploadRequest,
  context: PublishContext,
): Promise<void> {
  const { url, operation, media } = request;
  // The token goes in a header to a host Meta names in its answer: never over plain HTTP.
  if (!isHttps(url)) {
    throw new TransientError(
      'invalid_response',
      `${operation} was not sent: Meta answered an upload URL that is not https, and the token is sent only over https.`,
      { platform: context.account.platform },
    );
  }
  const item = request.mediaIndex === undefined ? {} : { mediaIndex: request.mediaIndex };
  const common = { method: 'POST', path: url, operation, schema: RuploadAnswerSchema, auth: false } as const;
  if (media.source.type === 'url') {
    context.onProgress?.({ stage: 'upload', ...item });
    const token = await http.accessToken(context, operation);
    await http.request({
      ...common,
      headers: { Authorization: `OAuth ${token}`, file_url: media.source.url },
      context,
      secrets: [token],
    });
    return;
  }
  // The blob is what is sent (and what `file_size` declares), so progress counts its size too.
  const blob = await readMediaBlob(media);
  const progress = (bytesSent: number) =>
    context.onProgress?.({ stage: 'upload', ...item, bytesSent, bytesTotal: blob.size });
  progress(0);
  const token = await http.accessToken(context, operation);
  await http.request({
    ...common,
    body: blob,
    headers: {
      Authorization: `OAuth ${token}`,
      offset: '0',
      file_size: String(blob.size),
      'Content-Type': 'application/octet-stream',
    },
    context,
    secrets: [token],
  });
  progress(blob.size);
}

/** Whether `url` is an https URL. */
function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
