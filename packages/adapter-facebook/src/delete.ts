import type { PostRef, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { assertGraphSuccess, GraphSuccessSchema } from '@smmkit/graph-api';

/**
 * Deletes a Page post: `DELETE /{post-id}` → `{success:true}`; only posts the app created can be
 * deleted (https://developers.facebook.com/docs/pages-api/posts). It takes the Page token of a
 * person who can perform the `CREATE_CONTENT` or `MANAGE` task on the Page and granted
 * `pages_manage_posts` ("create, edit and delete your Page posts":
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
  const { data } = await http.request({
    method: 'DELETE',
    path: `/${encodeURIComponent(ref.platformPostId)}`,
    operation: 'delete post',
    schema: GraphSuccessSchema,
    context,
  });
  assertGraphSuccess(data, 'facebook', `delete post ${ref.platformPostId}`);
}
