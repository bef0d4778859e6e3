import { fieldNames, graphTime, nonexistingField, pick } from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { readExtra } from '@smmkit/testkit/simulator-kit';
import type { FacebookContext } from './context.js';
import { isLive, type Publication } from './publication.js';

/** What the video and reel routes share besides the Graph context. */
export interface FacebookVideoContext extends FacebookContext {
  /** How long a finished video or reel stays in processing, simulated ms. */
  readonly processingMs: number;
  /** Failure messages for the next finished videos, oldest first (see the simulator's `failNextVideo`). */
  readonly failures: string[];
}

/** A video post as {@link storeVideoPost} keeps it in `extra`. */
interface VideoExtra {
  /** `video` (`/{page-id}/videos`) or `reel` (`/{page-id}/video_reels`); `''` for other posts. */
  readonly kind: string;
  /** When the finish call (or `file_url`) was accepted, simulated ms. */
  readonly finishedAt: number;
  /** When processing ends, simulated ms. */
  readonly processedAt: number;
  /** Why processing fails, when it does. */
  readonly failure: string | undefined;
  /** The scheduled go-live instant, when scheduled. */
  readonly scheduledAt: number | undefined;
  /** `published=false` (a scheduled or draft video). */
  readonly unpublished: boolean;
}

const NOT_A_VIDEO: VideoExtra = {
  kind: '',
  finishedAt: 0,
  processedAt: 0,
  failure: undefined,
  scheduledAt: undefined,
  unpublished: false,
};

/** What a finished upload turns into. */
export interface FinishedVideo {
  /** The video's id, which is also the post's. */
  readonly videoId: string;
  /** The Page. */
  readonly pageId: string;
  /** `video` or `reel`. */
  readonly kind: 'video' | 'reel';
  /** `description`. */
  readonly description: string;
  /** The bytes received (0 for a `file_url` video). */
  readonly sizeBytes: number;
  /** How and when it goes live. */
  readonly publication: Publication;
}

/**
 * Stores a finished video or reel as a post under the video's id: processing for
 * `processingMs` (or failing with the next of `failures`), then live at the end of processing —
 * or at its scheduled time, whichever is later (`createdAt`, so the Page's feed leaves it out until
 * then).
 *
 * @param context - the video context
 * @param video - the finished upload
 * @param now - simulated now
 * @returns the stored post
 *
 * @example
 * ```ts
 * storeVideoPost(context, { videoId, pageId, kind: 'reel', description, sizeBytes, publication }, now);
 * ```
 */
export function storeVideoPost(
  context: FacebookVideoContext,
  video: FinishedVideo,
  now: number,
): SimulatedPost {
  const { sim } = context;
  const processedAt = now + context.processingMs;
  const failure = context.failures.shift();
  const media = sim.addMedia({
    id: video.videoId,
    accountId: video.pageId,
    kind: 'video',
    mimeType: 'video/mp4',
    sizeBytes: video.sizeBytes,
  });
  sim.media.delete(media.id);
  return sim.addPost({
    id: video.videoId,
    accountId: video.pageId,
    text: video.description,
    media: [media],
    createdAt: Math.max(processedAt, video.publication.scheduledAt ?? 0),
    extra: {
      kind: video.kind,
      finishedAt: now,
      processedAt,
      failure,
      scheduledAt: video.publication.scheduledAt,
      unpublished: video.publication.unpublished,
    },
  });
}

/**
 * The fields the simulator answers on a Video node (https://developers.facebook.com/docs/graph-api/reference/video/;
 * Meta's own spec, facebook-business-sdk-codegen `api_specs/specs/AdVideo.json`). A Video has no
 * `shares`, `message` or `reactions`: those are its Page post's, read under `post_id`.
 */
const VIDEO_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'status',
  'permalink_url',
  'post_id',
  'description',
  'created_time',
  'published',
]);

/**
 * Whether a stored post is a video or reel (stored under its video id by {@link storeVideoPost}).
 *
 * @param post - a stored post
 * @returns true for a video or reel
 */
export function isVideoPost(post: SimulatedPost): boolean {
  return readExtra(post.extra, NOT_A_VIDEO).kind !== '';
}

/**
 * The Page post id of a video: `{page-id}_{video-id}` in the simulator (the Video node's
 * `post_id`; its format in Graph answers is ASSUMED to be a Page post id like any other).
 *
 * @param post - the video post
 * @returns its post id
 */
export function videoPostId(post: SimulatedPost): string {
  return `${post.accountId}_${post.id}`;
}

/**
 * The video a Page post id names (`{page-id}_{video-id}`, see {@link videoPostId}), for the post
 * routes to answer that id with the video's post: only once the video is live, as its `post_id`.
 *
 * @param posts - the simulator's posts
 * @param id - a requested id
 * @param now - simulated now
 * @returns the video post, or `undefined` when `id` names none
 */
export function videoOfPostId(
  posts: { get(id: string): SimulatedPost | undefined },
  id: string,
  now: number,
): SimulatedPost | undefined {
  const cut = id.indexOf('_');
  if (cut < 0) return undefined;
  const video = posts.get(id.slice(cut + 1));
  const named = video !== undefined && isVideoPost(video) && videoPostId(video) === id;
  return named && isLive(video, now) ? video : undefined;
}

/**
 * A video post as `GET /{video-id}?fields=…` answers it: `status` and `permalink_url`
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 4;
 * https://developers.facebook.com/docs/graph-api/reference/video/), `post_id` once it is live,
 * `description`, `created_time`, `published`; any other field is refused as Graph refuses a
 * field a node does not have (`(#100) Tried accessing nonexisting field (shares) on node type
 * (Video)`). `undefined` for any other post (the post routes answer those). The `status`:
 *
 * - processing: `video_status: processing`, `processing_progress` 0–99, phases `complete` /
 *   `in_progress` / `not_started`;
 * - failed: `video_status: error`, `processing_phase: {status: error, error: {message}}`;
 * - processed: `video_status: ready`, `publishing_phase` `complete` (`publish_status: published`)
 *   once live, `not_started` (`scheduled`, with `publish_time`) before its scheduled time, or
 *   `not_published` for a draft.
 *
 * @param post - the stored post
 * @param rawFields - the request's `fields`
 * @param now - simulated now
 * @returns the answer, or `undefined`
 *
 * @example
 * ```ts
 * const answer = videoNodeJson(post, params.get('fields'), now);
 * ```
 */
export function videoNodeJson(
  post: SimulatedPost,
  rawFields: string | undefined,
  now: number,
): Response | undefined {
  const video = readExtra(post.extra, NOT_A_VIDEO);
  if (video.kind === '') return undefined;
  const fields = fieldNames(rawFields ?? 'id');
  const refused = nonexistingField(fields, VIDEO_FIELDS, 'Video');
  if (refused !== undefined) return refused;
  const permalink =
    video.kind === 'reel' ? `/reel/${post.id}/` : `/${encodeURIComponent(post.accountId)}/videos/${post.id}/`;
  const live = isLive(post, now);
  return Response.json(
    pick(
      {
        id: post.id,
        status: statusJson(video, now),
        permalink_url: permalink,
        ...(live ? { post_id: videoPostId(post) } : {}),
        description: post.text,
        created_time: graphTime(video.finishedAt),
        published: live,
      },
      fields,
    ),
  );
}

function statusJson(video: VideoExtra, now: number): Record<string, unknown> {
  const uploading = { status: 'complete' };
  if (now < video.processedAt) {
    const span = video.processedAt - video.finishedAt;
    return {
      video_status: 'processing',
      processing_progress: Math.min(99, Math.floor(((now - video.finishedAt) / span) * 100)),
      uploading_phase: uploading,
      processing_phase: { status: 'in_progress' },
      publishing_phase: { status: 'not_started' },
    };
  }
  if (video.failure !== undefined) {
    return {
      video_status: 'error',
      uploading_phase: uploading,
      processing_phase: { status: 'error', error: { message: video.failure } },
      publishing_phase: { status: 'not_started' },
    };
  }
  const goLive = Math.max(video.processedAt, video.scheduledAt ?? 0);
  const publishTime = graphTime(goLive);
  const publishing =
    video.unpublished && video.scheduledAt === undefined
      ? { status: 'not_started', publish_status: 'not_published' }
      : now < goLive
        ? { status: 'not_started', publish_status: 'scheduled', publish_time: publishTime }
        : { status: 'complete', publish_status: 'published', publish_time: publishTime };
  return {
    video_status: 'ready',
    processing_progress: 100,
    uploading_phase: uploading,
    processing_phase: { status: 'complete' },
    publishing_phase: publishing,
  };
}

/**
 * The video host next to a Graph origin, as the adapter finds it: "Videos must be published to
 * graph-video.facebook.com instead of the regular Graph API URL"
 * (https://developers.facebook.com/docs/graph-api/video-uploads), so a host starting with
 * `graph.` gets its `graph-video.` sibling; any other origin carries the uploads itself.
 *
 * @param graphOrigin - the Graph origin (`https://graph.facebook.com`)
 * @returns the video host's origin (`https://graph-video.facebook.com`)
 *
 * @example
 * ```ts
 * videoHostUrl('https://graph.facebook-pages.test'); // 'https://graph-video.facebook-pages.test'
 * ```
 */
export function videoHostUrl(graphOrigin: string): string {
  const url = new URL(graphOrigin);
  if (url.hostname.startsWith('graph.')) url.hostname = `graph-video.${url.hostname.slice('graph.'.length)}`;
  return url.toString().replace(/\/+$/, '');
}
