import type { PublishContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { IdResponseSchema } from './schemas.js';

/**
 * Posts the first comment under a just-published post, as the Page:
 * `POST /{object-id}/comments` with `message` → `{id}`
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments/). The call creates
 * a comment, so it is marked `createsResource`: a lost answer is an `AmbiguousOutcomeError`,
 * which core's `publishFollowUps` turns into a `first_comment_unknown` warning (a refusal becomes
 * `first_comment_failed`); the post itself stays published either way.
 *
 * @param http - the adapter's HTTP client
 * @param objectId - the post, photo post or video to comment on
 * @param message - the comment's text
 * @param context - the Page, its token and signal
 * @returns the comment's id
 *
 * @example
 * ```ts
 * const commentId = await createFacebookFirstComment(http, '123_456', 'Link in the first comment: …', ctx);
 * ```
 */
export async function createFacebookFirstComment(
  http: HttpClient,
  objectId: string,
  message: string,
  context: PublishContext,
): Promise<string> {
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(objectId)}/comments`,
    operation: 'create first comment',
    json: { message },
    schema: IdResponseSchema,
    createsResource: true,
    context,
  });
  return data.id;
}
