import type { SimulatedEngagement } from '@smmkit/testkit';
import { type InstagramContext, postExtra } from '../context.js';
import { commentJson, commentsOn, isMedia } from '../entities.js';
import { graphError, invalidParameter, unsupportedRequest } from '../errors.js';
import { graphPage } from '../paging.js';
import { fieldsParam, pick } from '../params.js';
import { instagramRoute } from '../route.js';
import { COMMENT_DEFAULT_FIELDS } from './nodes.js';

/**
 * Stores a comment the account writes: in `sim.engagements` (so it is listed with the others)
 * and in `sim.posts` with `inReplyToId` = the media (top-level) or the parent comment (reply) and
 * `extra.kind = 'comment'` — the conformance suite looks for a first comment among `sim.posts`.
 */
function storeOwnComment(
  context: InstagramContext,
  input: {
    readonly accountId: string;
    readonly mediaId: string;
    readonly mediaOwner: string;
    readonly parentId: string | undefined;
    readonly text: string;
    readonly now: number;
  },
): SimulatedEngagement {
  const { sim } = context;
  const author = sim.accounts.get(input.accountId);
  const id = sim.nextId();
  const engagement = sim.engagements.put({
    id,
    kind: input.parentId === undefined ? 'comment' : 'reply',
    accountId: input.mediaOwner,
    postId: input.mediaId,
    authorId: input.accountId,
    authorHandle: author?.handle ?? input.accountId,
    text: input.text,
    createdAt: input.now,
    hidden: false,
  });
  if (input.parentId !== undefined) context.replyParents.set(id, input.parentId);
  sim.posts.put({
    id,
    accountId: input.accountId,
    text: input.text,
    media: [],
    inReplyToId: input.parentId ?? input.mediaId,
    pollOptions: undefined,
    createdAt: input.now,
    extra: { kind: 'comment', mediaId: input.mediaId },
  });
  return engagement;
}

/**
 * Comments and replies (instagram.md "Engagement"; IGMedia.json `GET|POST comments`,
 * IGComment.json `GET|POST replies`): `GET /{v}/{media-id}/comments` (top-level comments, newest
 * first — ASSUMED order), `POST /{v}/{media-id}/comments {message}` → `{id}`,
 * `GET /{v}/{comment-id}/replies` (oldest first, ASSUMED) and `POST /{v}/{comment-id}/replies
 * {message}` on top-level comments only. Lists use Graph cursor paging.
 *
 * @example
 * ```ts
 * registerCommentRoutes(context);
 * ```
 */
export function registerCommentRoutes(context: InstagramContext): void {
  const { sim } = context;
  instagramRoute(context, 'GET', '/:version/:mediaId/comments', {}, ({ path, params, url, now }) => {
    const post = sim.posts.get(path.mediaId ?? '');
    if (!isMedia(post)) return unsupportedRequest('GET', path.mediaId ?? '');
    const fields = fieldsParam(params);
    const top = commentsOn(context, post.id)
      .filter((item) => !context.replyParents.has(item.id))
      .reverse();
    return graphPage(top, params, url, (item) =>
      pick(commentJson(context, item, now), fields, COMMENT_DEFAULT_FIELDS),
    );
  });

  instagramRoute(context, 'POST', '/:version/:mediaId/comments', {}, ({ path, params, accountId, now }) => {
    const post = sim.posts.get(path.mediaId ?? '');
    if (!isMedia(post)) return unsupportedRequest('POST', path.mediaId ?? '');
    const message = params.get('message');
    if (message === undefined || message === '') return invalidParameter('The parameter message is required');
    if (postExtra(post.extra).commentsDisabled)
      return graphError({ message: '(#100) Comments are disabled for this media', code: 100 });
    const comment = storeOwnComment(context, {
      accountId,
      mediaId: post.id,
      mediaOwner: post.accountId,
      parentId: undefined,
      text: message,
      now,
    });
    return Response.json({ id: comment.id });
  });

  instagramRoute(context, 'GET', '/:version/:commentId/replies', {}, ({ path, params, url, now }) => {
    const comment = sim.engagements.get(path.commentId ?? '');
    if (comment === undefined) return unsupportedRequest('GET', path.commentId ?? '');
    const fields = fieldsParam(params);
    const replies = sim.engagements.filter((item) => context.replyParents.get(item.id) === comment.id);
    return graphPage(replies, params, url, (item) =>
      pick(commentJson(context, item, now), fields, COMMENT_DEFAULT_FIELDS),
    );
  });

  instagramRoute(context, 'POST', '/:version/:commentId/replies', {}, ({ path, params, accountId, now }) => {
    const comment = sim.engagements.get(path.commentId ?? '');
    if (comment === undefined || comment.postId === undefined)
      return unsupportedRequest('POST', path.commentId ?? '');
    // instagram.md "Engagement": replies only on top-level comments (wording ASSUMED).
    if (context.replyParents.has(comment.id))
      return invalidParameter('Replies can only be made to top-level comments');
    const message = params.get('message');
    if (message === undefined || message === '') return invalidParameter('The parameter message is required');
    const reply = storeOwnComment(context, {
      accountId,
      mediaId: comment.postId,
      mediaOwner: comment.accountId,
      parentId: comment.id,
      text: message,
      now,
    });
    return Response.json({ id: reply.id });
  });
}
