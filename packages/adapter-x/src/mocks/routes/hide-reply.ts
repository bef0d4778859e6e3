import { tweetExtra, type XContext } from '../context.js';
import {
  aboutBlank,
  HIDE_NOT_OWNER_DETAIL,
  invalidParameter,
  jsonResponse,
  resourceNotFound,
} from '../problems.js';
import { readJsonObject } from '../request-params.js';
import { xRoute } from '../scopes.js';

/**
 * PUT /2/tweets/:tweet_id/hidden `{"hidden":true}` → `{"data":{"hidden":true}}`
 * (https://docs.x.com/x-api/posts/hide-replies/introduction; hidePostsReply in
 * https://api.x.com/2/openapi.json: "Hides or unhides a reply to a conversation owned by the authenticated
 * user"). The post must be a reply in a conversation whose root the caller wrote; otherwise a 403 (wording
 * ASSUMED). The state is kept in `extra.hidden` and mirrored on the matching engagement.
 *
 * @example
 * ```ts
 * registerHideReplyRoute(context);
 * ```
 */
export function registerHideReplyRoute(context: XContext): void {
  const { sim } = context;
  xRoute(
    context,
    'PUT',
    '/2/tweets/:tweet_id/hidden',
    'tweets-hide',
    'hideReply',
    async ({ request, params, accountId }) => {
      const body = await readJsonObject(request);
      if (body instanceof Response) return body;
      // The spec's HidePostsReplyRequest: `hidden` boolean, required.
      if (typeof body.hidden !== 'boolean')
        return invalidParameter('$.hidden', body.hidden ?? '', '$.hidden: is missing but it is required');
      const id = String(params.tweet_id);
      const reply = sim.posts.get(id);
      if (reply === undefined) return resourceNotFound('tweet', 'tweet_id', id);
      const root = sim.posts.get(tweetExtra(reply).conversationId);
      if (reply.inReplyToId === undefined || root === undefined || root.accountId !== accountId)
        return aboutBlank(403, 'Forbidden', HIDE_NOT_OWNER_DETAIL);
      sim.posts.put({ ...reply, extra: { ...reply.extra, hidden: body.hidden } });
      const engagement = sim.engagements.get(id);
      if (engagement !== undefined) engagement.hidden = body.hidden;
      return jsonResponse({ data: { hidden: body.hidden } });
    },
  );
}
