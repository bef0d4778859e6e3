import type { PlatformSimulator, SimulatedPost } from '@smmkit/testkit';
import { readExtra } from '@smmkit/testkit/simulator-kit';
import type { FacebookContext } from './context.js';
import { isLive, type Publication } from './publication.js';

/** What the video and reel routes share besides the Graph context. */
export interface FacebookVideoContext extends FacebookContext {
  /** How long a finished video or reel stays in processing, simulated ms. */
  readonly processingMs: number;
  /** Failure messages for the next finished videos, oldest first (see the simulator's `failNextVideo`). */
  readonly failures: string[];
  /** Whether a live reel has a Page post (`post_id`); see the simulator's `reelPagePosts` option. */
  readonly reelPagePosts: boolean;
  /** How the Video node writes `post_id`; see the simulator's `videoPostIdForm` option. */
  readonly videoPostIdForm: 'page-scoped' | 'bare';
}

/** A video post as {@link storeVideoPost} keeps it in `extra`. */
export interface VideoExtra {
  /** `video` (`/{page-id}/videos`) or `reel` (`/{page-id}/video_reels`); `''` for other posts. */
  readonly kind: string;
  /** The video's id (the Video node's), which may not be the id the post is stored under; `''` for other posts. */
  readonly videoId: string;
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
  /** `title`, `''` when none was given. */
  readonly title: string;
  /** Whether it has a Page post once live (`post_id`): false for a reel without one. */
  readonly pagePost: boolean;
}

const NOT_A_VIDEO: VideoExtra = {
  kind: '',
  videoId: '',
  finishedAt: 0,
  processedAt: 0,
  failure: undefined,
  scheduledAt: undefined,
  unpublished: false,
  title: '',
  pagePost: true,
};

/** What a finished upload turns into. */
export interface FinishedVideo {
  /** The video's id. */
  readonly videoId: string;
  /** The Page. */
  readonly pageId: string;
  /** `video` or `reel`. */
  readonly kind: 'video' | 'reel';
  /** `description`. */
  readonly description: string;
  /** `title`, if one was given. */
  readonly title?: string | undefined;
  /** The bytes received (0 for a `file_url` video). */
  readonly sizeBytes: number;
  /** How and when it goes live. */
  readonly publication: Publication;
}

/**
 * Stores a finished video or reel as a post under its Page post's id, `{page-id}_{video-id}` (see
 * {@link videoPostId}), the id Graph lists and notifies it by — or, for a reel without a Page
 * post, under its video id; the video id is kept in `extra` (see {@link videoNamed}). Processing for
 * `processingMs` (or failing with the next of `failures`), then live at the end of processing —
 * or at its scheduled time, whichever is later (`createdAt`, so the Page's feed leaves it out until
 * then). A reel has a Page post once live unless the context's `reelPagePosts` is off.
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
  const pagePost = video.kind === 'video' || context.reelPagePosts;
  return sim.addPost({
    id: pagePost ? `${video.pageId}_${video.videoId}` : video.videoId,
    accountId: video.pageId,
    text: video.description,
    media: [media],
    createdAt: Math.max(processedAt, video.publication.scheduledAt ?? 0),
    extra: {
      kind: video.kind,
      videoId: video.videoId,
      finishedAt: now,
      processedAt,
      failure,
      scheduledAt: video.publication.scheduledAt,
      unpublished: video.publication.unpublished,
      title: video.title ?? '',
      pagePost,
    },
  });
}

/**
 * Whether a stored post is a video or reel (stored by {@link storeVideoPost}).
 *
 * @param post - a stored post
 * @returns true for a video or reel
 */
export function isVideoPost(post: SimulatedPost): boolean {
  return videoExtra(post).kind !== '';
}

/**
 * What {@link storeVideoPost} kept of a video or reel (`kind` is `''` for any other post).
 *
 * @param post - a stored post
 * @returns its video extras
 */
export function videoExtra(post: SimulatedPost): VideoExtra {
  return readExtra(post.extra, NOT_A_VIDEO);
}

/**
 * Whether a video or reel is live with a Page post, which the Video node names as `post_id`.
 *
 * @param post - the video post
 * @param now - simulated now
 * @returns true once it is live, unless it is a reel without a Page post
 */
export function hasLivePagePost(post: SimulatedPost, now: number): boolean {
  return isLive(post, now) && videoExtra(post).pagePost;
}

/**
 * The id of a video's Video node (`GET /{video-id}`), whatever the post is stored under.
 *
 * @param post - the video post
 * @returns its video id
 */
export function videoIdOf(post: SimulatedPost): string {
  return videoExtra(post).videoId || post.id;
}

/**
 * The Page post id of a video: `{page-id}_{video-id}` in the simulator (the Video node's
 * `post_id`). A Post id is `{page-id}_{post-id}`
 * (https://developers.facebook.com/docs/graph-api/reference/post/); that its second part is the
 * video's id is ASSUMED (Meta does not document how the two relate).
 *
 * @param post - the video post
 * @returns its post id
 */
export function videoPostId(post: SimulatedPost): string {
  return `${post.accountId}_${videoIdOf(post)}`;
}

/** The simulator's posts, as the lookups below read them. */
type Posts = Pick<PlatformSimulator['posts'], 'get' | 'filter'>;

/**
 * The video or reel whose video id is `id`, for the Video node's routes (`GET /{video-id}`,
 * `/{video-id}/video_insights`): a video is stored under its Page post id (see
 * {@link storeVideoPost}), so it is found by the video id kept in `extra`.
 *
 * @param posts - the simulator's posts
 * @param id - a requested id
 * @returns the video post, or `undefined` when `id` is no video's id
 *
 * @example
 * ```ts
 * const video = videoNamed(sim.posts, path.videoId ?? '');
 * ```
 */
export function videoNamed(posts: Posts, id: string): SimulatedPost | undefined {
  const stored = posts.get(id);
  if (stored !== undefined && isVideoPost(stored) && videoIdOf(stored) === id) return stored;
  return posts.filter((post) => isVideoPost(post) && videoExtra(post).videoId === id)[0];
}

/**
 * The post `id` names as the post routes answer it: a stored post, but a video's Page post only
 * once the video is live with it (before then Graph has no such post; its Video node names it as
 * `post_id` from then on, see {@link hasLivePagePost}).
 *
 * @param posts - the simulator's posts
 * @param id - a requested id
 * @param now - simulated now
 * @returns the post, or `undefined`
 *
 * @example
 * ```ts
 * const post = postNamed(sim.posts, path.id ?? '', now);
 * ```
 */
export function postNamed(posts: Posts, id: string, now: number): SimulatedPost | undefined {
  const post = posts.get(id);
  if (post === undefined || !isVideoPost(post)) return post;
  return post.id === videoPostId(post) && hasLivePagePost(post, now) ? post : undefined;
}

/**
 * The post `id` names ({@link postNamed}), or the video whose video id it is ({@link videoNamed}):
 * for the edges a Post and a Video both have (`comments`, delete).
 *
 * @param posts - the simulator's posts
 * @param id - a requested id
 * @param now - simulated now
 * @returns the post, or `undefined`
 *
 * @example
 * ```ts
 * const post = postOrVideoNamed(sim.posts, path.objectId ?? '', now);
 * ```
 */
export function postOrVideoNamed(posts: Posts, id: string, now: number): SimulatedPost | undefined {
  return postNamed(posts, id, now) ?? videoNamed(posts, id);
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
