import type { Engagement, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { StatusSchema } from './schemas.js';

/**
 * Favourites a mention or reply (each is a status, its id the engagement's) as the account, or
 * takes the favourite back: `POST /api/v1/statuses/:id/favourite` and
 * `POST /api/v1/statuses/:id/unfavourite`, both answering the Status
 * (https://docs.joinmastodon.org/methods/statuses/#favourite,
 * https://docs.joinmastodon.org/methods/statuses/#unfavourite). Mastodon answers 200 whether or
 * not the status was favourited already, so both are safe to repeat; a status that is gone or
 * that the account cannot see is a 404, `PlatformError('not_found')`. Needs the
 * `write:favourites` scope (or `write`).
 *
 * @param http - the adapter's HTTP client
 * @param engagement - the mention or reply
 * @param liked - `true` to favourite, `false` to take the favourite back
 * @param context - tokens, signal and rate-limit listener
 *
 * @example
 * ```ts
 * await likeOnMastodon(http, mention, true, ctx);
 * ```
 */
export async function likeOnMastodon(
  http: HttpClient,
  engagement: Engagement,
  liked: boolean,
  context: RequestContext,
): Promise<void> {
  const action = liked ? 'favourite' : 'unfavourite';
  await http.request({
    method: 'POST',
    path: `/api/v1/statuses/${encodeURIComponent(engagement.id)}/${action}`,
    operation: `${action} status`,
    schema: StatusSchema,
    context,
  });
}
