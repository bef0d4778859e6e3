import {
  boolParam,
  fieldNames,
  graphError,
  invalidParameter,
  pick,
  type RequestedField,
  requestedFields,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedAccount } from '@smmkit/testkit';
import { businessDiscovery } from '../business-discovery.js';
import { containerJson, type InstagramContext } from '../context.js';
import { commentJson, isMedia, mediaJson, userJson } from '../entities.js';
import { COMMENTS, requireLoginPermissions } from '../permissions.js';

/** Default fields of a comment node (Graph answers `timestamp,text,id` without `fields`). */
export const COMMENT_DEFAULT_FIELDS = ['id', 'text', 'timestamp'] as const;

/** Default fields of a media node in a nested selection without `{…}` (ASSUMED: `id` only). */
const MEDIA_DEFAULT_FIELDS = ['id'] as const;

/**
 * `mentioned_comment` and `mentioned_media` of an IG user, `GET /{ig-user-id}?fields=mentioned_comment.comment_id(…)`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment):
 * the comment or media whose text mentions `@username`, with the sub-selection in braces. Only
 * the mentioned user may look; a comment or media that does not mention it is Graph error 100
 * (wording ASSUMED), thrown.
 */
function mentionedFields(
  context: InstagramContext,
  requested: readonly RequestedField[],
  account: SimulatedAccount,
  now: number,
): Record<string, unknown> {
  const field = (name: string, key: string) =>
    requested.find((item) => item.name === name && item.call?.key === key);
  const mentions = (text: string) => text.toLowerCase().includes(`@${account.handle.toLowerCase()}`);
  const refuse = (noun: string, id: string) =>
    graphError({ message: `(#100) The ${noun} ${id} does not mention this user`, code: 100 });
  const out: Record<string, unknown> = {};
  const comment = field('mentioned_comment', 'comment_id');
  if (comment?.call !== undefined) {
    const found = context.comments.get(comment.call.value);
    if (found === undefined || !mentions(found.text)) throw refuse('comment', comment.call.value);
    out.mentioned_comment = pick(commentJson(context, found, now), comment.fields, COMMENT_DEFAULT_FIELDS);
  }
  const media = field('mentioned_media', 'media_id');
  if (media?.call !== undefined) {
    const found = context.sim.posts.get(media.call.value);
    if (!isMedia(found) || !mentions(found.text)) throw refuse('media', media.call.value);
    out.mentioned_media = pick(mediaJson(context, found, now), media.fields, MEDIA_DEFAULT_FIELDS);
  }
  return out;
}

/**
 * The node routes, one per method, dispatching on what the id is (Graph has one URL per node):
 * - `GET /{v}/{id}?fields=` for a container (`status_code,status`), a media
 *   (`permalink,shortcode,timestamp,like_count,comments_count,caption,media_type`), a comment or
 *   an IG user (`followers_count,media_count,username`; the IG Container, IG Media, IG Comment and
 *   IG User nodes of https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference;
 *   `me` is the token's account), including `mentioned_comment.comment_id(…){…}`,
 *   `mentioned_media.media_id(…){…}` and `business_discovery.username(…){…}` (business-discovery.ts)
 *   for the user itself;
 * - `POST /{v}/{comment-id}?hide=true|false` → `{success:true}` (updating an IG Comment), and
 *   `POST /{v}/{media-id}?comment_enabled=false` (updating an IG Media);
 * - `DELETE /{v}/{comment-id}` and `DELETE /{v}/{media-id}` → `{success:true}`.
 *
 * Hiding and deleting a comment need the permissions of `COMMENTS`.
 *
 * @example
 * ```ts
 * registerNodeRoutes(context);
 * ```
 */
export function registerNodeRoutes(context: InstagramContext): void {
  const { sim } = context;
  context.route('GET', '/:version/:id', {}, (request) => {
    const { path, params, accountId, now } = request;
    const id = path.id === 'me' ? accountId : (path.id ?? '');
    const fields = fieldNames(params.get('fields'));
    const container = context.containers.get(id);
    if (container !== undefined && container.accountId === accountId)
      return Response.json(pick(containerJson(container, now), fields));
    const comment = context.comments.get(id);
    if (comment !== undefined)
      return Response.json(pick(commentJson(context, comment, now), fields, COMMENT_DEFAULT_FIELDS));
    const post = sim.posts.get(id);
    if (isMedia(post)) return Response.json(pick(mediaJson(context, post, now), fields));
    const account = sim.accounts.get(id);
    if (account === undefined) return unsupportedRequest('GET', id);
    const requested = requestedFields(params.get('fields'));
    const discovery = requested.find((field) => field.name === 'business_discovery');
    const mentions = fields.includes('mentioned_comment') || fields.includes('mentioned_media');
    // Only the IG User itself may ask who it mentions or discover other accounts.
    if ((mentions || discovery !== undefined) && account.id !== accountId)
      return unsupportedRequest('GET', id);
    const mentioned = mentionedFields(context, requested, account, now);
    const discovered = discovery && businessDiscovery(context, request, requested, discovery);
    return Response.json({
      ...pick(userJson(context, account), fields),
      ...mentioned,
      ...(discovered && { business_discovery: discovered }),
    });
  });

  context.route('POST', '/:version/:id', {}, (request) => {
    const { path, params, accountId } = request;
    const id = path.id ?? '';
    const comment = context.comments.get(id);
    if (comment !== undefined) {
      // Only the owner of the media can hide comments on it.
      if (comment.accountId !== accountId) return unsupportedRequest('POST', id);
      requireLoginPermissions(context, request, COMMENTS);
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

  context.route('DELETE', '/:version/:id', {}, (request) => {
    const { path, accountId } = request;
    const id = path.id ?? '';
    const comment = context.comments.get(id);
    if (comment !== undefined) {
      if (comment.accountId !== accountId && comment.authorId !== accountId)
        return unsupportedRequest('DELETE', id);
      requireLoginPermissions(context, request, COMMENTS);
      context.comments.remove(id);
      return Response.json({ success: true });
    }
    const post = sim.posts.get(id);
    if (isMedia(post) && post.accountId === accountId) {
      for (const item of sim.engagements.filter((engagement) => engagement.postId === id))
        context.comments.remove(item.id);
      sim.posts.delete(id);
      return Response.json({ success: true });
    }
    return unsupportedRequest('DELETE', id);
  });
}
