import {
  boolParam,
  fieldNames,
  type GraphRequest,
  graphPage,
  invalidParameter,
  pick,
  timeBounds,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedEngagement, SimulatedPost } from '@smmkit/testkit';
import { COMMENT_DEFAULT_FIELDS, type CommentStore, isPagePost } from '../comments-store.js';
import { type FacebookContext, READING_PERMISSIONS, READING_TASKS, requireUserGrants } from '../context.js';
import { postOrVideoNamed } from '../video-posts.js';

/**
 * Comments of the Page's posts and their moderation
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments,
 * https://developers.facebook.com/docs/graph-api/reference/comment/), for the Page's own token:
 *
 * - `GET /{v}/{object-id}/comments`: under a post its top-level comments (`filter=toplevel`, the
 *   default) or every comment with replies (`filter=stream`); under a comment its replies;
 *   `order=chronological` (default) or `reverse_chronological`, `since`, `until`, `fields`,
 *   `summary=true`, Graph cursor paging;
 * - `POST /{v}/{object-id}/comments {message}` → `{id}`: a comment on a post, or a reply to a
 *   comment (a reply to a reply goes under its top-level comment: Page comments nest one level,
 *   ASSUMED); written by the Page, so also stored as a post with `inReplyToId` (first comments);
 * - `GET /{v}/{comment-id}` (`fields`), `POST /{v}/{comment-id} {is_hidden}` or `{message}` →
 *   `{success:true}`, `DELETE /{v}/{comment-id}` → `{success:true}` with its replies.
 *
 * The node routes answer only for comments and leave other ids to the routes declared after them.
 *
 * Permissions (https://developers.facebook.com/docs/graph-api/reference/object/comments,
 * https://developers.facebook.com/docs/graph-api/reference/comment/): reading takes those of the
 * post (`READING_PERMISSIONS`); commenting `pages_manage_engagement`; hiding or editing a comment
 * `pages_read_engagement` and `pages_manage_engagement`; deleting one `pages_manage_engagement`
 * and, for the Page's own comment `pages_read_engagement`, for anyone else's
 * `pages_read_user_content`. Reading takes one of `READING_TASKS`; writing, hiding and deleting the
 * MODERATE task ("A Page access token requested by a person who can perform the MODERATE task").
 *
 * @param context - the simulator's state and route registrar
 * @param comments - the comment store
 *
 * @example
 * ```ts
 * registerCommentRoutes(context, new CommentStore(context.sim));
 * ```
 */
export function registerCommentRoutes(context: FacebookContext, comments: CommentStore): void {
  const { sim } = context;
  /**
   * The Page post or comment `id` names, when it is the token's Page's, and the object whose
   * comments it has: the comment, or the stored post. A video's comments are its Page post's too,
   * so its Post id names them as its video id does (ASSUMED: the Video and Post references each
   * have a `comments` edge, https://developers.facebook.com/docs/graph-api/reference/video/ and
   * https://developers.facebook.com/docs/graph-api/reference/post/, and do not say they differ).
   */
  const target = (id: string, accountId: string, now: number) => {
    const comment = comments.get(id);
    const post =
      comment === undefined ? postOrVideoNamed(sim.posts, id, now) : sim.posts.get(comment.postId ?? '');
    if (!isPagePost(post) || post.accountId !== accountId) return undefined;
    return { post, comment, objectId: comment?.id ?? post.id };
  };

  context.route('GET', '/:version/:objectId/comments', {}, (request) => {
    const id = request.path.objectId ?? '';
    const found = target(id, request.accountId, request.now);
    if (found === undefined) return unsupportedRequest('GET', id);
    requireUserGrants(context, request.token, READING_PERMISSIONS, READING_TASKS);
    const { params, now } = request;
    const filter = params.get('filter') === 'stream' ? 'stream' : 'toplevel';
    // `since` and `until` bound the comments, both ends kept, as on the Page's posts; an
    // unreadable one is refused (see `timeBounds`).
    const { since, until } = timeBounds(params);
    const items = comments
      .under(found.objectId, filter)
      .filter((item) => item.createdAt >= since && item.createdAt <= until);
    const order = params.get('order') === 'reverse_chronological' ? 'newest' : 'oldest';
    const fields = fieldNames(params.get('fields'));
    const page = graphPage(items, request, order, (item) =>
      pick(comments.json(item, now), fields, COMMENT_DEFAULT_FIELDS),
    );
    if (!boolParam(params, 'summary')) return page;
    return withSummary(page, {
      order: order === 'newest' ? 'reverse_chronological' : 'chronological',
      total_count: items.length,
      can_comment: true,
    });
  });

  context.route('POST', '/:version/:objectId/comments', {}, (request) => {
    const id = request.path.objectId ?? '';
    const found = target(id, request.accountId, request.now);
    if (found === undefined) return unsupportedRequest('POST', id);
    requireUserGrants(context, request.token, ['pages_manage_engagement'], ['MODERATE']);
    return writeComment(comments, request, found);
  });

  context.route('GET', '/:version/:id', {}, ({ path, params, now }) => {
    const comment = comments.get(path.id ?? '');
    if (comment === undefined) return undefined;
    return Response.json(
      pick(comments.json(comment, now), fieldNames(params.get('fields')), COMMENT_DEFAULT_FIELDS),
    );
  });

  context.route('POST', '/:version/:id', {}, ({ path, params, accountId, token }) => {
    const comment = comments.get(path.id ?? '');
    if (comment === undefined) return undefined;
    // Only the Page whose post it is under moderates it.
    if (comment.accountId !== accountId) return unsupportedRequest('POST', comment.id);
    requireUserGrants(context, token, ['pages_read_engagement', 'pages_manage_engagement'], ['MODERATE']);
    const hidden = boolParam(params, 'is_hidden');
    const message = params.get('message');
    if (hidden === undefined && message === undefined)
      return invalidParameter('The parameter is_hidden or message is required');
    if (hidden !== undefined) comment.hidden = hidden;
    if (message !== undefined) sim.engagements.put({ ...comment, text: message });
    return Response.json({ success: true });
  });

  context.route('DELETE', '/:version/:id', {}, ({ path, accountId, token }) => {
    const comment = comments.get(path.id ?? '');
    if (comment === undefined) return undefined;
    if (comment.accountId !== accountId && comment.authorId !== accountId)
      return unsupportedRequest('DELETE', comment.id);
    const byThePage = comment.authorId === accountId;
    requireUserGrants(
      context,
      token,
      ['pages_manage_engagement', byThePage ? 'pages_read_engagement' : 'pages_read_user_content'],
      ['MODERATE'],
    );
    comments.remove(comment.id);
    return Response.json({ success: true });
  });
}

/**
 * A comment by the Page: on the post, or under the comment (or, for a reply, its top-level
 * comment). A comment needs a `message` (or an attachment, which the simulator does not keep).
 */
function writeComment(
  comments: CommentStore,
  { params, accountId, now }: GraphRequest,
  on: { readonly post: SimulatedPost; readonly comment: SimulatedEngagement | undefined },
): Response {
  const text = params.get('message') ?? '';
  const attachment = params.get('attachment_url') ?? params.get('attachment_id');
  if (text.trim() === '' && attachment === undefined)
    return invalidParameter('Missing message or attachment');
  const parentId = on.comment === undefined ? undefined : (comments.parentOf(on.comment.id) ?? on.comment.id);
  const stored = comments.write({ post: on.post, parentId, authorId: accountId, text, createdAt: now });
  return Response.json({ id: stored.id });
}

/** A page of comments with `summary: {order, total_count, can_comment}` added, as `summary=true` asks. */
async function withSummary(page: Response, summary: Record<string, unknown>): Promise<Response> {
  if (!page.ok) return page;
  const body = (await page.json()) as Record<string, unknown>;
  return Response.json({ ...body, summary });
}
