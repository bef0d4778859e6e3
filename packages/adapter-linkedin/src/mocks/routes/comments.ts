import type { RouteContext } from '@smmkit/testkit/simulator-kit';
import { type LinkedInSimContext, mayActAs, pathKey, postExtra } from '../context.js';
import { renderComment } from '../entities.js';
import { accessDenied, badRequest, notFound, postForbidden, roleForbiddenField } from '../errors.js';
import { readJsonObject } from '../json-body.js';
import { restliPage, restRoute } from '../rest-route.js';
import { storeComment } from '../store-post.js';
import { hasScope, isOrganization, mayWriteAs, SOCIAL_READ } from './posts.js';
import { mayReadSocialActionsOn } from './social-read-access.js';

/**
 * Declares the Comments API on `/rest/socialActions/{urn}/comments`, where `{urn}` is a post, or a
 * comment for its replies (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api):
 * create (201 with the comment) and list (oldest first, paged with `start`/`count` and
 * `paging.total`).
 */
export function registerCommentRoutes(context: LinkedInSimContext): void {
  const { sim } = context;
  restRoute(context, 'POST', '/socialActions/:target/comments', { bucket: 'api' }, (route) =>
    createComment(context, route),
  );
  restRoute(
    context,
    'GET',
    '/socialActions/:target/comments',
    { bucket: 'api' },
    ({ params, url, accountId, scopes }) => {
      if (!hasScope(scopes, ...SOCIAL_READ)) return accessDenied('comments.GET_ALL');
      const target = sim.posts.get(pathKey(params.target));
      if (target === undefined) return notFound('socialActions');
      const refused = mayReadSocialActionsOn(context, accountId, target);
      if (refused !== undefined) return postForbidden(refused);
      // Oldest first by creation: seeded comments are stored after their time.
      const comments = sim.posts
        .filter((post) => post.inReplyToId === target.id && postExtra(post).kind === 'comment')
        .sort((a, b) => a.createdAt - b.createdAt);
      return restliPage(url, comments, renderComment);
    },
  );
}

async function createComment(
  context: LinkedInSimContext,
  { request, params, accountId, scopes, now }: RouteContext,
) {
  const { sim } = context;
  const body = await readJsonObject(request);
  const actor = typeof body.actor === 'string' ? body.actor : '';
  // The scope first, then the member's role on an organization actor (ROLES_FOR.writeSocialActions;
  // the order is ASSUMED).
  if (!mayWriteAs(scopes, actor, { feed: true })) return accessDenied('comments.CREATE');
  if (!mayActAs(context, accountId, actor, 'writeSocialActions'))
    return isOrganization(actor)
      ? roleForbiddenField('REQUEST_BODY', '/actor')
      : accessDenied('comments.CREATE');
  const target = sim.posts.get(pathKey(params.target));
  if (target === undefined) return notFound('socialActions');
  const object = typeof body.object === 'string' ? body.object : '';
  const text = (body.message as { text?: unknown } | undefined)?.text;
  if (typeof text !== 'string' || text.trim() === '') return badRequest('/message/text', 'is required');
  const parentComment = typeof body.parentComment === 'string' ? body.parentComment : undefined;
  const targetExtra = postExtra(target);
  // A reply is posted under its parent comment, which must be on `object`; a comment under its post.
  const expectedObject = targetExtra.kind === 'comment' ? targetExtra.object : target.id;
  if (object !== expectedObject) return badRequest('/object', 'must be the post the comment is on');
  if (targetExtra.kind === 'comment' && parentComment !== target.id)
    return badRequest('/parentComment', 'must be the comment replied to');
  const comment = storeComment(context, { actor, object, parentComment, text, createdAt: now });
  return Response.json(renderComment(comment), { status: 201, headers: { 'x-restli-id': comment.id } });
}
