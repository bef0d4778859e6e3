import { type Media, MediaProcessingError, type PublishContext, TransientError } from '@smmkit/core';
import { type HttpClient, readMediaBlob, redactSecrets } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { RUPLOAD_ORIGIN } from './graph-settings.js';

/**
 * rupload's answer: `{"success":true}` on success, Instagram's with a `message` ("Upload
 * successful. ...", https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * resumable upload; https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 2).
 * A refusal answered 200 is `success: false` or a `debug_info` object (`{retriable, type,
 * message}`); that shape is ASSUMED (seen on rupload's error answers, which Meta does not document).
 */
const RuploadAnswerSchema = z.optional(
  z.looseObject({
    success: z.optional(z.boolean()),
    message: z.optional(z.string()),
    debug_info: z.optional(
      z.looseObject({
        retriable: z.optional(z.boolean()),
        type: z.optional(z.string()),
        message: z.optional(z.string()),
      }),
    ),
  }),
);

/** rupload's answer as read. */
type RuploadAnswer = z.infer<typeof RuploadAnswerSchema>;

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
  /**
   * The origins the adapter is configured with (its Graph origin, a simulator's or proxy's upload
   * origin): an upload URL on one of them is trusted with the token too, besides Meta's upload
   * host `https://rupload.facebook.com`.
   */
  readonly trustedOrigins: readonly string[];
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
 * @throws TransientError (`invalid_response`) for an upload URL that is neither on
 *   `https://rupload.facebook.com` nor on one of `request.trustedOrigins`, before the token is
 *   read; TransientError (`transient`) or MediaProcessingError (`media_processing_failed`,
 *   when `debug_info.retriable` is false) for an answer that says the upload failed (see
 *   `throwIfRefused`); whatever the client throws; the upload is not repeated here
 *
 * @example
 * ```ts
 * await uploadToRupload(
 *   http,
 *   { url: started.upload_url, operation: 'upload reel', media: video, mediaIndex: 0, trustedOrigins: [settings.origin] },
 *   ctx,
 * );
 * ```
 */
export async function uploadToRupload(
  http: HttpClient,
  request: RuploadRequest,
  context: PublishContext,
): Promise<void> {
  const { url, operation, media } = request;
  // The token goes in a header to a URL Meta names in its answer: only to Meta's upload host over
  // https, or to an origin the adapter was configured with; never to any host a tampered answer names.
  const refusal = untrustedUploadUrl(url, request.trustedOrigins);
  if (refusal !== undefined) {
    throw new TransientError(
      'invalid_response',
      `${operation} was not sent: Meta answered an upload URL ${refusal}, and the token is sent only to ${RUPLOAD_ORIGIN} or an origin the adapter is configured with (baseUrl, ruploadUrl).`,
      {
        platform: context.account.platform,
        hint: "Publish again: a new upload URL is asked for. If it keeps happening, check that nothing between you and Meta rewrites its answers; when uploads go through a simulator or proxy, set the adapter's ruploadUrl to its origin.",
      },
    );
  }
  const item = request.mediaIndex === undefined ? {} : { mediaIndex: request.mediaIndex };
  const common = { method: 'POST', path: url, operation, schema: RuploadAnswerSchema, auth: false } as const;
  if (media.source.type === 'url') {
    context.onProgress?.({ stage: 'upload', ...item });
    const token = await http.accessToken(context, operation);
    const { data } = await http.request({
      ...common,
      headers: { Authorization: `OAuth ${token}`, file_url: media.source.url },
      context,
      secrets: [token],
    });
    throwIfRefused(data, request, context, [token]);
    return;
  }
  // The blob is what is sent (and what `file_size` declares), so progress counts its size too.
  const blob = await readMediaBlob(media);
  const progress = (bytesSent: number) =>
    context.onProgress?.({ stage: 'upload', ...item, bytesSent, bytesTotal: blob.size });
  progress(0);
  const token = await http.accessToken(context, operation);
  const { data } = await http.request({
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
  throwIfRefused(data, request, context, [token]);
  progress(blob.size);
}

/**
 * Throws when rupload answered 200 but says the upload failed (`success: false`, or a
 * `debug_info` error): no video reached the container or reel, so the publish stops here instead
 * of waiting on one that will never finish. Meta's advice for a failed video upload is "Generate a
 * new container and use it to try again" (2207053,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes),
 * which publishing again does: a retryable `TransientError`, unless `debug_info` says
 * `retriable: false`, which is a `MediaProcessingError` for the video (the file has to change).
 */
function throwIfRefused(
  answer: RuploadAnswer,
  request: RuploadRequest,
  context: PublishContext,
  secrets: readonly string[],
): void {
  // Refused: `success: false`, or a `debug_info` error with no `success: true` beside it.
  if (answer === undefined || answer.success === true) return;
  if (answer.success !== false && answer.debug_info === undefined) return;
  const debug = answer.debug_info;
  // The token goes to rupload with `auth: false`, so the client does not redact the answer: words
  // copied from it into the error are redacted here.
  const words = redactSecrets(debug?.message ?? answer.message ?? 'no reason given', secrets);
  const platformError = { message: words, ...(debug?.type === undefined ? {} : { type: debug.type }) };
  const options = { platform: context.account.platform, status: 200, platformError };
  const said = `Meta's upload host answered that ${request.operation} failed ("${words}"): the video was not received and nothing was published.`;
  if (debug?.retriable === false) {
    throw new MediaProcessingError('media_processing_failed', said, {
      ...options,
      ...(request.mediaIndex === undefined ? {} : { mediaIndex: request.mediaIndex }),
      hint: "Meta will not take this video as it is: check it against the platform's video specifications (format, codec, size, duration), then publish again.",
    });
  }
  throw new TransientError('transient', said, {
    ...options,
    hint: 'Publish again: the video is uploaded anew.',
  });
}

/**
 * Why an upload URL may not receive the token (`undefined` when it may): it must be on
 * {@link RUPLOAD_ORIGIN} (https, default port), or on one of the adapter's configured origins.
 * The URL itself is not quoted (a tampered answer's text stays out of errors).
 */
function untrustedUploadUrl(url: string, trustedOrigins: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'that is not a URL';
  }
  if (trustedOrigins.some((origin) => sameOrigin(parsed, origin))) return undefined;
  if (parsed.protocol !== 'https:') return 'that is not https';
  if (parsed.origin !== RUPLOAD_ORIGIN) return `on a host other than ${new URL(RUPLOAD_ORIGIN).host}`;
  return undefined;
}

/** Whether `url` is on `origin` (a configured origin that does not parse matches nothing). */
function sameOrigin(url: URL, origin: string): boolean {
  try {
    return url.origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
