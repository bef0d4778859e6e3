import type { InstagramContext } from '../context.js';
import { commentJson, containerJson, isMedia, mediaJson, userJson } from '../entities.js';
import { invalidParameter, unsupportedRequest } from '../errors.js';
import { boolParam, fieldsParam, pick } from '../params.js';
import { instagramRoute } from '../route.js';

/** Default fields of a comment node (Graph answers `timestamp,text,id` without `fields`). */
export const COMMENT_DEFAULT_FIELDS = ['id', 'text', 'timestamp'] as const;

/** Removes a comment, its replies, and their copies in `sim.posts`. */
export function deleteComment(context: InstagramContext, id: string): void {
  const { sim } = context;
  for (const reply of sim.engagements.filter((item) => context.replyParents.get(item.id) === id))
    deleteComment(context, reply.id);
  sim.engagements.delete(id);
  sim.posts.delete(id);
  context.replyParents.delete(id);
}

/**
 * The node routes, one per method, dispatching on what the id is (Graph has one URL per node):
 * - `GET /{v}/{id}?fields=` for a container (`status_code,status`; IG Container reference), a
 *   media (`permalink,shortcode,timestamp,like_count,comments_count,caption,media_type`; IGMedia.json),
 *   a comment (IGComment.json) or an IG user (`followers_count,media_count,username`; IGUser.json;
 *   `me` is the token's account);
 * - `POST /{v}/{comment-id}?hide=true|false` → `{success:true}` (IGComment.json `#update hide`), and
 *   `POST /{v}/{media-id}?comment_enabled=false` (IGMedia.json `#update`);
 * - `DELETE /{v}/{comment-id}` and `DELETE /{v}/{media-id}` → `{success:true}` (`#delete`).
 *
 * @example
 * ```ts
 * registerNodeRoutes(context);
 * ```
 */
export function registerNodeRoutes(context: InstagramContext): void {
  const { sim } = context;
  instagramRoute(context, 'GET', '/:version/:id', {}, ({ path, params, accountId, now }) => {
    const id = path.id === 'me' ? accountId : (path.id ?? '');
    const fields = fieldsParam(params);
    const container = context.containers.get(id);
    if (container !== undefined && container.accountId === accountId)
      return Response.json(pick(containerJson(container, now), fields));
    const comment = sim.engagements.get(id);
    if (comment !== undefined && (comment.kind === 'comment' || comment.kind === 'reply'))
      return Response.json(pick(commentJson(context, comment, now), fields, COMMENT_DEFAULT_FIELDS));
    const post = sim.posts.get(id);
    if (isMedia(post)) return Response.json(pick(mediaJson(context, post, now), fields));
    const account = sim.accounts.get(id);
    if (account !== undefined) return Response.json(pick(userJson(context, account), fields));
    return unsupportedRequest('GET', id);
  });

  instagramRoute(context, 'POST', '/:version/:id', {}, ({ path, params, accountId }) => {
    const id = path.id ?? '';
    const comment = sim.engagements.get(id);
    if (comment !== undefined && (comment.kind === 'comment' || comment.kind === 'reply')) {
      // Only the owner of the media can hide comments on it.
      if (comment.accountId !== accountId) return unsupportedRequest('POST', id);
      const hide = boolParam(params, 'hide');
      if (hide === undefined) return invalidParameter('The parameter hide is required');
      comment.hidden = hide;
      return Response.json({ success: true });
    }
    const post = sim.posts.get(id);
    if (isMedia(post) && post.accountId === accountId) {
      const enabled = boolParam(params, 'comment_enabled');
      if (enabled === undefined) return invalidParameter('The parameter comment_enabled is required');
      sim.posts.put({ ...post, extra: { ...post.extra, commentsDisabled: !enabled } });
      return Response.json({ success: true });
    }
    return unsupportedRequest('POST', id);
  });

  instagramRoute(context, 'DELETE', '/:version/:id', {}, ({ path, accountId }) => {
    const id = path.id ?? '';
    const comment = sim.engagements.get(id);
    if (comment !== undefined && (comment.kind === 'comment' || comment.kind === 'reply')) {
      if (comment.accountId !== accountId && comment.authorId !== accountId)
        return unsupportedRequest('DELETE', id);
      deleteComment(context, id);
      return Response.json({ success: true });
    }
    const post = sim.posts.get(id);
    if (isMedia(post) && post.accountId === accountId) {
      for (const item of sim.engagements.filter((engagement) => engagement.postId === id))
        deleteComment(context, item.id);
      sim.posts.delete(id);
      return Response.json({ success: true });
    }
    return unsupportedRequest('DELETE', id);
  });
}
