import {
  fieldNames,
  type GraphRequest,
  graphError,
  graphPage,
  invalidParameter,
  pick,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedEngagement } from '@smmkit/testkit';
import { type InstagramContext, postExtra } from '../context.js';
import { commentJson, isMedia } from '../entities.js';
import { COMMENTS, requireLoginPermissions } from '../permissions.js';
import { COMMENT_DEFAULT_FIELDS } from './nodes.js';

/**
 * Stores a comment the account writes: in `sim.engagements` (so it is listed with the others)
 * and in `sim.posts` with `inReplyToId` = the media (top-level) or the parent comment (reply) and
 * `extra.kind = 'comment'` — the conformance suite looks for a first comment among `sim.posts`.
 * Answers `{id}`, or 100 without a `message`.
 */
function writeComment(
  context: InstagramContext,
  { params, accountId, now }: GraphRequest,
  on: { readonly mediaId: string; readonly mediaOwner: string; readonly parentId?: string | undefined },
): Response {
  const text = params.get('message');
  if (text === undefined || text === '') return invalidParameter('The parameter message is required');
  const { sim } = context;
  const id = sim.nextId();
  const authorHandle = sim.accounts.get(accountId)?.handle ?? accountId;
  const comment = { id, accountId: on.mediaOwner, postId: on.mediaId, text, createdAt: now };
  context.comments.add({ ...comment, authorId: accountId, authorHandle }, on.parentId);
  const extra = { kind: 'comment', mediaId: on.mediaId };
  sim.addPost({ id, accountId, text, inReplyToId: on.parentId ?? on.mediaId, createdAt: now, extra });
  return Response.json({ id });
}

/** A larger `limit` reads 50 comments: "Returns a maximum of 50 comments per query" (comments reference above). */
const COMMENTS_LIMIT = { max: 50, above: 'cap' } as const;

/**
 * Comments and replies (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies):
 * `GET /{v}/{media-id}/comments` (top-level comments, newest first: "results returned in reverse
 * chronological order"; at most 50 a page: "Returns a maximum of 50 comments per query"),
 * `POST /{v}/{media-id}/comments {message}` → `{id}`, `GET /{v}/{comment-id}/replies` (oldest
 * first, ASSUMED) and `POST /{v}/{comment-id}/replies {message}` on top-level comments only.
 * Lists use Graph cursor paging. Each needs the permissions of `COMMENTS`.
 *
 * @example
 * ```ts
 * registerCommentRoutes(context);
 * ```
 */
export function registerCommentRoutes(context: InstagramContext): void {
  const { sim } = context;
  const render = ({ params, now }: GraphRequest) => {
    const fields = fieldNames(params.get('fields'));
    return (item: SimulatedEngagement) =>
      pick(commentJson(context, item, now), fields, COMMENT_DEFAULT_FIELDS);
  };
  context.route('GET', '/:version/:mediaId/comments', {}, (request) => {
    const post = sim.posts.get(request.path.mediaId ?? '');
    if (!isMedia(post)) return unsupportedRequest('GET', request.path.mediaId ?? '');
    requireLoginPermissions(context, request, COMMENTS);
    return graphPage(context.comments.topLevel(post.id), request, 'newest', render(request), COMMENTS_LIMIT);
  });

  context.route('POST', '/:version/:mediaId/comments', {}, (request) => {
    const post = sim.posts.get(request.path.mediaId ?? '');
    if (!isMedia(post)) return unsupportedRequest('POST', request.path.mediaId ?? '');
    requireLoginPermissions(context, request, COMMENTS);
    // A missing message is refused first (by writeComment), then comments that are off.
    if (request.params.get('message') && postExtra(post.extra).commentsDisabled)
      return graphError({ message: '(#100) Comments are disabled for this media', code: 100 });
    return writeComment(context, request, { mediaId: post.id, mediaOwner: post.accountId });
  });

  context.route('GET', '/:version/:commentId/replies', {}, (request) => {
    const comment = sim.engagements.get(request.path.commentId ?? '');
    if (comment === undefined) return unsupportedRequest('GET', request.path.commentId ?? '');
    requireLoginPermissions(context, request, COMMENTS);
    return graphPage(context.comments.repliesTo(comment.id), request, 'oldest', render(request));
  });

  context.route('POST', '/:version/:commentId/replies', {}, (request) => {
    const comment = sim.engagements.get(request.path.commentId ?? '');
    if (comment === undefined || comment.postId === undefined)
      return unsupportedRequest('POST', request.path.commentId ?? '');
    requireLoginPermissions(context, request, COMMENTS);
    // Replies only on top-level comments (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies;
    // wording ASSUMED).
    if (context.comments.parentOf(comment.id) !== undefined)
      return invalidParameter('Replies can only be made to top-level comments');
    const on = { mediaId: comment.postId, mediaOwner: comment.accountId, parentId: comment.id };
    return writeComment(context, request, on);
  });
}
