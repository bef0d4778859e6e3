import type { RouteContext } from '@smmkit/testkit/simulator-kit';
import { type LinkedInSimContext, mayActAs, pathKey, type SimulatedReaction } from '../context.js';
import {
  accessDenied,
  badRequest,
  notFound,
  postForbidden,
  roleForbiddenField,
  unprocessable,
} from '../errors.js';
import { readJsonObject } from '../json-body.js';
import { restliPage, restRoute } from '../rest-route.js';
import { removeReaction, storeReaction } from '../store-reaction.js';
import { hasScope, isOrganization, mayWriteAs, SOCIAL_READ } from './posts.js';
import { mayReadSocialActionsOn } from './social-read-access.js';

// The Reactions API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).

/** The reaction types the API takes (`MAYBE` is retired). */
export const REACTION_TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'];

/** A reaction's key as a delete names it: `(actor:{urn},entity:{urn})`, URL-decoded. */
const REACTION_KEY = /^\(actor:(urn:li:(?:person|organization):[^,()]+),entity:(.+)\)$/;

/**
 * Declares the Reactions API on `/rest/reactions`:
 *
 * - `GET /rest/reactions/(entity:{urn})?q=entity`: the reactions on a post or comment, newest
 *   first, paged with `start`/`count`;
 * - `POST /rest/reactions?actor={urn}` with `{root, reactionType}`: the actor reacts to the post
 *   or comment `root` → 201 with the reaction (its URN in `x-restli-id` too); one reaction per
 *   actor and entity, so reacting again replaces the type;
 * - `DELETE /rest/reactions/(actor:{urn},entity:{urn})` → 204, or 404 when there is none.
 */
export function registerReactionRoutes(context: LinkedInSimContext): void {
  restRoute(context, 'GET', '/reactions/:key', { bucket: 'api' }, ({ params, url, accountId, scopes }) => {
    if (!hasScope(scopes, ...SOCIAL_READ)) return accessDenied('reactions.FINDER-entity');
    if (url.searchParams.get('q') !== 'entity') return badRequest('/q', 'must be entity');
    const entity = /^\(entity:(.+)\)$/.exec(pathKey(params.key))?.[1];
    const target = entity === undefined ? undefined : context.sim.posts.get(entity);
    if (entity === undefined || target === undefined) return notFound('reactions');
    const refused = mayReadSocialActionsOn(context, accountId, target);
    if (refused !== undefined) return postForbidden(refused);
    // Newest first by creation (seeded reactions are stored after their time), then newest stored.
    const reactions = [...(context.reactions.get(entity) ?? [])]
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt);
    return restliPage(url, reactions, (reaction) => renderReaction(reaction, entity));
  });
  restRoute(context, 'POST', '/reactions', { bucket: 'api' }, (route) => createReaction(context, route));
  restRoute(context, 'DELETE', '/reactions/:key', { bucket: 'api' }, ({ params, accountId, scopes }) => {
    const [, actor, entity] = REACTION_KEY.exec(pathKey(params.key)) ?? [];
    if (actor === undefined || entity === undefined)
      return badRequest('/key', 'must be (actor:{urn},entity:{urn})');
    const refused = actorRefusal(context, accountId, scopes, actor, 'reactions.DELETE');
    if (refused !== undefined) return refused;
    if (!removeReaction(context, entity, actor)) return notFound('reactions');
    return new Response(null, { status: 204 });
  });
}

async function createReaction(
  context: LinkedInSimContext,
  { request, url, accountId, scopes, now }: RouteContext,
) {
  const actor = url.searchParams.get('actor') ?? '';
  if (actor === '') return badRequest('actor', 'is required');
  const refused = actorRefusal(context, accountId, scopes, actor, 'reactions.CREATE');
  if (refused !== undefined) return refused;
  const body = await readJsonObject(request);
  const root = typeof body.root === 'string' ? body.root : '';
  if (root === '') return unprocessable('/root', 'field is required but not found and has no default value');
  const reactionType = body.reactionType;
  if (typeof reactionType !== 'string' || !REACTION_TYPES.includes(reactionType))
    return unprocessable('/reactionType', `"${String(reactionType)}" is not an enum symbol`);
  // A post or a comment: both are in `sim.posts`. One that is gone, or never was, is not found.
  if (context.sim.posts.get(root) === undefined) return notFound(root);
  const reaction = storeReaction(context, root, { actor, reactionType, createdAt: now });
  return Response.json(renderReaction(reaction, root), {
    status: 201,
    headers: { 'x-restli-id': reaction.id },
  });
}

/**
 * Why the member may not react as `actor`, or `undefined` when it may: the scope first, then the
 * member's role on an organization actor (`ROLES_FOR.writeSocialActions`; the order is ASSUMED),
 * refused naming the `actor` query parameter.
 */
function actorRefusal(
  context: LinkedInSimContext,
  accountId: string,
  scopes: readonly string[],
  actor: string,
  resource: string,
): Response | undefined {
  if (!mayWriteAs(scopes, actor, { feed: true })) return accessDenied(resource);
  if (mayActAs(context, accountId, actor, 'writeSocialActions')) return undefined;
  return isOrganization(actor) ? roleForbiddenField('PARAMETER', '/actor') : accessDenied(resource);
}

/** A reaction as the Reactions API returns it: id, root, type and audit stamps. */
function renderReaction(reaction: SimulatedReaction, root: string) {
  const stamp = { actor: reaction.actor, time: reaction.createdAt };
  return {
    id: reaction.id,
    root,
    reactionType: reaction.reactionType,
    created: stamp,
    lastModified: stamp,
  };
}
