import type { SimulatedPost } from '@smmkit/testkit';
import { type MastodonContext, statusExtra } from '../context.js';
import { renderAccount } from './account.js';
import { renderStatus } from './status.js';

/**
 * The mention notifications of `accountId`, each its own id (not the status id) and the
 * mentioning status: one per stored status by someone else that mentions it. They are derived
 * from the statuses, so deleting a status removes its notification, as Mastodon does.
 */
export function mentionNotificationsOf(context: MastodonContext, accountId: string) {
  return context.sim.posts.filter().flatMap((post) => {
    const mention = statusExtra(post).mentions.find((candidate) => candidate.accountId === accountId);
    return mention?.notificationId === undefined
      ? []
      : [{ id: mention.notificationId, post, notifiedAt: mention.notifiedAt }];
  });
}

/**
 * A Notification of type `mention` (docs.joinmastodon.org/entities/Notification/): who mentioned
 * the account, and the status. `group_key` is `ungrouped-<id>` as Mastodon 4.3 sets it for
 * notification types it does not group.
 */
export function renderNotification(
  context: MastodonContext,
  notification: { readonly id: string; readonly post: SimulatedPost; readonly notifiedAt: number },
  viewerId: string,
  now: number,
) {
  const status = renderStatus(context, notification.post, { viewerId, now });
  const author = context.sim.accounts.get(notification.post.accountId);
  return {
    id: notification.id,
    type: 'mention',
    group_key: `ungrouped-${notification.id}`,
    created_at: new Date(notification.notifiedAt).toISOString(),
    account: author === undefined ? status.account : renderAccount(context, author),
    status,
  };
}
