import type { RouteContext } from '@smmkit/testkit';
import { canSee, type MastodonContext } from '../context.js';
import { renderStatus } from '../entities/status.js';
import { mastodonError, RECORD_NOT_FOUND } from '../errors.js';

/**
 * Declares `POST /api/v1/statuses/:id/favourite` and `…/unfavourite`
 * (https://docs.joinmastodon.org/methods/statuses/#favourite,
 * https://docs.joinmastodon.org/methods/statuses/#unfavourite): 200 with the Status as the
 * account now sees it, whether or not it was favourited already ("Status favourited or was
 * already favourited"); 404 "Record not found" for a status that does not exist or that the
 * account cannot see.
 */
export function registerFavouriteRoutes(context: MastodonContext): void {
  context.sim.route('POST', '/api/v1/statuses/:id/favourite', { bucket: 'api' }, (route) =>
    setFavourite(context, route, true),
  );
  context.sim.route('POST', '/api/v1/statuses/:id/unfavourite', { bucket: 'api' }, (route) =>
    setFavourite(context, route, false),
  );
}

function setFavourite(
  context: MastodonContext,
  { params, accountId, now }: RouteContext,
  favourited: boolean,
): Response {
  const { sim } = context;
  const post = sim.posts.get(String(params.id));
  if (post === undefined || !canSee(post, accountId)) return mastodonError(404, RECORD_NOT_FOUND);
  // A mention or reply in the account's inbox is marked liked too (testkit's `sim.likes`).
  sim.likes.set(post.id, accountId, favourited);
  return Response.json(renderStatus(context, post, { viewerId: accountId, now }));
}
