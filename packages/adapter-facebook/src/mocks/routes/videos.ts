import {
  graphError,
  headerOrQueryToken,
  invalidParameter,
  readGraphParams,
  tokenError,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import { type UploadSession, UploadSessions } from '@smmkit/testkit/simulator-kit';
import type { CommentStore } from '../comments-store.js';
import { PUBLISHING_PERMISSIONS, PUBLISHING_TASKS, requireUserGrants } from '../context.js';
import { readPublication } from '../publication.js';
import { videoNodeJson } from '../video-node.js';
import { type FacebookVideoContext, storeVideoPost, videoNamed } from '../video-posts.js';

/**
 * One resumable upload (`upload_phase=start` until `finish`): testkit's session, its uploader the
 * Page and its `totalBytes` the `file_size`, a chunk's bytes recorded under its `start_offset`;
 * plus the video it becomes.
 */
type VideoUpload = UploadSession & { readonly videoId: string };

/** Versions look like `v25.0` (https://developers.facebook.com/docs/graph-api/guides/versioning). */
const VERSION_PATTERN = /^v\d+\.\d+$/;

/**
 * The video host, `graph-video.facebook.com` (https://developers.facebook.com/docs/graph-api/video-uploads):
 * `POST /{v}/{page-id}/videos` for the Page's own token (Bearer header, query or body) with
 * `PUBLISHING_PERMISSIONS` granted, with the parameters in the query, a form, a multipart body or JSON:
 *
 * - `file_url` (not with `upload_phase`; https://developers.facebook.com/docs/graph-api/reference/page/videos/)
 *   → `{id}`: a video Facebook fetches;
 * - `upload_phase=start` with `file_size` → `{upload_session_id, video_id, start_offset, end_offset}`
 *   (offsets as numeric strings, chunks of `chunkBytes`);
 * - `upload_phase=transfer` with `upload_session_id`, `start_offset` (the bytes received so far)
 *   and the multipart `video_file_chunk` → the next `{start_offset, end_offset}`, equal when done;
 * - `upload_phase=finish` with `upload_session_id` once every byte has arrived → `{success: true}`;
 * - a multipart `source` (the non-resumable upload) → `{id}`;
 *
 * each with `description`, `title` (also the description when none is given), `published` and
 * `scheduled_publish_time` (10 minutes to 30 days ahead). A finished video is stored as a post under its id (see `storeVideoPost`). The
 * host checks tokens against the Graph simulator's and counts no budget; the wording of the
 * session and offset errors is ASSUMED. The Graph host answers the video's status: see
 * {@link registerVideoNodeRoutes}.
 *
 * @param context - the video context (Graph state, processing time, failures)
 * @param host - the video host's simulator
 * @param chunkBytes - how many bytes each transfer asks for
 *
 * @example
 * ```ts
 * registerVideoRoutes(context, videoHost, 4 * 1024 * 1024);
 * ```
 */
export function registerVideoRoutes(
  context: FacebookVideoContext,
  host: PlatformSimulator,
  chunkBytes: number,
): void {
  const { sim } = context;
  const sessions = sim.resettable(new UploadSessions<VideoUpload>());
  host.route('POST', '/:version/:pageId/videos', { auth: false }, async ({ request, url, params: path }) => {
    const now = sim.clock.now();
    const version = String(path.version);
    if (!VERSION_PATTERN.test(version))
      return graphError({ message: `Unknown path components: /${version}`, code: 2500 });
    // Read as the Graph host reads them: a body that does not parse carries no parameters.
    const params = await readGraphParams(request);
    const token = headerOrQueryToken(request, url) ?? params.get('access_token');
    const check = sim.tokens.check(token);
    if (check.status !== 'valid') return tokenError(check.status, now);
    const pageId = String(path.pageId);
    if (pageId !== check.accountId) return unsupportedRequest('POST', pageId);
    requireUserGrants(context, token, PUBLISHING_PERMISSIONS, PUBLISHING_TASKS);

    const phase = params.get('upload_phase');
    const fileUrl = params.get('file_url');
    // Throws readPublication's refusal before anything is stored.
    const finish = (videoId: string, sizeBytes: number): void => {
      const publication = readPublication(params.get('published'), params.get('scheduled_publish_time'), now);
      const title = params.get('title');
      const description = params.get('description') ?? title ?? '';
      storeVideoPost(
        context,
        { videoId, pageId, kind: 'video', description, title, sizeBytes, publication },
        now,
      );
    };

    if (fileUrl !== undefined) {
      if (phase !== undefined) return invalidParameter('file_url cannot be used with upload_phase');
      if (!URL.canParse(fileUrl)) return invalidParameter('file_url should represent a valid URL');
      const videoId = sim.nextId();
      finish(videoId, 0);
      return Response.json({ id: videoId });
    }
    if (phase === 'start') {
      const fileSize = Number(params.get('file_size'));
      if (!Number.isInteger(fileSize) || fileSize <= 0)
        return invalidParameter('The parameter file_size is required');
      // The simulator does not expire a session (Graph's lifetime for one is not documented).
      const session = sessions.open({
        id: sim.nextId(),
        videoId: sim.nextId(),
        accountId: pageId,
        totalBytes: fileSize,
        expiresAt: Number.POSITIVE_INFINITY,
      });
      return Response.json({
        upload_session_id: session.id,
        video_id: session.videoId,
        start_offset: '0',
        end_offset: String(Math.min(chunkBytes, fileSize)),
      });
    }
    if (phase === 'transfer' || phase === 'finish') {
      const session = sessions.live(params.get('upload_session_id') ?? '', pageId, now);
      if (session === undefined || session.finalized) return invalidParameter('Invalid upload_session_id');
      const received = sessions.received(session);
      if (phase === 'finish') {
        if (received < session.totalBytes)
          return invalidParameter(
            `The upload is incomplete: ${received} of ${session.totalBytes} bytes received`,
          );
        finish(session.videoId, session.totalBytes);
        session.finalized = true;
        return Response.json({ success: true });
      }
      const chunk = params.file('video_file_chunk');
      if (chunk === undefined || chunk.size === 0)
        return invalidParameter('The parameter video_file_chunk is required');
      const start = Number(params.get('start_offset'));
      if (start !== received)
        return invalidParameter(
          `start_offset ${start} does not match the upload session (expected ${received})`,
        );
      if (start + chunk.size > session.totalBytes)
        return invalidParameter(`The chunk runs past file_size (${session.totalBytes} bytes)`);
      session.segments.set(start, chunk.size);
      return Response.json({
        start_offset: String(start + chunk.size),
        end_offset: String(Math.min(start + chunk.size + chunkBytes, session.totalBytes)),
      });
    }
    const source = params.file('source');
    if (source !== undefined) {
      const videoId = sim.nextId();
      finish(videoId, source.size);
      return Response.json({ id: videoId });
    }
    return invalidParameter('Requires file_url, source or upload_phase');
  });
}

/**
 * `GET /{v}/{video-id}?fields=…` on the Graph host for videos and reels, whoever asks (see
 * `videoNodeJson`: fields, and the `comments` and `likes` edges expanded in `fields`); other ids
 * go on to the routes declared after it.
 *
 * @param context - the video context
 * @param comments - the comment store, for the `comments` edge
 *
 * @example
 * ```ts
 * registerVideoNodeRoutes(context, comments);
 * ```
 */
export function registerVideoNodeRoutes(context: FacebookVideoContext, comments: CommentStore): void {
  context.route('GET', '/:version/:videoId', {}, (request) => {
    const post = videoNamed(context.sim.posts, request.path.videoId ?? '');
    // A video id is a Video node whoever asks; any other id (its Page post's too) goes on.
    return post === undefined
      ? undefined
      : videoNodeJson(post, { request, comments, now: request.now, postIdForm: context.videoPostIdForm });
  });
}
