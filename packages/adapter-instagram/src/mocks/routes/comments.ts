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

/**
 * `POST /{v}/{ig-user-id}/mentions {media_id, comment_id?, message}` → `{id}`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions):
 * the account answers a caption that @mentions it with a comment on the media, or a comment that
 * @mentions it with "a sub-thread comment on the comment in which the Business or Creator Account
 * was mentioned" (https://developers.facebook.com/docs/instagram-api/guides/mentions; under the
 * top-level comment when the mentioning comment is a reply, as replies go under top-level
 * comments only). Only the token's own account may answer; `media_id` is required; a media or
 * comment that does not @mention the account — a photo it is only tagged in included ("Commenting
 * on photos in which you were tagged is not supported") — is Graph error 100 (wordings ASSUMED).
 * Needs the permissions of `COMMENTS`.
 */
function replyToMention(context: InstagramContext, request: GraphRequest): Response {
  const { path, params, accountId } = request;
  if (path.igUserId !== accountId) return unsupportedRequest('POST', path.igUserId ?? '');
  requireLoginPermissions(context, request, COMMENTS);
  const mediaId = params.get('media_id');
  if (mediaId === undefined || mediaId === '') return invalidParameter('The parameter media_id is required');
  const handle = context.sim.accounts.get(accountId)?.handle ?? '';
  const mentions = (text: string) => handle !== '' && text.toLowerCase().includes(`@${handle.toLowerCase()}`);
  const media = context.sim.posts.get(mediaId);
  if (!isMedia(media)) return unsupportedRequest('POST', mediaId);
  // As on `POST /{media-id}/comments`, a message on media whose comments are off is refused.
  if (params.get('message') && postExtra(media.extra).commentsDisabled)
    return graphError({ message: '(#100) Comments are disabled for this media', code: 100 });
  const commentId = params.get('comment_id');
  if (commentId === undefined) {
    if (!mentions(media.text)) return invalidParameter(`The media ${mediaId} does not mention this user`);
    return writeComment(context, request, { mediaId, mediaOwner: media.accountId });
  }
  const comment = context.comments.get(commentId);
  if (comment === undefined || comment.postId !== mediaId || !mentions(comment.text))
    return invalidParameter(`The comment ${commentId} does not mention this user`);
  const parentId = context.comments.parentOf(comment.id) ?? comment.id;
  return writeComment(context, request, { mediaId, mediaOwner: comment.accountId, parentId });
}

/** A larger `limit` reads 50 comments: "Returns a maximum of 50 comments per query" (comments reference above). */
const COMMENTS_LIMIT = { max: 50, above: 'cap' } as const;

/**
 * Comments and replies (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies):
 * `GET /{v}/{media-id}/comments` (top-level comments, newest first: "results returned in reverse
 * chronological order"; at most 50 a page: "Returns a maximum of 50 comments per query"),
 * `POST /{v}/{media-id}/comments {message}` → `{id}`, `GET /{v}/{comment-id}/replies` (oldest
 * first, ASSUMED) and `POST /{v}/{comment-id}/replies {message}` on top-level comments only;
 * `POST /{v}/{ig-user-id}/mentions` answers an @mention (see `replyToMention`).
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

  context.route('POST', '/:version/:igUserId/mentions', {}, (request) => replyToMention(context, request));

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
