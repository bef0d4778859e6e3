import type { PostRef, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { encodeUrn } from './urn.js';

/**
 * Deletes one of the account's posts, as its author (the adapter's `author` setting, else the
 * account, as for a publish): `DELETE /rest/posts/{url-encoded URN}` → 204
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 * LinkedIn's post deletions are idempotent: a post deleted before answers 204 again, so a delete
 * retried after a lost answer succeeds. A URN that names no post fails with
 * `PlatformError('not_found')`.
 *
 * @param http - the adapter's HTTP client
 * @param ref - the post to delete (`platformPostId` is its URN)
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock
 *
 * @example
 * ```ts
 * await deleteLinkedInPost(http, result.ref, undefined, ctx);
 * ```
 */
export async function deleteLinkedInPost(
  http: HttpClient,
  ref: PostRef,
  author: string | undefined,
  context: RequestContext,
): Promise<void> {
  // Deleted as its author: for an organization, a role refusal is read as one. The account id
  // need not be a URN here (a post ref is enough), so it is not checked as resolveAuthor does.
  await httpActingAs(http, author ?? context.account.accountId).request({
    method: 'DELETE',
    path: `/rest/posts/${encodeUrn(ref.platformPostId)}`,
    operation: 'delete post',
    context,
  });
}
