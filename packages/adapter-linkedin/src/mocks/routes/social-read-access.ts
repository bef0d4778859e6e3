import type { SimulatedPost } from '@smmkit/testkit';
import { type LinkedInSimContext, mayDoFor, postExtra } from '../context.js';
import { isOrganization } from './posts.js';

/**
 * Whether the member `accountId` may list the comments or reactions on `target` (a post, or a
 * comment on one): on an organization's post only with a role on it that allows reading its social
 * actions (`ROLES_FOR.readSocialActions`: ADMINISTRATOR or DIRECT_SPONSORED_CONTENT_POSTER,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 * A member's post is left as before (the scope decides).
 *
 * @param context - the simulator's state
 * @param accountId - the member asking
 * @param target - the post or comment whose comments or reactions are listed
 * @returns the URN of the organization's post refused, or `undefined` when the read is allowed
 *
 * @example
 * ```ts
 * const refused = mayReadSocialActionsOn(context, accountId, target);
 * if (refused !== undefined) return postForbidden(refused);
 * ```
 */
export function mayReadSocialActionsOn(
  context: LinkedInSimContext,
  accountId: string,
  target: SimulatedPost,
): string | undefined {
  const extra = postExtra(target);
  const post = extra.kind === 'comment' ? (context.sim.posts.get(extra.object ?? '') ?? target) : target;
  const author = postExtra(post).author;
  if (!isOrganization(author) || mayDoFor(context, accountId, author, 'readSocialActions')) return undefined;
  return post.id;
}
