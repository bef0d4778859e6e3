import type { PostRef } from '@smmkit/core';
import { facebookPostRef } from './post-ref.js';

/** What a video's or reel's reference is made of. */
export interface FacebookVideoIds {
  /** The video's id. */
  readonly videoId: string;
  /** Its Page post id, `{page-id}_{post-id}`, once the Video node names one (`post_id`). */
  readonly postId: string | undefined;
  /** Its `permalink_url` as Facebook gave it (often a path, `/reel/123/`), when it did. */
  readonly permalink: string | undefined;
}

/**
 * The reference to a video or reel: its Page post id once the Video node names one (`post_id`,
 * made `{page-id}_{post-id}` by `videoPagePostId`), as Graph names the post in the Page's posts
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed/) and in the `feed`
 * webhook's `post_id` (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/),
 * so comments found there point at this ref; else (still processing, scheduled, a draft, a reel
 * without a Page post) its video id. Its URL is the permalink (Facebook often gives a path,
 * `/reel/{id}/`), else `https://www.facebook.com/reel/{id}` for a reel and
 * `https://www.facebook.com/{id}` for a video. `deleteFacebookPost` reads the video id back from
 * that permalink, to delete the video the documented way.
 *
 * @param video - the video id, Page post id and permalink Facebook gave
 * @param pageId - the Page it is on
 * @param reel - whether it is a reel
 * @returns the post reference
 *
 * @example
 * ```ts
 * facebookVideoRef({ videoId: '987', postId: undefined, permalink: '/reel/987/' }, '123', true).url; // 'https://www.facebook.com/reel/987/'
 * ```
 */
export function facebookVideoRef(video: FacebookVideoIds, pageId: string, reel: boolean): PostRef {
  const { videoId, permalink } = video;
  const fallback = reel
    ? `https://www.facebook.com/reel/${encodeURIComponent(videoId)}`
    : facebookPostRef(videoId, pageId).url;
  const url =
    permalink === undefined
      ? fallback
      : /^https?:\/\//i.test(permalink)
        ? permalink
        : `https://www.facebook.com${permalink.startsWith('/') ? '' : '/'}${permalink}`;
  return { ...facebookPostRef(video.postId ?? videoId, pageId), ...(url === undefined ? {} : { url }) };
}
