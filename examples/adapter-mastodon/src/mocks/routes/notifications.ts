import { readParams } from '@smmkit/testkit/simulator-kit';
import type { MastodonContext } from '../context.js';
import { mentionNotificationsOf, renderNotification } from '../entities/notification.js';
import { pagedJson } from '../pagination.js';
import { paramList } from '../request-params.js';

/** Declares GET /api/v1/notifications. The simulator only makes `mention` notifications. */
export function registerNotificationRoutes(context: MastodonContext): void {
  const { sim } = context;

  // docs.joinmastodon.org/methods/notifications/#get — newest first; `types[]`, `exclude_types[]`
  // and `account_id` filter; pagination with max_id / since_id / min_id and a `Link` header.
  sim.route('GET', '/api/v1/notifications', { bucket: 'api' }, async ({ request, url, accountId, now }) => {
    const query = await readParams(request);
    const types = paramList(query, 'types');
    const excluded = paramList(query, 'exclude_types') ?? [];
    const fromAccount = query.string('account_id');
    const wanted =
      (types === undefined || types.length === 0 || types.includes('mention')) &&
      !excluded.includes('mention');
    const all = wanted
      ? mentionNotificationsOf(context, accountId).filter(
          (notification) => fromAccount === undefined || notification.post.accountId === fromAccount,
        )
      : [];
    // Api::V1::NotificationsController: both links whenever the page is not empty — the `next`
    // link is there on the last page too, and following it gives an empty page without links.
    return pagedJson(all, url, query, {
      // "Defaults to 40 notifications. Max 80 notifications." (docs.joinmastodon.org/methods/notifications/#get)
      defaultLimit: 40,
      keep: ['limit', 'types', 'exclude_types', 'account_id'],
      render: (notification) => renderNotification(context, notification, accountId, now),
    });
  });
}
