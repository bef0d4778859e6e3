import { invalidParams, jsonObject, ok } from '../answers.js';
import type { TikTokSimContext } from '../context.js';
import { scopeRefusal } from '../init-rules.js';
import { isDone, statusBody, statusOf } from '../publications.js';

/**
 * `POST /v2/post/publish/status/fetch/` with `{publish_id}`, 30 per minute per token
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status): the status
 * at simulated now, public ids as bare JSON numbers; and `POST /v2/post/publish/cancel/` with
 * `{publish_id}` for a publish still processing (then `FAILED`, `publish_cancelled`; a finished
 * one is refused with `invalid_params`, wording the simulator's own). Either needs `video.publish`
 * or `video.upload`, and the publish must be the creator's.
 */
export function registerStatusRoutes(context: TikTokSimContext): void {
  const { sim } = context;
  const publicationOf = async (request: Request, accountId: string) => {
    const body = await jsonObject(request);
    const id = typeof body?.publish_id === 'string' ? body.publish_id : '';
    const publication = context.publications.get(id);
    return publication?.accountId === accountId ? publication : undefined;
  };
  const scoped = (scopes: readonly string[]) =>
    scopes.some((scope) => scope === 'video.publish' || scope === 'video.upload');

  sim.route(
    'POST',
    '/v2/post/publish/status/fetch/',
    { bucket: 'status' },
    async ({ request, accountId, scopes, now }) => {
      if (!scoped(scopes)) return scopeRefusal(context);
      const publication = await publicationOf(request, accountId);
      if (publication === undefined)
        return invalidParams('The publish_id is invalid.', context.logIds.next());
      return new Response(statusBody(statusOf(context, publication, now), context.logIds.next()), {
        headers: { 'content-type': 'application/json' },
      });
    },
  );

  sim.route('POST', '/v2/post/publish/cancel/', {}, async ({ request, accountId, scopes, now }) => {
    if (!scoped(scopes)) return scopeRefusal(context);
    const publication = await publicationOf(request, accountId);
    if (publication === undefined) return invalidParams('The publish_id is invalid.', context.logIds.next());
    if (isDone(context, publication, now))
      return invalidParams('The publish is finished and can no longer be cancelled.', context.logIds.next());
    publication.cancelled = true;
    sim.posts.delete(publication.postId);
    return ok({}, context.logIds.next());
  });
}
