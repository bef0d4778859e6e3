import type { Engagement, EngagementKind, PostRef } from '@smmkit/core';
import { htmlToPlainText } from './html-to-text.js';
import type { MastodonStatus } from './schemas.js';

/** Where a status sits, beyond the status itself. */
export interface StatusEngagementContext {
  /** The account whose inbox it is. */
  readonly accountId: string;
  /** What it is to that account: a `mention` or a `reply`. */
  readonly kind: EngagementKind;
  /** The account's post it is about, when known. */
  readonly postRef?: PostRef | undefined;
  /** The id of the thread's first status, when known. */
  readonly conversationId?: string | undefined;
}

/**
 * A status as an inbox item: its id, author (`acct` as handle, `display_name` as name), plain
 * text (the HTML `content` stripped; docs.joinmastodon.org: entities/Status), the status it
 * answers as `parentId`, and the whole status as `raw`.
 *
 * @param status - the status
 * @param where - the account, the kind, and the post and thread it belongs to
 * @returns the engagement
 *
 * @example
 * ```ts
 * statusEngagement(status, { accountId: '109', kind: 'reply', postRef: ref });
 * ```
 */
export function statusEngagement(status: MastodonStatus, where: StatusEngagementContext): Engagement {
  const { account } = status;
  const name = account.display_name ?? '';
  return {
    platform: 'mastodon',
    accountId: where.accountId,
    id: status.id,
    kind: where.kind,
    ...(where.postRef === undefined ? {} : { postRef: where.postRef }),
    ...(status.in_reply_to_id == null ? {} : { parentId: status.in_reply_to_id }),
    ...(where.conversationId === undefined ? {} : { conversationId: where.conversationId }),
    author: { id: account.id, handle: account.acct, ...(name === '' ? {} : { name }) },
    text: htmlToPlainText(status.content),
    createdAt: new Date(status.created_at),
    raw: status,
  };
}
