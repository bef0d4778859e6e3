import { type LinkedInSimContext, pathKey } from '../context.js';
import { accessDenied, badRequest, notFound } from '../errors.js';
import { restRoute } from '../rest-route.js';
import { hasScope } from './posts.js';

/** Scopes that allow reading reactions: the `*_social` ones and the newer `*_social_feed` ones. */
const READ = [
  'r_member_social',
  'r_member_social_feed',
  'r_organization_social',
  'r_organization_social_feed',
];

/**
 * Declares `GET /rest/reactions/(entity:{urn})?q=entity`: the reactions on a post, newest first,
 * paged with `start`/`count` (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 */
export function registerReactionRoutes(context: LinkedInSimContext): void {
  restRoute(context, 'GET', '/reactions/:key', { bucket: 'api' }, ({ request, params, url }) => {
    if (!hasScope(context, request, ...READ)) return accessDenied('reactions.FINDER-entity');
    if (url.searchParams.get('q') !== 'entity') return badRequest('/q', 'must be entity');
    const entity = /^\(entity:(.+)\)$/.exec(pathKey(params.key))?.[1];
    if (entity === undefined || context.sim.posts.get(entity) === undefined) return notFound('reactions');
    const start = Math.max(0, Number(url.searchParams.get('start') ?? 0));
    const count = Math.min(100, Math.max(1, Number(url.searchParams.get('count') ?? 10)));
    const reactions = [...(context.reactions.get(entity) ?? [])].reverse();
    return Response.json({
      elements: reactions.slice(start, start + count).map((reaction) => ({
        id: reaction.id,
        root: entity,
        reactionType: reaction.reactionType,
        created: { actor: reaction.actor, time: reaction.createdAt },
        lastModified: { actor: reaction.actor, time: reaction.createdAt },
      })),
      paging: { start, count, total: reactions.length },
    });
  });
}
