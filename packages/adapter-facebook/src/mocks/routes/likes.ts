import { unsupportedRequest } from '@smmkit/graph-api/mocks';
import type { SimulatedEngagement } from '@smmkit/testkit';
import { type FacebookContext, requireUserGrants } from '../context.js';

/**
 * The Page's likes (https://developers.facebook.com/docs/graph-api/reference/object/likes):
 * `POST /{v}/{object-id}/likes` likes an object as the Page of the token and
 * `DELETE /{v}/{object-id}/likes` takes the like back, both answering `{success: true}`, also
 * when the object was already liked or not liked (ASSUMED: the reference shows no error for
 * either). The objects are those in the Page's inbox: comments and replies under its posts, and
 * posts that tag it (mentions). Anything else — another Page's comment, an unknown id — is
 * Graph's "Unsupported request" (100, subcode 33). Both need `pages_manage_engagement` ("the
 * ability to create, edit, and delete your own Page's likes to Page content",
 * https://developers.facebook.com/docs/permissions/reference/pages_manage_engagement) and the
 * MODERATE task. The like is testkit's `sim.likes`, which marks
 * the engagement `liked` in the Page's inbox, and comments answer it as `user_likes` and in `like_count`.
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerLikeRoutes(context);
 * ```
 */
export function registerLikeRoutes(context: FacebookContext): void {
  const { sim } = context;
  /** The comment, reply or mention `id` names, when it is in the inbox of the token's Page. */
  const likeable = (id: string, pageId: string): SimulatedEngagement | undefined => {
    const item = sim.engagements.get(id);
    if (item === undefined || item.accountId !== pageId) return undefined;
    return item.kind === 'comment' || item.kind === 'reply' || item.kind === 'mention' ? item : undefined;
  };
  for (const method of ['POST', 'DELETE'] as const) {
    context.route(method, '/:version/:objectId/likes', {}, ({ path, accountId, token }) => {
      const id = path.objectId ?? '';
      const item = likeable(id, accountId);
      if (item === undefined) return unsupportedRequest(method, id);
      requireUserGrants(context, token, ['pages_manage_engagement'], ['MODERATE']);
      sim.likes.set(id, accountId, method === 'POST');
      return Response.json({ success: true });
    });
  }
}
