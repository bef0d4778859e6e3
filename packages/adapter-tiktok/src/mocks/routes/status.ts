import { jsonObject, ok, tiktokError } from '../answers.js';
import type { Publication, TikTokSimContext } from '../context.js';
import { scopeRefusal } from '../init-rules.js';
import { isDone, statusBody, statusOf } from '../publications.js';

/**
 * `POST /v2/post/publish/status/fetch/` with `{publish_id}`, 30 per minute per token
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status): the status
 * at simulated now, public ids as bare JSON numbers; and `POST /v2/post/publish/cancel/` with
 * `{publish_id}` for a publish still processing, then `FAILED` with `publish_cancelled`
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide, "Cancel ongoing
 * pull from URL tasks"). Either needs `video.publish` or `video.upload`. Both pages' error
 * tables: 400 `invalid_publish_id` for a publish id that does not exist, 400
 * `token_not_authorized_for_specified_publish_id` for another creator's publish, and for cancel
 * 400 `publish_not_cancellable` once the publish is in a final state (the wording of each is
 * the table's description).
 */
export function registerStatusRoutes(context: TikTokSimContext): void {
  const { sim } = context;
  /** The publish the body names, or the refusal TikTok's tables give. */
  const publicationOf = async (request: Request, accountId: string): Promise<Publication | Response> => {
    const body = await jsonObject(request);
    const id = typeof body?.publish_id === 'string' ? body.publish_id : '';
    const publication = context.publications.get(id);
    if (publication === undefined)
      return tiktokError(400, 'invalid_publish_id', 'The publish_id does not exist.', context.logIds.next());
    if (publication.accountId !== accountId)
      return tiktokError(
        400,
        'token_not_authorized_for_specified_publish_id',
        'The access_token does not have authorization for the specified publish_id.',
        context.logIds.next(),
      );
    return publication;
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
      if (publication instanceof Response) return publication;
      return new Response(statusBody(statusOf(context, publication, now), context.logIds.next()), {
        headers: { 'content-type': 'application/json' },
      });
    },
  );

  sim.route('POST', '/v2/post/publish/cancel/', {}, async ({ request, accountId, scopes, now }) => {
    if (!scoped(scopes)) return scopeRefusal(context);
    const publication = await publicationOf(request, accountId);
    if (publication instanceof Response) return publication;
    if (isDone(context, publication, now))
      return tiktokError(
        400,
        'publish_not_cancellable',
        "The task associated with this publish_id is already in a final state and can't be cancelled.",
        context.logIds.next(),
      );
    publication.cancelled = true;
    sim.posts.delete(publication.postId);
    return ok({}, context.logIds.next());
  });
}
