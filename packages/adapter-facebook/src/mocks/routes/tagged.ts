import { fieldNames, graphPage, graphTime, pick, unsupportedRequest } from '@smmkit/graph-api/mocks';
import type { SimulatedEngagement } from '@smmkit/testkit';
import { type FacebookContext, READING_TASKS, requireUserGrants } from '../context.js';

/** Post fields Graph answers without `fields` (https://developers.facebook.com/docs/graph-api/reference/post/). */
const POST_DEFAULT_FIELDS = ['created_time', 'message', 'id'] as const;

/**
 * `GET /{v}/{page-id}/tagged` (https://developers.facebook.com/docs/graph-api/reference/page/tagged/):
 * the posts others made that tag the Page, newest first, with Graph cursor paging. Only the Page's
 * own token may read them, with `pages_read_user_content` and `pages_show_list` granted and one
 * of `READING_TASKS` (the reference's requirements). Each is a mention in `sim.engagements` (its id is the post's) whose
 * post is in `sim.posts`, as the simulator's `seedMentions` stores them.
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerTaggedRoutes(context);
 * ```
 */
export function registerTaggedRoutes(context: FacebookContext): void {
  const { sim } = context;
  context.route('GET', '/:version/:pageId/tagged', {}, (request) => {
    const pageId = request.path.pageId ?? '';
    if (pageId !== request.accountId) return unsupportedRequest('GET', pageId);
    requireUserGrants(context, request.token, ['pages_read_user_content', 'pages_show_list'], READING_TASKS);
    const mentions = sim.engagements.filter(
      (item) => item.kind === 'mention' && item.accountId === pageId && sim.posts.get(item.id) !== undefined,
    );
    const fields = fieldNames(request.params.get('fields'));
    const render = (mention: SimulatedEngagement) => {
      const post = sim.posts.get(mention.id);
      const author = sim.accounts.get(mention.authorId);
      return pick(
        {
          id: mention.id,
          message: post?.text ?? mention.text,
          created_time: graphTime(post?.createdAt ?? mention.createdAt),
          tagged_time: graphTime(mention.createdAt),
          from: { name: author?.displayName ?? mention.authorHandle, id: mention.authorId },
          permalink_url: `https://www.facebook.com/${mention.id}`,
        },
        fields,
        POST_DEFAULT_FIELDS,
      );
    };
    return graphPage(mentions, request, 'newest', render);
  });
}
