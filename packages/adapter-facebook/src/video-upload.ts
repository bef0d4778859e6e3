import { type Media, PlatformError, type PublishContext } from '@smmkit/core';
import { type HttpClient, readMediaBlob } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema } from '@smmkit/graph-api';
import { type FormValue, graphFormData, uploadFileName } from './publish-form.js';
import { VideoUploadStartSchema, VideoUploadTransferSchema } from './publish-schemas.js';
import { IdResponseSchema } from './schemas.js';

/**
 * The base URL video uploads go to: "Videos must be published to graph-video.facebook.com
 * instead of the regular Graph API URL (graph.facebook.com)"
 * (https://developers.facebook.com/docs/graph-api/video-uploads). A Graph base URL whose host
 * starts with `graph.` gets its `graph-video.` sibling, with the same version path; any other base
 * URL (a proxy) carries the uploads itself. The Facebook simulator puts its video host where
 * this rule looks for it.
 *
 * @param graphBaseUrl - the adapter's Graph base URL, with the version (`https://graph.facebook.com/v26.0`)
 * @returns the video host's base URL (`https://graph-video.facebook.com/v26.0`)
 *
 * @example
 * ```ts
 * facebookVideoBaseUrl('https://graph.facebook.com/v26.0'); // 'https://graph-video.facebook.com/v26.0'
 * ```
 */
export function facebookVideoBaseUrl(graphBaseUrl: string): string {
  const url = new URL(graphBaseUrl);
  if (url.hostname.startsWith('graph.')) url.hostname = `graph-video.${url.hostname.slice('graph.'.length)}`;
  return url.toString().replace(/\/+$/, '');
}

/** The parameters a video post is finished with: its text and when it goes live. */
export type VideoPostParams = Readonly<Record<string, FormValue>>;

/**
 * Makes a Page video from a public URL: `POST /{page-id}/videos` on the video host with
 * `file_url` → `{id}`; Facebook downloads it ("within 5 minutes") and processes it
 * (https://developers.facebook.com/docs/graph-api/video-uploads, Non-Resumable Upload). The call
 * makes the post, so it is marked `createsResource`.
 *
 * @param http - the adapter's HTTP client
 * @param videoBaseUrl - the video host, see {@link facebookVideoBaseUrl}
 * @param fileUrl - the video's public URL
 * @param params - `description` and the schedule parameters
 * @param context - the Page, its token, signal and progress listener
 * @returns the video's id
 *
 * @example
 * ```ts
 * const videoId = await createFacebookVideoFromUrl(http, videoBase, 'https://cdn.example.com/clip.mp4', { description: 'Hi' }, ctx);
 * ```
 */
export async function createFacebookVideoFromUrl(
  http: HttpClient,
  videoBaseUrl: string,
  fileUrl: string,
  params: VideoPostParams,
  context: PublishContext,
): Promise<string> {
  context.onProgress?.({ stage: 'upload', mediaIndex: 0 });
  const { data } = await http.request({
    method: 'POST',
    path: `${videoBaseUrl}/${encodeURIComponent(context.account.accountId)}/videos`,
    operation: 'publish video',
    json: { file_url: fileUrl, ...params },
    schema: IdResponseSchema,
    createsResource: true,
    context,
  });
  return data.id;
}

/**
 * Uploads a video's bytes with the resumable protocol on the video host and publishes it
 * (https://developers.facebook.com/docs/graph-api/video-uploads, Resumable Upload):
 *
 * 1. `upload_phase=start` with `file_size` → `{upload_session_id, video_id, start_offset, end_offset}`;
 * 2. `upload_phase=transfer` with `upload_session_id`, `start_offset` and the bytes from
 *    `start_offset` to `end_offset` as the multipart `video_file_chunk`, again with each answer's
 *    offsets, until they are equal; `onProgress` hears `bytesSent` / `bytesTotal` after each chunk;
 * 3. `upload_phase=finish` with `upload_session_id` and `params` → `{success: true}`: the video
 *    post is made (marked `createsResource`), and Facebook processes it.
 *
 * Chunks are cut from the media's `Blob` (a file is read lazily) at the offsets Facebook asks
 * for. A failed chunk fails the publish: the retry the publisher makes starts a new session.
 *
 * @param http - the adapter's HTTP client
 * @param videoBaseUrl - the video host, see {@link facebookVideoBaseUrl}
 * @param media - the video (bytes, a file or a stream)
 * @param params - `description` and the schedule parameters, sent with the finish
 * @param context - the Page, its token, signal and progress listener
 * @returns the video's id
 * @throws PlatformError when Facebook stops moving the upload on or does not confirm the finish
 *
 * @example
 * ```ts
 * const videoId = await uploadFacebookVideo(http, videoBase, video, { description: 'Hi' }, ctx);
 * ```
 */
export async function uploadFacebookVideo(
  http: HttpClient,
  videoBaseUrl: string,
  media: Media,
  params: VideoPostParams,
  context: PublishContext,
): Promise<string> {
  const path = `${videoBaseUrl}/${encodeURIComponent(context.account.accountId)}/videos`;
  const blob = await readMediaBlob(media);
  const bytesTotal = blob.size;
  const progress = (bytesSent: number) =>
    context.onProgress?.({ stage: 'upload', mediaIndex: 0, bytesSent, bytesTotal });

  const started = await http.request({
    method: 'POST',
    path,
    operation: 'start video upload',
    json: { upload_phase: 'start', file_size: bytesTotal },
    schema: VideoUploadStartSchema,
    context,
  });
  const session = started.data;
  let { start_offset: start, end_offset: end } = session;
  progress(start);
  while (start < end) {
    const body = graphFormData(
      { upload_phase: 'transfer', upload_session_id: session.upload_session_id, start_offset: start },
      'video_file_chunk',
      blob.slice(start, end, blob.type),
      uploadFileName(media.mimeType),
    );
    const { data } = await http.request({
      method: 'POST',
      path,
      operation: 'transfer video chunk',
      body,
      schema: VideoUploadTransferSchema,
      context,
    });
    if (data.start_offset <= start && data.start_offset < data.end_offset) {
      throw new PlatformError(
        'platform_refused',
        `transfer video chunk: Facebook asked for offset ${data.start_offset} again after the chunk from ${start}; the upload does not move on.`,
        { platform: 'facebook' },
      );
    }
    start = data.start_offset;
    end = data.end_offset;
    progress(Math.min(start, bytesTotal));
  }

  context.onProgress?.({ stage: 'publish' });
  const finished = await http.request({
    method: 'POST',
    path,
    operation: 'finish video upload',
    json: { upload_phase: 'finish', upload_session_id: session.upload_session_id, ...params },
    schema: GraphSuccessSchema,
    createsResource: true,
    context,
  });
  assertGraphSuccess(finished.data, 'facebook', `finish video upload ${session.video_id}`);
  return session.video_id;
}
