import {
  expandedEdge,
  type GraphRequest,
  graphTime,
  nonexistingField,
  pick,
  type RequestedField,
  requestedFields,
} from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { COMMENT_DEFAULT_FIELDS, type CommentStore } from './comments-store.js';
import { isLive } from './publication.js';
import { videoEngagement } from './video-engagement.js';
import { hasLivePagePost, type VideoExtra, videoExtra, videoIdOf, videoPostId } from './video-posts.js';

/**
 * The fields and edges the simulator answers on a Video node, all on the Video reference
 * (https://developers.facebook.com/docs/graph-api/reference/video/, Fields and Edges; Meta's own
 * spec, facebook-business-sdk-codegen `api_specs/specs/AdVideo.json`). A Video has no `shares`,
 * `message` or `reactions`: those are its Page post's, read under `post_id`.
 */
export const VIDEO_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'status',
  'permalink_url',
  'post_id',
  'title',
  'description',
  'length',
  'created_time',
  'updated_time',
  'published',
  'comments',
  'likes',
]);

/**
 * The length a processed video or reel reports, seconds: the simulator does not decode uploads,
 * so these are made-up figures (a reel is 3–90 s long:
 * https://developers.facebook.com/docs/video-api/guides/reels-publishing).
 */
const LENGTH_S = { video: 42.5, reel: 15.2 } as const;

/** What {@link videoNodeJson} reads of the request and the simulator. */
export interface VideoNodeRequest {
  /** The request's URL and parameters. */
  readonly request: Pick<GraphRequest, 'url' | 'params'>;
  /** The comment store, for the `comments` edge. */
  readonly comments: CommentStore;
  /** Simulated now. */
  readonly now: number;
  /** How `post_id` is written: `{page-id}_{post-id}` or the post id alone (the simulator's `videoPostIdForm`). */
  readonly postIdForm: 'page-scoped' | 'bare';
}

/**
 * A video post as `GET /{video-id}?fields=…` answers it, `undefined` for any other post (the
 * post routes answer those). Fields (https://developers.facebook.com/docs/graph-api/reference/video/):
 * `status` and `permalink_url` (https://developers.facebook.com/docs/video-api/guides/reels-publishing,
 * Step 4), `post_id` once it is live with a Page post (written as the simulator's `videoPostIdForm` says), `title`, `description`, `length` (seconds,
 * once processed), `created_time`, `updated_time`, `published`; edges expanded in `fields`:
 *
 * - `comments` → `{data, paging?}`, its top-level comments oldest first, paged by the edge's
 *   `limit`/`after` modifiers, and with `.summary(true)` `summary: {order, total_count,
 *   can_comment}` (https://developers.facebook.com/docs/graph-api/reference/object/comments);
 * - `likes` → `{data: []}`, and with `.summary(true)` `summary: {total_count, can_like,
 *   has_liked}` (https://developers.facebook.com/docs/graph-api/reference/object/likes; the
 *   simulator keeps a count of likes, not who gave them, so `data` is empty: ASSUMED fine for
 *   count readers).
 *
 * Any other field is refused as Graph refuses a field a node does not have (`(#100) Tried
 * accessing nonexisting field (shares) on node type (Video)`). The `status`:
 *
 * - processing: `video_status: processing`, `processing_progress` 0–99, phases `complete` /
 *   `in_progress` / `not_started`;
 * - failed: `video_status: error`, `processing_phase: {status: error, error: {message}}`;
 * - processed: `video_status: ready`, `publishing_phase` `complete` (`publish_status: published`)
 *   once live, `not_started` (`scheduled`, with `publish_time`) before its scheduled time, or
 *   `not_published` for a draft.
 *
 * @param post - the stored post
 * @param node - the request, the comment store and simulated now
 * @returns the answer, or `undefined`
 *
 * @example
 * ```ts
 * const answer = videoNodeJson(post, { request, comments, now, postIdForm: 'page-scoped' });
 * ```
 */
export function videoNodeJson(post: SimulatedPost, node: VideoNodeRequest): Response | undefined {
  const video = videoExtra(post);
  if (video.kind === '') return undefined;
  const { request, now } = node;
  const requested = requestedFields(request.params.get('fields') ?? 'id');
  const refused = nonexistingField(
    requested.map((field) => field.name),
    VIDEO_FIELDS,
    'Video',
  );
  if (refused !== undefined) return refused;
  const edges: Record<string, unknown> = {};
  for (const field of requested) {
    if (field.name !== 'comments' && field.name !== 'likes') continue;
    const edge = edgeJson(post, field, node);
    if (edge instanceof Response) return edge;
    edges[field.name] = edge;
  }
  return Response.json(
    pick(
      { ...videoFieldsJson(post, now, node.postIdForm), ...edges },
      requested.map((field) => field.name),
    ),
  );
}

/**
 * The fields of a video or reel's Video node (all but its edges), as `GET /{video-id}` and the
 * Page's `video_reels` list write them (https://developers.facebook.com/docs/graph-api/reference/video/):
 * `id` (the video id), `status`, `permalink_url`, `post_id` once live with a Page post (written as
 * `postIdForm` says), `title` when one was given, `description`, `length` once processed,
 * `created_time` and `updated_time` (when the finish call was accepted), `published`.
 *
 * @param post - the stored video post
 * @param now - simulated now
 * @param postIdForm - how `post_id` is written (the simulator's `videoPostIdForm`)
 * @returns every field, for `pick` to keep the requested ones
 *
 * @example
 * ```ts
 * const reel = pick(videoFieldsJson(post, now, 'page-scoped'), ['id', 'description']);
 * ```
 */
export function videoFieldsJson(
  post: SimulatedPost,
  now: number,
  postIdForm: 'page-scoped' | 'bare',
): Record<string, unknown> {
  const video = videoExtra(post);
  const videoId = videoIdOf(post);
  const permalink =
    video.kind === 'reel' ? `/reel/${videoId}/` : `/${encodeURIComponent(post.accountId)}/videos/${videoId}/`;
  const processed = now >= video.processedAt && video.failure === undefined;
  return {
    id: videoId,
    status: statusJson(video, now),
    permalink_url: permalink,
    ...(hasLivePagePost(post, now) ? { post_id: postIdJson(post, postIdForm) } : {}),
    ...(video.title === '' ? {} : { title: video.title }),
    description: post.text,
    ...(processed ? { length: video.kind === 'reel' ? LENGTH_S.reel : LENGTH_S.video } : {}),
    created_time: graphTime(video.finishedAt),
    updated_time: graphTime(video.finishedAt),
    published: isLive(post, now),
  };
}

/** The Video node's `post_id`: the Page post id, or its part after the Page id when `bare`. */
function postIdJson(post: SimulatedPost, form: 'page-scoped' | 'bare'): string {
  const postId = videoPostId(post);
  return form === 'bare' ? postId.slice(`${post.accountId}_`.length) : postId;
}

/** The `comments` or `likes` edge of a video, expanded in `fields`. */
function edgeJson(
  post: SimulatedPost,
  field: RequestedField,
  { request, comments, now }: VideoNodeRequest,
): Record<string, unknown> | Response {
  const summary = field.modifiers.some((modifier) => modifier.key === 'summary' && modifier.value === 'true');
  const engagement = videoEngagement(post, comments, now);
  if (field.name === 'likes') {
    const likes = { total_count: engagement.likes, can_like: true, has_liked: false };
    return { data: [], ...(summary ? { summary: likes } : {}) };
  }
  const page = expandedEdge(
    comments.topLevel(post.id),
    { url: request.url, fields: requestedFields(request.params.get('fields')) },
    field,
    'oldest',
    (comment) => pick(comments.json(comment, now), field.fields, COMMENT_DEFAULT_FIELDS),
  );
  if (page instanceof Response || !summary) return page;
  const total = { order: 'chronological', total_count: engagement.topLevelComments, can_comment: true };
  return { ...page, summary: total };
}

/** A video's `status` at `now` (see {@link videoNodeJson}). */
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
