import type { PostRef, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema } from '@smmkit/graph-api';

/**
 * The video id a Page post's ref names in its URL, when the ref is a video's or reel's: the
 * permalink a video publish puts there (`/{page}/videos/{video-id}/`, `/reel/{video-id}/`; the
 * Video node's `permalink_url`: https://developers.facebook.com/docs/graph-api/reference/video/).
 */
const VIDEO_PERMALINK = /^\/(?:[^/]+\/videos|reel)\/(\d+)\/?$/;

/** The video id of a `{page-id}_{post-id}` ref whose URL is a video's permalink on facebook.com, else `undefined`. */
function videoIdOf(ref: PostRef): string | undefined {
  if (!ref.platformPostId.includes('_') || ref.url === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(ref.url);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'facebook.com' && !host.endsWith('.facebook.com')) return undefined;
  return VIDEO_PERMALINK.exec(url.pathname)?.[1];
}

/**
 * Deletes a Page post: `DELETE /{post-id}` → `{success:true}`; only posts the app created can be
 * deleted (https://developers.facebook.com/docs/pages-api/posts). A video's or reel's ref whose
 * URL is the video's permalink (`/{page}/videos/{video-id}/`, `/reel/{video-id}/`, as a video
 * publish returns) is deleted as a video instead, `DELETE /{video-id}` → `{success:true}`
 * (https://developers.facebook.com/docs/graph-api/reference/video/#deleting): Meta does not say
 * whether deleting a video's Page post deletes the video too, and the documented route is the
 * video's. A ref that is a bare video id (taken before the video had its Page post) is that call
 * already. A video's `{page-id}_{post-id}` ref without its permalink (one found by
 * `findRecentPosts` or from a webhook) is deleted as a Page post (ASSUMED: that this takes the
 * video down with it is not documented; delete such a video by its video id to be sure).
 *
 * It takes the Page token of a person who can perform the `CREATE_CONTENT` or `MANAGE` task on
 * the Page and granted `pages_manage_posts` ("create, edit and delete your Page posts":
 * https://developers.facebook.com/docs/permissions/reference/pages_manage_posts), as
 * `capabilities.auth.scopes.delete` lists with `pages_show_list` and `pages_read_engagement`.
 * Nothing is checked here before the call: `facebookPageTokens` checks the tasks and permissions
 * it is told to (`CREATE_CONTENT` and `pages_manage_posts` by default) when it finds the Page
 * token, and Graph's refusal of a missing task or permission is an `AuthError`
 * (`auth_missing_scope`). `{success: false}` fails with `PlatformError('platform_refused')`.
 *
 * @param http - the adapter's HTTP client
 * @param ref - the post
 * @param context - the Page, its token and signal
 *
 * @example
 * ```ts
 * await deleteFacebookPost(http, result.ref, ctx);
 * ```
 */
export async function deleteFacebookPost(
  http: HttpClient,
  ref: PostRef,
  context: RequestContext,
): Promise<void> {
  const videoId = videoIdOf(ref);
  const id = videoId ?? ref.platformPostId;
  const { data } = await http.request({
    method: 'DELETE',
    path: `/${encodeURIComponent(id)}`,
    operation: videoId === undefined ? 'delete post' : 'delete video',
    schema: GraphSuccessSchema,
    context,
  });
  assertGraphSuccess(data, 'facebook', videoId === undefined ? `delete post ${id}` : `delete video ${id}`);
}
