import type { MastodonContext } from '../context.js';
import { mentionNotificationsOf, renderNotification } from '../entities/index.js';
import { keptQuery, linkHeader, pageCursors, paginate } from '../pagination.js';
import { paramList, paramString, queryParams } from '../request-params.js';

/** docs.joinmastodon.org/methods/notifications/#get: "Defaults to 40 notifications. Max 80 notifications." */
const DEFAULT_LIMIT = 40;

/**
 * Declares GET /api/v1/notifications. The simulator only makes `mention` notifications.
 *
 * @example
 * ```ts
 * registerNotificationRoutes(context);
 * ```
 */
export function registerNotificationRoutes(context: MastodonContext): void {
  const { sim } = context;

  // docs.joinmastodon.org/methods/notifications/#get — newest first; `types[]`, `exclude_types[]`
  // and `account_id` filter; pagination with max_id / since_id / min_id and a `Link` header.
  sim.route('GET', '/api/v1/notifications', { bucket: 'api' }, ({ url, accountId, now }) => {
    const query = queryParams(url);
    const types = paramList(query, 'types');
    const excluded = paramList(query, 'exclude_types') ?? [];
    const fromAccount = paramString(query, 'account_id');
    const wanted =
      (types === undefined || types.length === 0 || types.includes('mention')) &&
      !excluded.includes('mention');
    const all = wanted
      ? mentionNotificationsOf(context, accountId).filter(
          (notification) => fromAccount === undefined || notification.post.accountId === fromAccount,
        )
      : [];
    const page = paginate(all, (notification) => notification.id, pageCursors(query, DEFAULT_LIMIT));
    // Api::V1::NotificationsController: both links whenever the page is not empty — the `next`
    // link is there on the last page too, and following it gives an empty page without links.
    const oldest = page.at(-1)?.id;
    const newest = page[0]?.id;
    const link = linkHeader(
      `${context.instanceUrl}/api/v1/notifications`,
      keptQuery(url, ['limit', 'types', 'exclude_types', 'account_id']),
      oldest,
      newest,
    );
    const body = page.map((notification) => renderNotification(context, notification, accountId, now));
    return Response.json(body, { headers: link === undefined ? {} : { link } });
  });
}
