import { invalidParams, jsonObject, ok, recordField } from '../answers.js';
import type { Publication, TikTokSimContext } from '../context.js';
import { directPostRefusal, inboxRefusal, missingScope, unverifiedUrl } from '../init-rules.js';
import { mediaArrived } from '../publications.js';

const MIB = 1024 * 1024;
const MIN_CHUNK = 5 * MIB;
const MAX_CHUNK = 64 * MIB;
const MAX_VIDEO = 4 * 1024 * MIB;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];
const UPLOAD_URL_MS = 3_600_000;
const TITLE_MAX = 2200;

/**
 * `POST /v2/post/publish/video/init/` (direct post, scope `video.publish`;
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post) and
 * `POST /v2/post/publish/inbox/video/init/` (draft, scope `video.upload`;
 * https://developers.tiktok.com/doc/content-posting-api-reference-upload-video), 6 per minute
 * per token each. The `source_info` follows the media transfer guide
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): a `FILE_UPLOAD`
 * declares its size and chunks (5 MiB–64 MiB, floor(size / chunk) of them, 1–1000; a file under
 * 5 MiB whole, one over 64 MiB in two at least) and gets an `upload_url` valid an hour on the upload host; a `PULL_FROM_URL` names
 * an HTTPS URL under a verified prefix, and TikTok has the video at once.
 */
export function registerVideoInitRoutes(context: TikTokSimContext): void {
  for (const mode of ['direct', 'inbox'] as const) {
    const path = mode === 'direct' ? '/v2/post/publish/video/init/' : '/v2/post/publish/inbox/video/init/';
    context.sim.route(
      'POST',
      path,
      { bucket: mode === 'direct' ? 'video_init' : 'inbox_init' },
      async (route) => {
        const { request, accountId, scopes, now } = route;
        const refused = missingScope(context, scopes, mode === 'direct' ? 'video.publish' : 'video.upload');
        if (refused !== undefined) return refused;
        const body = await jsonObject(request);
        if (body === undefined)
          return invalidParams('The request body is not valid JSON.', context.logIds.next());
        const postInfo = recordField(body, 'post_info');
        const source = recordField(body, 'source_info');
        const title = typeof postInfo.title === 'string' ? postInfo.title : '';
        if (title.length > TITLE_MAX)
          return invalidParams(`post_info.title exceeds ${TITLE_MAX} characters.`, context.logIds.next());
        const sourceProblem = checkSource(context, source);
        if (sourceProblem !== undefined) return sourceProblem;
        const policy =
          mode === 'direct'
            ? directPostRefusal(context, accountId, postInfo.privacy_level, now)
            : inboxRefusal(context, accountId, now);
        if (policy !== undefined) return policy;

        const n = context.sim.nextId();
        const file = source.source === 'FILE_UPLOAD';
        const id = `${mode === 'direct' ? 'v_pub' : 'v_inbox'}_${file ? 'file' : 'url'}~v2-1.${n}`;
        const url = typeof source.video_url === 'string' ? source.video_url : '';
        const token = `upload_${n}_${Math.random().toString(36).slice(2, 10)}`;
        const publication: Publication = {
          id,
          accountId,
          kind: 'video',
          mode,
          source: file ? 'FILE_UPLOAD' : 'PULL_FROM_URL',
          createdAt: now,
          ...(file
            ? {
                upload: {
                  videoSize: Number(source.video_size),
                  chunkSize: Number(source.chunk_size),
                  totalChunkCount: Number(source.total_chunk_count),
                  mimeTypes: VIDEO_TYPES,
                  token,
                  expiresAt: now + UPLOAD_URL_MS,
                  receivedBytes: 0,
                  receivedChunks: 0,
                },
              }
            : {}),
          mediaAt: undefined,
          postId: publicPostId(n),
          content: {
            text: title,
            title: '',
            privacyLevel: typeof postInfo.privacy_level === 'string' ? postInfo.privacy_level : undefined,
            mediaKinds: ['video'],
            mimeType: file ? 'video/mp4' : mimeTypeOf(url),
          },
          failReason: context.failures.shift(),
          cancelled: false,
        };
        context.publications.set(id, publication);
        if (!file) {
          mediaArrived(context, publication, now);
          return ok({ publish_id: id }, context.logIds.next());
        }
        const uploadUrl = `${context.upload.baseUrl}/video/?upload_id=${encodeURIComponent(id)}&upload_token=${token}`;
        return ok({ publish_id: id, upload_url: uploadUrl }, context.logIds.next());
      },
    );
  }
}

/** A post's public id: 19 digits, as TikTok's are. */
export function publicPostId(n: string): string {
  return (7_430_000_000_000_000_000n + BigInt(n)).toString();
}

/** The refusal of a `source_info` TikTok would not take, or `undefined`. */
function checkSource(
  context: TikTokSimContext,
  source: Readonly<Record<string, unknown>>,
): Response | undefined {
  if (source.source === 'PULL_FROM_URL') return unverifiedUrl(context, source.video_url);
  if (source.source !== 'FILE_UPLOAD')
    return invalidParams('source_info.source must be FILE_UPLOAD or PULL_FROM_URL.', context.logIds.next());
  const size = source.video_size;
  const chunk = source.chunk_size;
  const count = source.total_chunk_count;
  if (![size, chunk, count].every((value) => Number.isInteger(value) && (value as number) > 0))
    return invalidParams(
      'video_size, chunk_size and total_chunk_count must be positive integers.',
      context.logIds.next(),
    );
  const [videoSize, chunkSize, chunks] = [size, chunk, count] as [number, number, number];
  if (videoSize > MAX_VIDEO) return invalidParams('The video is larger than 4 GB.', context.logIds.next());
  const whole = chunkSize === videoSize && chunks === 1;
  if (videoSize < MIN_CHUNK && !whole)
    return invalidParams(
      'A video smaller than 5 MB must be uploaded whole (chunk_size = video_size).',
      context.logIds.next(),
    );
  // "Videos with a total size greater than 64 MB must be uploaded in multiple chunks": two at least.
  if (videoSize > MAX_CHUNK && chunks < 2)
    return invalidParams('A video larger than 64 MB must be uploaded in chunks.', context.logIds.next());
  if (!whole && (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK))
    return invalidParams('chunk_size must be between 5 MB and 64 MB.', context.logIds.next());
  if (chunks !== Math.floor(videoSize / chunkSize) || chunks > 1000)
    return invalidParams(
      'total_chunk_count must be video_size / chunk_size rounded down (1 to 1000).',
      context.logIds.next(),
    );
  return undefined;
}

/** The MIME type of a pulled video, from its URL's extension. */
function mimeTypeOf(url: string): string {
  const extension = url.split('?')[0]?.split('.').pop()?.toLowerCase();
  if (extension === 'mov') return 'video/quicktime';
  if (extension === 'webm') return 'video/webm';
  return 'video/mp4';
}
