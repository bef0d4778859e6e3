import { type Engagement, type RequestContext, ValidationError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { encodeUrn } from './urn.js';

// Reactions API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api):
// "Create a Reaction on a Comment" takes the comment's URN, `urn:li:comment:({activity},{id})`,
// as `root`; "Create a Reaction on a Share" takes the post's. The actor is a query parameter, the
// member or organization reacting; a reaction is keyed by `(actor, entity)`, which is how it is
// deleted.

/** What can carry a reaction: a comment, or a post (a mention arrives as the mentioning post or comment). */
const REACTABLE = /^urn:li:(comment|share|ugcPost|activity):/;

/**
 * Likes a comment, reply or mention on LinkedIn as the author (the adapter's `author` setting,
 * else the account), or takes the like back, through the Reactions API
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api):
 *
 * - like: `POST /rest/reactions?actor={encoded actor}` with `{root, reactionType: 'LIKE'}` → 201;
 * - unlike: `DELETE /rest/reactions/(actor:{encoded actor},entity:{encoded root})` → 204.
 *
 * `root` is the engagement's id: a comment URN for comments and replies, the mentioning post or
 * comment for a mention. A reaction cannot itself be liked. LinkedIn keeps one reaction per actor
 * and entity, so liking again is harmless; taking back a like that is not there is LinkedIn's 404,
 * a `PlatformError('not_found')`, as is liking a comment that is gone. Needs `w_member_social`
 * (a member) or `w_organization_social` (an organization), or their `_feed` variants.
 *
 * @param adapterHttp - the adapter's HTTP client (role refusals are read for the actor, see `httpActingAs`)
 * @param engagement - the comment, reply or mention
 * @param liked - `true` to like, `false` to take the like back
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock
 * @throws ValidationError (rule `like.unsupported`) for an engagement that is not a comment, reply or mention with a URN, before any request
 *
 * @example
 * ```ts
 * await likeOnLinkedIn(http, comment, true, undefined, ctx);
 * ```
 */
export async function likeOnLinkedIn(
  adapterHttp: HttpClient,
  engagement: Engagement,
  liked: boolean,
  author: string | undefined,
  context: RequestContext,
): Promise<void> {
  const root = engagement.id;
  if (engagement.kind === 'reaction' || !REACTABLE.test(root)) {
    throw new ValidationError(
      [
        {
          path: ['engagement', 'id'],
          rule: 'like.unsupported',
          message:
            'LinkedIn likes comments, replies and mentions named by a comment or post URN; this engagement is neither',
        },
      ],
      'LinkedIn like',
      { platform: 'linkedin' },
    );
  }
  const actor = resolveAuthor(context, author);
  const http = httpActingAs(adapterHttp, actor);
  if (liked) {
    await http.request({
      method: 'POST',
      path: `/rest/reactions?actor=${encodeUrn(actor)}`,
      operation: 'like',
      json: { root, reactionType: 'LIKE' },
      context,
    });
    return;
  }
  await http.request({
    method: 'DELETE',
    // A Rest.li compound key: its parentheses, colons and comma stay, the URNs in it are encoded.
    path: `/rest/reactions/(actor:${encodeUrn(actor)},entity:${encodeUrn(root)})`,
    operation: 'unlike',
    context,
  });
}
