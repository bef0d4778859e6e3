import type { PostRef, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema } from '@smmkit/graph-api';

/**
 * Deletes a Page post: `DELETE /{post-id}` → `{success:true}`; only posts the app created can be
 * deleted (https://developers.facebook.com/docs/pages-api/posts). `{success: false}` fails with
 * `PlatformError('platform_refused')`.
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
  const { data } = await http.request({
    method: 'DELETE',
    path: `/${encodeURIComponent(ref.platformPostId)}`,
    operation: 'delete post',
    schema: GraphSuccessSchema,
    context,
  });
  assertGraphSuccess(data, 'facebook', `delete post ${ref.platformPostId}`);
}
